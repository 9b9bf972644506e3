"""Warnings for what would hurt readers: a safety contact missing, an owner nobody can reach,
a promise or a young people's text that is too long or too hard to read."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from macros.data_checks import hard_to_read, needed_roles, reader_problems
from macros.reader import read_yaml
from macros.schema import CouncilFile, Role

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "afoncwm.yml"
DOCS = ROOT / "docs"


def warnings(data: dict) -> list[tuple[str, str]]:
    council = CouncilFile.model_validate(data)
    located = read_yaml(FIXTURE)
    return [(p.field, p.message) for p in reader_problems(council, located.where, "council.yml", DOCS)
            if p.severity == "warning"]


@pytest.fixture
def data() -> dict:
    return copy.deepcopy(read_yaml(FIXTURE).data)


def test_the_fixture_has_every_contact_its_readers_need(data):
    assert warnings(data) == []


def test_the_young_peoples_pages_say_which_contacts_they_need():
    needed = needed_roles(DOCS)
    assert {Role.complaints, Role.out_of_hours, Role.advocacy, Role.independent_reviewing_officers,
            Role.virtual_school_head, Role.children_in_care_council} <= set(needed)
    assert needed[Role.advocacy].startswith("docs/young-people/")


@pytest.mark.parametrize("role", ["complaints", "out_of_hours", "advocacy", "children_in_care_council"])
def test_a_missing_safety_contact_is_a_warning(data, role):
    data["contacts"] = [c for c in data["contacts"] if c["role"] != role]
    found = warnings(data)
    assert any(field == "contacts" and f"no '{role}' contact" in message for field, message in found), found


def test_an_owner_with_no_contact_is_a_warning(data):
    data["pledge"]["promises"][0]["owner"] = "fostering"
    assert ("pledge.promises[0].owner", ) == tuple(f for f, m in warnings(data) if "has no contact" in m)


def test_a_long_promise_is_a_warning(data):
    data["pledge"]["promises"][0]["promise"] = "We will " + " ".join(["listen to you"] * 36) + "."
    found = dict(warnings(data))
    assert "words long" in found["pledge.promises[0].promise"]


def test_hard_words_for_young_readers_are_a_warning(data):
    data["young_people"]["children_in_care_council"]["how_to_join"] = (
        "Prospective participants' applications necessitate comprehensive documentation, "
        "institutional authorisation, and bureaucratic administrative consideration.")
    found = dict(warnings(data))
    assert "school grade" in found["young_people.children_in_care_council.how_to_join"]


@pytest.mark.parametrize("text,problem", [
    ("We will listen to you. We will write it down.", None),
    ("Ask your social worker and they will help you to join the group that meets every month in the "
     "town hall after school on a Thursday with pizza and games for everyone who comes along.", "words long"),
    ("Ask.", None),
])
def test_hard_to_read(text, problem):
    result = hard_to_read(text)
    assert (result is None) if problem is None else (problem in result)
