"""The one help bar on young people's pages, and where who-can-help and speak-up end (issue 12).

Built with each nation's fixture council: every young people's page has exactly one help bar with
999, Childline and the council's out-of-hours number (or plain words that it is not published), and
no second "Need help now?" box; who-can-help and speak-up end with the council's nation's ombudsman
and children's commissioner, and never another nation's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros import nations
from macros.council_file import load_council
from macros.schema import Role
from nation_words import others_words
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES, html_pages, visible_text

SITES = {"example_site": FERNLEIGH, "wales_site": WALES, "scotland_site": SCOTLAND,
         "northern_ireland_site": NORTHERN_IRELAND}
OWN_WORDS_PAGES = {"young-people", "who-can-help", "speak-up", "have-your-say"}
HELP_BAR = re.compile(r'<aside class="cp-help" id="help-now" aria-labelledby="help-now-title">.*?</aside>', re.S)


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def young_people_pages(site: Path) -> list[Path]:
    pages = html_pages(site / "young-people")
    assert len(pages) >= 9
    return pages


@pytest.mark.parametrize("site_fixture", SITES)
def test_one_help_bar_with_childline_and_out_of_hours_on_every_young_people_page(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    council = load_council(SITES[site_fixture])[0]
    out_of_hours = council.contact(Role.out_of_hours)
    for page in young_people_pages(site):
        # The entitlements filter's "nothing matches" help (hidden until a search finds nothing) is not shown.
        # Nor is what only prints (the Pledge leaflet's "Who you can call").
        html = re.sub(r'<div class="cp-ent-none" data-cp-none hidden>.*?</div>', " ", article(page), flags=re.S)
        html = re.sub(r'<section class="cp-print-only.*?</section>', " ", html, flags=re.S)
        bars = HELP_BAR.findall(html)
        assert len(bars) == 1, f"{page}: {len(bars)} help bars"
        # after the page's own words: a page starts with what it is about (the sticky "Help now" link jumps here)
        assert html.index('id="help-now"') > html.rindex("</h1>"), f"{page}: the help bar comes before the heading"
        assert 'href="#help-now"' in html, f"{page}: no 'Help now' link to the help bar"
        bar, text = bars[0], visible_text(html)
        assert text.count("Need help now?") == 1, f"{page}: a second 'Need help now?' box"
        assert 'admonition danger' not in html, f"{page}: a danger box beside the help bar"
        for number, href in (("0800 1111", "tel:08001111"), ("999", "tel:999")):
            assert f'href="{href}"' in bar and html.count(f'href="{href}"') == 1, f"{page}: {number}"
        assert bar.count("0800 1111") == 1
        if page.parent.name in OWN_WORDS_PAGES:  # (the entitlements pages also list Childline as a card)
            assert text.count("0800 1111") == 1, f"{page}: Childline shown more than once"
        if out_of_hours and out_of_hours.phone:
            assert out_of_hours.phone in bar and text.count(out_of_hours.phone) == 1, page
        else:
            assert "has not put its out-of-hours number on this site yet" in bar, page


@pytest.mark.parametrize("site_fixture", SITES)
@pytest.mark.parametrize("name", ["who-can-help", "speak-up"])
def test_who_can_help_and_speak_up_end_with_the_nations_ombudsman_and_commissioner(request, site_fixture, name):
    site = request.getfixturevalue(site_fixture)
    council = load_council(SITES[site_fixture])[0]
    nation = council.council.nation.value
    facts = nations.facts(nation)
    html = article(site / "young-people" / name / "index.html")
    content = html.split('<aside class="cp-page-facts"', 1)[0]
    last = content.rsplit('<div class="cp-card cp-still-not-happy">', 1)
    assert len(last) == 2, "the page does not end with the ombudsman and commissioner"
    assert visible_text(last[1].split("</div>", 1)[1]) == "", "something comes after them"
    ending = visible_text(last[1])
    assert facts.ombudsman.name in ending
    assert facts.commissioner.name[4:] in ending  # after "the", which starts a sentence there
    line = facts.commissioner.advice_line
    if line and line.phone:
        assert line.phone in ending
    elif line:
        assert "their website tells you how to reach them" in ending
    assert others_words(nation, visible_text(html)) == []


@pytest.mark.parametrize("site_fixture", SITES)
def test_who_can_help_says_what_to_do_if_the_adviser_does_not_reply(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    council = load_council(SITES[site_fixture])[0]
    facts = nations.facts(council.council.nation.value)
    html = article(site / "young-people" / "who-can-help" / "index.html")
    section = html.split('id="adviser-not-replying"', 1)[1].split("<h2", 1)[0]
    text = visible_text(section)
    team = council.contact(Role.leaving_care)
    assert (team.phone in text) if team and team.phone else ("ask for the leaving care team" in text)
    assert "team's manager" in text
    assert 'href="./#advocate"' in section
    assert "#complain" in section and "Make a complaint" in text
    assert f"{facts.voice_charity.name}" in text and "It is a charity" in text
    assert f'href="{facts.voice_charity.web}' in section


@pytest.mark.parametrize("site_fixture", SITES)
def test_the_search_page_young_people_reach_has_exit_this_page_and_the_help_bar(request, site_fixture):
    """Young people's pages link to the search page (it needs Material's script, so it is not one of theirs):
    it keeps Exit this page, to the council's exit address, and the one help bar."""
    site = request.getfixturevalue(site_fixture)
    council = load_council(SITES[site_fixture])[0]
    html = (site / "search" / "index.html").read_text(encoding="utf-8")
    exit_url = str(council.young_people.exit_page_url)
    assert html.count(f'href="{exit_url}"') == 2, "Exit this page: the skip link and the button"
    assert len(HELP_BAR.findall(article(site / "search" / "index.html"))) == 1
