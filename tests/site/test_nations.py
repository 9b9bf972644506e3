"""Every UK nation, told truly: a site names its own nation's bodies, ages and roles, and none of another's.

One fixture council per nation (tests/fixtures/): England (fernleigh), Wales (afoncwm),
Scotland (glenmorach) and Northern Ireland (loughbeg, a Health and Social Care Trust).
The handbook included: its pages hold what every nation shares, and each nation's own law, bodies
and roles come from macros/data/handbook/NATION/ (tests/unit/test_handbook_text.py).
"""

from __future__ import annotations

import re

import pytest

from macros import nations
from macros.council_file import load_council
from macros.schema import Nation
from nation_words import others_words
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES, html_pages, page_address, page_text, visible_text

SITES = {"england": ("example_site", FERNLEIGH), "wales": ("wales_site", WALES),
         "scotland": ("scotland_site", SCOTLAND), "northern-ireland": ("northern_ireland_site", NORTHERN_IRELAND)}
ENGLAND_ONLY = ("Ofsted", "Virtual School Head", "Staying Put", "Pupil Premium",
                "Local Government and Social Care Ombudsman", "Help at Hand", "Children Act 1989")


SOURCES_LIST = re.compile(r'<aside class="cp-page-facts".*?</aside>', re.S)


def every_page(site) -> dict[str, str]:
    """Each page's visible text, without its list of sources: the handbook's shared text cites the
    documents it was written from (some are England's), which is where it came from, not a claim."""
    return {page_address(site, p): visible_text(SOURCES_LIST.sub("", p.read_text(encoding="utf-8")))
            for p in html_pages(site)}


@pytest.mark.parametrize("nation", list(SITES))
def test_the_site_names_its_own_nations_bodies_and_no_other(request, nation):
    site = request.getfixturevalue(SITES[nation][0])
    own = nations.facts(nation)
    complaints = visible_text(page_text(site, "young-people/speak-up"))
    assert own.ombudsman.name in complaints and own.commissioner.name[1:] in complaints
    pages = every_page(site)
    for other in Nation:
        if other.value != nation:
            theirs = nations.facts(other.value)
            found = [a for a, text in pages.items() if theirs.ombudsman.name in text or theirs.commissioner.name[4:] in text]
            assert found == [], f"{theirs.ombudsman.name} or {theirs.commissioner.name} on {found}"
    if nation != "england":
        found = [f"{a}: {w}" for a, text in pages.items() for w in ENGLAND_ONLY if w in text]
        assert found == [], found
    found = [f"{a}: {w}" for a, text in pages.items() for w in others_words(nation, text)]
    assert found == [], "another nation's bodies or laws:\n" + "\n".join(found)


@pytest.mark.parametrize("nation", list(SITES))
def test_the_handbook_tells_its_own_nations_law_and_bodies(request, nation):
    site = request.getfixturevalue(SITES[nation][0])
    own = nations.facts(nation)
    handbook = " ".join(text for address, text in every_page(site).items() if address.startswith("/handbook/"))
    terms = own.terms
    for name in (terms.inspectorate, terms.main_act, terms.staying_with_carers, terms.voice_charity,
                 own.ombudsman.name, own.commissioner.name):
        bare = re.sub(r"^the |\s*\([^)]*\)$", "", name)  # "the Care Inspectorate", "Care Inspectorate Wales (CIW)"
        assert bare in handbook or bare[0].upper() + bare[1:] in handbook, f"the {nation} handbook never names {name}"
    law = visible_text(page_text(site, "handbook/law-and-guidance"))
    assert terms.main_act.removeprefix("the ") in law
    assert "corporate-parenting-principles" in page_text(site, "handbook/law-and-guidance")


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


@pytest.mark.parametrize("nation", list(SITES))
def test_no_nation_publishes_a_bare_check_or_a_note_to_verify(request, nation):
    """An unconfirmed fact says so in plain words, with when it was last checked: never "(check…)" or "verify"."""
    site = request.getfixturevalue(SITES[nation][0])
    found = [f"{address}: {m.group(0)}" for address, text in every_page(site).items()
             for m in re.finditer(r"\(check\b[^)]*\)|\bverify\b|\bTODO\b", text, re.I)]
    assert found == [], found
