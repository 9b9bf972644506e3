"""Every briefing shows, in all four nations, the council's own latest figures on its topic (or says
plainly it has none) and at least one current national figure with its year and source."""

from __future__ import annotations

import re

import pytest

from macros import nations
from macros.council_file import load_council
from macros.national import OLDEST_YEAR, period_end_year
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES, page_text, visible_text

SITES = {"example_site": FERNLEIGH, "wales_site": WALES, "scotland_site": SCOTLAND,
         "northern_ireland_site": NORTHERN_IRELAND}
BRIEFINGS = ["adoption-and-permanence", "care-planning-and-reviews", "children-in-care-councils", "edge-of-care",
             "education", "health", "leaving-care", "missing-and-exploitation", "offending-and-custody",
             "safeguarding", "sufficiency", "visits-to-childrens-homes"]
PANEL = re.compile(r'<section class="admonition info cp-here-in".*?</section>', re.S)


@pytest.mark.parametrize("site_name", list(SITES))
def test_every_briefing_shows_the_councils_figures_and_a_current_national_figure(request, site_name):
    site = request.getfixturevalue(site_name)
    council, _ = load_council(SITES[site_name])
    short = council.council.short_name
    nation = nations.facts(council.council.nation.value).name
    for briefing in BRIEFINGS:
        html = page_text(site, f"handbook/briefings/{briefing}")
        panels = PANEL.findall(html)
        assert len(panels) == 1, f"{briefing}: {len(panels)} panels"
        panel = panels[0]
        text = visible_text(panel)
        assert text.startswith(f"Here in {short}"), text[:80]
        local = re.findall(r'<li data-indicator="[^"]+">', panel)
        assert local or f"{short} has not published its own figures on" in text, f"{briefing}: {text[:300]}"
        assert f"Across {nation}" in text
        national = re.findall(r'<li data-figure="[^"]+" data-year="(\d{4})">(.*?)</li>', panel, re.S)
        assert national, f"{briefing}: no national figure"
        for year, item in national:
            period = re.search(r"</strong> \(([^)]+)\)", item).group(1)  # the year as the reader sees it
            assert int(year) >= OLDEST_YEAR and period_end_year(period) == int(year), item
            assert re.search(r'Source: <a href="https://[^"]+">[^<]+</a> \((accredited official statistics|official '
                             r'statistics|official statistics in development)\), checked <time datetime="\d{4}-\d\d-\d\d">',
                             item), item


def test_the_example_council_shows_its_own_figure_beside_every_briefing(example_site):
    """The example council gives figures on every theme: each briefing shows them, with England's for the year."""
    for briefing in BRIEFINGS:
        panel = PANEL.search(page_text(example_site, f"handbook/briefings/{briefing}")).group(0)
        assert re.search(r'<li data-indicator="[^"]+">[^<]+: <strong>[^<]+</strong> in 2025-26', panel), briefing
    education = visible_text(PANEL.search(page_text(example_site, "handbook/briefings/education")).group(0))
    assert "44% in 2025-26 (England: 38%)" in education


def test_no_briefing_gives_a_2012_figure_as_todays_picture(example_site):
    text = visible_text(page_text(example_site, "handbook/briefings/sufficiency"))
    picture = text[text.index("The picture in 2026"):text.index("What it means for corporate parents")]
    assert "2012" not in picture and "8,750" not in picture
