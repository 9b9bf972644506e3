"""Every UK nation, told truly: a site names its own nation's bodies, ages and roles, and none of another's.

One fixture council per nation (tests/fixtures/): England (fernleigh), Wales (afoncwm),
Scotland (glenmorach) and Northern Ireland (loughbeg, a Health and Social Care Trust).
The handbook is left out here: it is still written for England (the nation issue's work);
`check` tells a council outside England so.
"""

from __future__ import annotations

import re

import pytest

from macros import nations
from macros.council_file import load_council
from macros.schema import Nation
from sites import FERNLEIGH, FIXTURES, RECIPES, WALES, html_pages, page_address, page_text, visible_text

SCOTLAND = FIXTURES / "glenmorach.yml"
NORTHERN_IRELAND = FIXTURES / "loughbeg.yml"
RECIPES.update({
    "scotland_site": lambda folder: (SCOTLAND, {}),
    "northern_ireland_site": lambda folder: (NORTHERN_IRELAND, {}),
})
SITES = {"england": ("example_site", FERNLEIGH), "wales": ("wales_site", WALES),
         "scotland": ("scotland_site", SCOTLAND), "northern-ireland": ("northern_ireland_site", NORTHERN_IRELAND)}
ENGLAND_ONLY = ("Ofsted", "Virtual School Head", "Staying Put", "Pupil Premium",
                "Local Government and Social Care Ombudsman", "Help at Hand", "Children Act 1989")


@pytest.fixture(scope="module")
def scotland_site(builds):
    return builds.site("scotland_site")


@pytest.fixture(scope="module")
def northern_ireland_site(builds):
    return builds.site("northern_ireland_site")


def outside_the_handbook(site) -> dict[str, str]:
    return {page_address(site, p): visible_text(p.read_text(encoding="utf-8"))
            for p in html_pages(site) if not page_address(site, p).startswith("/handbook/")}


@pytest.mark.parametrize("nation", list(SITES))
def test_the_site_names_its_own_nations_bodies_and_no_other(request, nation):
    site = request.getfixturevalue(SITES[nation][0])
    own = nations.facts(nation)
    complaints = visible_text(page_text(site, "young-people/speak-up"))
    assert own.ombudsman.name in complaints and own.commissioner.name[1:] in complaints
    pages = outside_the_handbook(site)
    for other in Nation:
        if other.value != nation:
            theirs = nations.facts(other.value)
            found = [a for a, text in pages.items() if theirs.ombudsman.name in text or theirs.commissioner.name[4:] in text]
            assert found == [], f"{theirs.ombudsman.name} or {theirs.commissioner.name} on {found}"
    if nation != "england":
        found = [f"{a}: {w}" for a, text in pages.items() for w in ENGLAND_ONLY if w in text]
        assert found == [], found


@pytest.mark.parametrize("nation", list(SITES))
def test_the_site_gives_its_own_nations_ages_and_entitlements(request, nation):
    site = request.getfixturevalue(SITES[nation][0])
    own = nations.facts(nation)
    age = own.care_leaver_upper_age.value
    home = visible_text(page_text(site, ""))
    assert f"up to the age of {age}" in home
    assert f"under {age}" in visible_text(page_text(site, "young-people"))
    entitlements = visible_text(page_text(site, "young-people/entitlements"))
    assert f"The law in {own.name}" in entitlements and "A free service from a charity" in entitlements
    if nation == "scotland":
        assert "up to the age of 25" not in home  # aftercare runs to the 26th birthday


def test_a_trust_is_not_called_a_council(northern_ireland_site):
    council, _ = load_council(NORTHERN_IRELAND)
    for address in ("", "young-people", "young-people/have-your-say", "young-people/speak-up"):
        text = visible_text(page_text(northern_ireland_site, address))
        assert not re.search(r"\bthe council\b|\bcouncillors\b", text), address
    assert "everyone at the Trust" in visible_text(page_text(northern_ireland_site, "young-people"))
    assert council.council.name in visible_text(page_text(northern_ireland_site, ""))


@pytest.mark.parametrize("nation", ["scotland", "northern-ireland"])
def test_reviews_and_school_help_are_the_nations_own(request, nation):
    site = request.getfixturevalue(SITES[nation][0])
    text = visible_text(page_text(site, "young-people/who-can-help"))
    assert nations.facts(nation).reviews.heading in text and nations.facts(nation).school.heading in text
    assert "Independent Reviewing Officer" not in text and "Virtual School Head" not in text
