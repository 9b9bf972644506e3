"""The young people's topics each nation's baseline must cover (macros/data/entitlements/NATION.yml).

Issue 12: the young people's pages said nothing about family time, brothers and sisters, money of
their own, health checks, help at school, moving home, being unhappy where they live, or (for care
leavers) having nowhere to live. Each nation's baseline must now have an item for each topic, with a
source and the date it was checked, in words a 9-year-old can read.

TOPICS is the shared list: add a nation to NATIONS when its baseline covers every topic (the
Scotland and Northern Ireland helper extends it there).
"""

from __future__ import annotations

import re

import pytest
import textstat

from macros.nations import baseline
from macros.schema import Area, Stage

# topic -> (the areas an item for it may sit in, the everyday words that mark it; any one will do)
TOPICS: dict[str, tuple[set[Area], set[str]]] = {
    "family time": ({Area.relationships}, {"family time", "see my mum", "see my dad"}),
    "brothers and sisters": ({Area.relationships}, {"brothers and sisters", "siblings", "see my brother", "see my sister"}),
    "savings and pocket money": ({Area.money}, {"savings", "pocket money", "junior isa"}),
    "health checks": ({Area.health_and_wellbeing}, {"health check", "health plan"}),
    "help at school": ({Area.education_and_training}, {"school"}),
    "moving home": ({Area.accommodation, Area.participation_in_society}, {"moving home", "new home", "do not want to move"}),
    "unhappy where you live": ({Area.participation_in_society, Area.health_and_wellbeing, Area.relationships},
                               {"unhappy", "not happy where i live"}),
    "a home for care leavers": ({Area.accommodation}, {"homeless", "nowhere to live", "nowhere to stay tonight"}),
}
# topics that are for care leavers: their item must be for the leaving-care stage
FOR_CARE_LEAVERS = {"a home for care leavers"}

NATIONS = ["england", "wales"]
MAX_GRADE = 4.0  # Flesch-Kincaid grade 4: a reading age of about 9
TEXT_FIELDS = ("what_you_get", "how_to_ask", "who_can_get_it")
# every field a young people's page shows, and the words those pages never use (as tests/site/test_pages.py)
SHOWN_FIELDS = ("title", "what_you_get", "how_to_ask", "who_can_get_it", "amount", "given_by", "law")
NOT_FOR_YOUNG_PEOPLE = re.compile(r"\b(LACs?|looked[ -]after child(ren)?|placements?)\b", re.I)


def items_for(nation: str, topic: str):
    areas, words = TOPICS[topic]
    return [item for item in baseline(nation).items
            if item.area in areas and words & {k.lower() for k in item.keywords}]


@pytest.mark.parametrize("topic", sorted(TOPICS))
@pytest.mark.parametrize("nation", NATIONS)
def test_the_baseline_covers_every_young_peoples_topic(nation, topic):
    found = items_for(nation, topic)
    assert found, f"{nation} has no item about {topic}"
    if topic in FOR_CARE_LEAVERS:
        assert any(Stage.leaving_care in item.stages for item in found), f"{nation}: {topic} is not for care leavers"


@pytest.mark.parametrize("nation", NATIONS)
def test_each_topic_item_says_where_it_comes_from_and_when_it_was_checked(nation):
    national = baseline(nation)
    for topic in TOPICS:
        for item in items_for(nation, topic):
            assert item.source and item.source.title, (nation, item.id)
            assert item.as_of or national.as_of, (nation, item.id)
            if item.source.url:
                assert str(item.source.url).startswith("https://"), (nation, item.id)


@pytest.mark.parametrize("nation", NATIONS)
def test_every_item_reads_at_grade_4_or_below(nation):
    too_hard = {}
    for item in baseline(nation).items:
        for field in TEXT_FIELDS:
            grade = textstat.flesch_kincaid_grade(getattr(item, field))
            if grade > MAX_GRADE:
                too_hard[f"{item.id}.{field}"] = round(grade, 1)
    assert too_hard == {}, too_hard


@pytest.mark.parametrize("nation", NATIONS)
def test_no_placeholders_or_labels_in_the_words(nation):
    for item in baseline(nation).items:
        text = " ".join(getattr(item, field) or "" for field in SHOWN_FIELDS)
        for banned in ("(check)", "verify", "TODO"):
            assert banned not in text, (nation, item.id, banned)
        hit = NOT_FOR_YOUNG_PEOPLE.search(text)
        assert not hit, (nation, item.id, hit and hit.group())


def test_the_grade_check_catches_hard_words():
    # the test above must be able to fail: long sentences and long words score well above grade 4
    hard = ("Notwithstanding the aforementioned statutory obligations, the responsible authority "
            "shall ascertain the wishes and feelings of the child before implementing any modification.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE
