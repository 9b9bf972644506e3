"""Scotland's and Northern Ireland's baselines answer what young people ask about (issue 12).

Each topic is found by an item's id or by a search word on it. Every item a topic finds must carry
its source and the date it was checked, must not claim to be the council's own offer, and must read
at reading age 9 (Flesch-Kincaid grade 4 or under) in each of its three plain-words fields.
"""

from __future__ import annotations

import pytest
import textstat

from macros.nations import baseline
from macros.schema import Basis
from nation_words import others_words

NATIONS = ("scotland", "northern-ireland")

# topic -> (ids that answer it, search words that mark an item as answering it)
TOPICS: dict[str, tuple[set[str], set[str]]] = {
    "family time": ({"family-time"}, {"family time"}),
    "brothers and sisters": ({"brothers-and-sisters"}, {"brothers and sisters"}),
    "pocket money and savings": ({"pocket-money", "junior-isa"}, {"pocket money", "savings"}),
    "health checks": ({"health-assessment", "health-care"}, {"health check"}),
    "school support": ({"school-support"}, {"help at school"}),
    "moving home": ({"moving-home"}, {"new home"}),
    "unhappy where you live": ({"unhappy-where-you-live"}, {"unhappy"}),
    "housing and homelessness after care": (
        {"homeless-help", "nowhere-to-stay-tonight", "housing-help"}, {"homeless", "nowhere to live"}),
}

PLAIN_FIELDS = ("what_you_get", "how_to_ask", "who_can_get_it")


def _answers(nation: str, topic: str) -> list:
    ids, words = TOPICS[topic]
    return [item for item in baseline(nation).items
            if item.id in ids or words & {k.lower() for k in item.keywords}]


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_the_baseline_answers_the_topic(nation, topic):
    found = _answers(nation, topic)
    assert found, f"{nation}: nothing on {topic!r}"
    for item in found:
        assert item.basis != Basis.council_offer, item.id
        assert item.source and item.source.title, f"{nation} {item.id}: no source"
        assert item.as_of, f"{nation} {item.id}: no date checked"


@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_topic_items_read_at_reading_age_9(nation, topic):
    too_hard = {
        f"{item.id}.{field}": round(textstat.flesch_kincaid_grade(getattr(item, field)), 1)
        for item in _answers(nation, topic) for field in PLAIN_FIELDS
        if textstat.flesch_kincaid_grade(getattr(item, field)) > 4
    }
    assert too_hard == {}, too_hard


@pytest.mark.parametrize("nation", NATIONS)
def test_topic_items_speak_only_of_their_own_nation(nation):
    for topic in TOPICS:
        for item in _answers(nation, topic):
            text = " ".join(str(v) for v in item.model_dump(mode="json").values())
            assert others_words(nation, text) == [], (item.id, others_words(nation, text))


@pytest.mark.parametrize("nation", NATIONS)
def test_unconfirmed_facts_are_said_in_plain_words(nation):
    for item in baseline(nation).items:
        text = " ".join(getattr(item, f) for f in PLAIN_FIELDS)
        for banned in ("(check)", "verify", "TODO", "TBC"):
            assert banned not in text, (item.id, banned)


def test_a_meaningless_baseline_would_fail():
    """Negative control: the matcher finds nothing for a topic no item answers."""
    TOPICS["__none__"] = ({"no-such-item"}, {"no such search word"})
    try:
        assert _answers("scotland", "__none__") == []
    finally:
        del TOPICS["__none__"]
