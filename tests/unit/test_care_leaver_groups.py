"""'Do I get this?' (macros/care_leaver_groups.py): every nation's questions load, every way through
them ends in exactly one group with its source and the date checked, and the ages agree with the
nation's own facts (macros/data/nations/NATION.yml). No site build: these are cheap."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros import care_leaver_groups as clg
from macros import nations
from macros.reader import read_yaml
from macros.schema import CouncilFile, Nation
from nation_words import others_words

NATIONS = [n.value for n in Nation]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def every_answer_combination(data: clg.CareLeaverGroups) -> list[tuple[tuple[str, ...], str]]:
    """Walk the questions without the module's own walker: every combination of answers,
    as (the answers' texts, where the last answer leads)."""
    questions = {q.id: q for q in data.questions}
    groups = {g.id for g in data.groups}
    found = []

    def walk(question_id: str, answered: tuple[str, ...], depth: int) -> None:
        assert depth < 10, f"{data.nation.value}: more than 10 questions deep at {question_id}"
        for answer in questions[question_id].answers:
            if answer.next in groups:
                found.append((answered + (answer.text,), answer.next))
            else:
                assert answer.next in questions, f"{answer.next!r} is neither a question nor a group"
                walk(answer.next, answered + (answer.text,), depth + 1)

    walk(data.start, (), 0)
    return found


def test_every_nation_has_its_file_and_it_loads():
    assert clg.check_care_leaver_groups() == []
    for nation in NATIONS:
        assert (clg.DATA / f"{nation}.yml").is_file()
        assert clg.groups(nation).nation.value == nation


@pytest.mark.parametrize("nation", NATIONS)
def test_every_way_through_ends_in_exactly_one_group_with_its_source(nation):
    data = clg.groups(nation)
    groups = {g.id: g for g in data.groups}
    combinations = every_answer_combination(data)
    assert len(combinations) >= 5
    assert len({answers for answers, _ in combinations}) == len(combinations)  # each combination once, one group each
    for answers, ends_in in combinations:
        assert 1 <= len(answers) <= 3, f"{nation}: {answers} asks more than three questions"
        group = groups[ends_in]
        assert group.source.strip() and isinstance(group.checked_on, date), f"{nation}: {ends_in} has no source or date"
        assert group.checked_on <= data.checked_on
    # the module's walker agrees with this one, and every group is an answer somewhere
    assert sorted((tuple(a.text for _, a in p.steps), p.group.id) for p in data.paths()) == sorted(combinations)
    assert {ends_in for _, ends_in in combinations} == set(groups)


@pytest.mark.parametrize("nation", NATIONS)
def test_the_age_question_covers_every_age_once(nation):
    data = clg.groups(nation)
    first = data.question_by_id[data.start]
    spans = [a.ages for a in first.answers]
    assert all(spans), f"{nation}: the first question is about age, and every answer says which ages"
    assert spans[0].from_age == 0 and spans[-1].until_age is None
    for before, after in zip(spans, spans[1:]):
        assert before.until_age == after.from_age, f"{nation}: ages {before} and {after} leave a gap or overlap"


@pytest.mark.parametrize("nation", NATIONS)
def test_the_ages_agree_with_the_nations_facts(nation):
    data = clg.groups(nation)
    upper = nations.facts(nation).care_leaver_upper_age.value
    tops = [g.up_to_age for g in data.groups if g.up_to_age is not None]
    assert max(tops) == upper, f"{nation}: the longest help ({max(tops)}) is not the nation's upper age ({upper})"
    for group in data.groups:
        if group.law_calls_this:
            assert group.ages.from_age >= 16, f"{nation}: {group.id} is a care leaver group, so it starts at 16 or later"
        if group.ages.until_age is not None:
            assert group.ages.until_age <= upper, f"{nation}: {group.id} goes past the nation's upper age"
        if group.up_to_age is not None:
            assert str(group.up_to_age) in group.help_until, f"{nation}: {group.id} says its age in words too"
    for path in data.paths():
        assert path.ages.within(path.group.ages), path.describe()


@pytest.mark.parametrize("nation", NATIONS)
def test_a_nations_file_holds_only_its_own_words_and_no_labels(nation):
    text = (clg.DATA / f"{nation}.yml").read_text(encoding="utf-8")
    assert others_words(nation, text) == []
    assert not re.search(r"\bLAC\b|\(check\)|\bTODO\b|\bverify\b", text)


@pytest.mark.parametrize("nation", NATIONS)
def test_every_group_is_said_in_plain_words_first(nation):
    for group in clg.groups(nation).groups:
        assert not group.title.lower().startswith(("eligible", "relevant", "former", "qualifying", "category"))
        if group.law_calls_this:
            assert group.law_calls_this not in group.title


def base_file() -> dict:
    return copy.deepcopy(read_yaml(clg.DATA / "england.yml").data)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["questions"][0]["answers"][0].update(next="nowhere"), "neither a question nor a group"),
    (lambda d: d["questions"][1]["answers"][0].update(next="age"), "loop"),
    (lambda d: d["groups"].append(dict(d["groups"][0], id="orphan")), "no answer leads to: orphan"),
    (lambda d: d["groups"].append(dict(d["groups"][0])), "unique"),
    (lambda d: d.update(start="nowhere"), "start"),
    (lambda d: d["questions"][0]["answers"][1]["ages"].update(from_age=15), "not all in the group's ages"),
])
def test_a_broken_file_is_refused(change, message):
    data = base_file()
    change(data)
    with pytest.raises(ValidationError, match=message):
        clg.CareLeaverGroups.model_validate(data)


def test_links_go_to_the_item_the_page_shows_even_when_the_council_improves_it():
    council = CouncilFile.model_validate(read_yaml(FIXTURES / "fernleigh.yml").data)
    improved = [i for i in council.entitlements.local_offer if i.improves == "setting-up-home-allowance"]
    assert improved, "the England fixture improves the setting-up-home allowance"
    links = clg.entitlement_links(council, ["personal-adviser", "setting-up-home-allowance"], lambda t: "/" + t)
    assert [link.href for link in links] == ["/young-people/entitlements/#all-personal-adviser",
                                            f"/young-people/entitlements/#all-{improved[0].id}"]


@pytest.mark.parametrize("fixture", ["fernleigh", "afoncwm", "glenmorach", "loughbeg"])
def test_the_guide_is_the_councils_nations_and_every_group_is_shown(fixture):
    council = CouncilFile.model_validate(read_yaml(FIXTURES / f"{fixture}.yml").data)
    nation = council.council.nation.value
    guide = clg.guide(council, lambda t: "/" + t)
    assert [g.title for g in guide.groups] == [g.title for g in clg.groups(nation).groups]
    assert guide.first.number == 1 and guide.first.ask == clg.groups(nation).question_by_id[clg.groups(nation).start].ask

    def groups_in(question) -> set[str]:
        out = set()
        for answer in question.answers:
            assert (answer.question is None) != (answer.group is None)  # exactly one: the next question or a group
            out |= groups_in(answer.question) if answer.question else {answer.group.title}
        return out

    assert groups_in(guide.first) == {g.title for g in guide.groups}


@pytest.mark.parametrize("nation", NATIONS)
def test_what_the_page_shows_uses_young_peoples_words(nation):
    """Labels young people have asked us not to use (tests/site/test_pages.py) are in no shown field."""
    banned = re.compile(r"\b(LACs?|looked[ -]after child(ren)?|placements?)\b", re.I)
    data = clg.groups(nation)
    shown = [q.ask for q in data.questions] + [q.hint or "" for q in data.questions]
    shown += [a.text for q in data.questions for a in q.answers]
    shown += [str(v) for g in data.groups for k, v in g.model_dump().items() if k not in ("id", "entitlements", "url")]
    assert [s for s in shown if banned.search(s)] == []
