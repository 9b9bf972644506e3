"""The question bank gives each nation its own questions, on the handbook page and beside the figures."""

from __future__ import annotations

import pytest

from macros import questions
from macros.schema import Nation
from nation_words import others_words

NATIONS = [n.value for n in Nation]


def test_some_questions_belong_to_some_nations_only():
    limited = [(section, q, where) for section, items in questions.bank().items() for q, where in items
               if set(where) != set(questions.ALL_NATIONS)]
    assert limited, "the bank has no nation-specific question: the filter below would test nothing"
    section, question, where = limited[0]
    for nation in NATIONS:
        assert (f"- [ ] {question}" in questions.markdown_list(section, nation).splitlines()) == (nation in where)


@pytest.mark.parametrize("nation", NATIONS)
def test_a_nation_is_asked_no_other_nations_questions(nation):
    text = "\n".join(questions.markdown_list(section, nation) for section in questions.bank())
    assert others_words(nation, text) == []
    assert text.count("- [ ]") >= 40  # every nation gets a full bank, not England's leftovers


@pytest.mark.parametrize("nation", NATIONS)
def test_the_scorecard_and_the_page_ask_the_same_questions(nation):
    for section in questions.bank():
        assert len(questions.questions_for(section, nation)) == questions.markdown_list(section, nation).count("- [ ]")
