"""The nations' current figures (macros/data/national/) and the briefings' "Here in …" panel, without a build.

What the data guarantees, and these tests hold it to:
- every nation's file is valid, with at least four figures, each from a period ending in 2023 or later,
  with a source, an https address, what kind of statistics it is and when it was last checked;
- every nation has at least one figure on who is in care (profile) and one on homes (placements);
- every theme has a figure in at least one nation;
- so every briefing's panel shows at least one national figure in every nation: the topic's own, or,
  said plainly, the nation's overall picture when we hold none on the topic.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros import national, views
from macros.components import Components
from macros.national import NationalFigure, NationalFigures, OLDEST_YEAR, period_end_year
from macros.reader import read_yaml
from macros.schema import CouncilFile, Nation, Theme

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NATIONS = [n.value for n in Nation]
FIGURE = {
    "id": "looked-after", "theme": "profile", "title": "Children looked after on 31 March", "value": 100,
    "unit": "number", "period": "31 March 2025", "source": "A department, a release",
    "url": "https://example.gov.uk/release", "kind": "official-statistics", "as_of": date(2026, 12, 2),
}


def fixture(name: str, **changes) -> CouncilFile:
    data = copy.deepcopy(read_yaml(FIXTURES / f"{name}.yml").data)
    data.update(changes)
    return CouncilFile.model_validate(data)


def link(target: str) -> str:
    return "/" + target


def test_every_nations_file_is_valid():
    assert national.check_national_data() == []


@pytest.mark.parametrize("nation", NATIONS)
def test_every_figure_is_current_and_sourced(nation):
    data = national.figures(nation)
    assert data.nation.value == nation
    assert len(data.figures) >= 4
    for figure in data.figures:
        assert figure.year >= OLDEST_YEAR >= 2023, figure.id
        assert figure.source.strip() and figure.kind and figure.as_of
        assert figure.url and figure.url.startswith("https://"), figure.id
        assert figure.as_of.year >= figure.year, f"{figure.id}: checked before the period it covers ended"


@pytest.mark.parametrize("nation", NATIONS)
def test_every_nation_has_figures_on_who_is_in_care_and_where_they_live(nation):
    data = national.figures(nation)
    assert data.for_theme(Theme.profile) and data.for_theme(Theme.placements)


def test_every_theme_has_a_figure_in_some_nation():
    for theme in Theme:
        assert any(national.figures(n).for_theme(theme) for n in NATIONS), theme


@pytest.mark.parametrize("period, year", [("31 March 2025", 2025), ("2023-24", 2024), ("2022/23", 2023),
                                          ("year to 31 March 2025", 2025), ("2023–24", 2024), ("2099-00", 2100),
                                          ("the latest year", None)])
def test_the_year_a_period_ends(period, year):
    assert period_end_year(period) == year


@pytest.mark.parametrize("change, message", [
    ({"period": "31 March 2012"}, "before 2023"),
    ({"period": "2021-22"}, "before 2023"),
    ({"period": "last year"}, "names no year"),
    ({"unit": "percent", "value": 101}, "0 to 100"),
    ({"url": "http://example.gov.uk/release"}, "https"),
    ({"kind": "a blog post"}, "kind"),
    ({"value": -1}, "greater than or equal to 0"),
    ({"theme": "money"}, "theme"),
    ({"source": ""}, "source"),
    ({"where": "somewhere"}, "where"),
])
def test_a_figure_that_is_old_unsourced_or_wrong_is_refused(change, message):
    with pytest.raises(ValidationError) as err:
        NationalFigure.model_validate({**FIGURE, **change})
    assert message in str(err.value)


def test_a_nations_file_needs_four_figures_with_different_ids():
    four = [{**FIGURE, "id": f"f{i}"} for i in range(4)]
    assert len(NationalFigures.model_validate({"nation": "wales", "figures": four}).figures) == 4
    with pytest.raises(ValidationError, match="at least 4"):
        NationalFigures.model_validate({"nation": "wales", "figures": four[:3]})
    with pytest.raises(ValidationError, match="unique: f0"):
        NationalFigures.model_validate({"nation": "wales", "figures": four[:3] + [four[0]]})


def test_the_panel_gives_the_councils_latest_figures_with_its_nations_comparison():
    council = fixture("fernleigh")
    view = views.here_in(council, (Theme.placements,), link)
    assert view.title == f"Here in {council.council.short_name}" and view.no_local is None
    moves = next(f for f in view.local if f.id == "three-moves")
    assert (moves.value, moves.period, moves.comparison) == ("9%", "2025-26", "England: 10%")
    on_time = next(f for f in view.local if f.id == "reviews-on-time")
    assert on_time.comparison is None  # the council gives no national figure for it: none is made up
    assert view.figures_link.href == "/strategy/performance/#placements"
    assert view.national_heading == "Across England" and view.no_national is None
    assert [f.id for f in view.national] == [f.id for f in national.figures("england").for_theme(Theme.placements)]
    same_carer = next(f for f in view.national if f.id == "same-carer")
    assert (same_carer.value, same_carer.period, same_carer.year) == ("69%", "31 March 2025", 2025)
    assert same_carer.kind == "accredited official statistics" and same_carer.as_of.iso == "2026-12-02"
    assert same_carer.link.href.startswith("https://explore-education-statistics.service.gov.uk/")


def test_the_panel_says_plainly_when_the_council_has_no_figure_on_the_topic():
    council = fixture("afoncwm")
    view = views.here_in(council, (Theme.health,), link)
    assert view.local == []
    assert view.no_local == f"{council.council.short_name} has not published its own figures on health yet."


@pytest.mark.parametrize("nation, fixture_name", [("england", "fernleigh"), ("wales", "afoncwm"),
                                                  ("scotland", "glenmorach"), ("northern-ireland", "loughbeg")])
@pytest.mark.parametrize("theme", list(Theme))
def test_every_panel_shows_a_national_figure_and_says_when_it_is_not_on_the_topic(nation, fixture_name, theme):
    council = fixture(fixture_name)
    assert council.council.nation.value == nation
    view = views.here_in(council, (theme,), link)
    assert view.national, "a panel with no national figure"
    own = national.figures(nation).for_theme(theme)
    if own:
        assert view.no_national is None and {f.id for f in view.national} == {f.id for f in own}
    else:
        assert "We hold no national figure on" in view.no_national and "overall picture" in view.no_national
        assert {f.id for f in view.national} == {f.id for f in national.figures(nation).for_theme(Theme.profile)}


def test_a_comparison_with_all_children_is_shown_in_the_figures_unit():
    view = views.here_in(fixture("glenmorach"), (Theme.education,), link)
    exclusions = next(f for f in view.national if f.id == "exclusions")
    assert (exclusions.value, exclusions.comparison) == ("97 per 1,000", "all pupils: 17 per 1,000")


def test_the_panel_escapes_the_councils_words():
    council = fixture("fernleigh")
    data = copy.deepcopy(read_yaml(FIXTURES / "fernleigh.yml").data)
    data["council"]["short_name"] = "Fern <b>leigh</b>"
    for indicator in data["performance"]["indicators"]:
        indicator["title"] = "<script>alert(1)</script> moves"
    council = CouncilFile.model_validate(data)
    html = str(Components(council, today=lambda: date(2026, 12, 2)).here_in_council("placements"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; moves" in html
    assert "Here in Fern &lt;b&gt;leigh&lt;/b&gt;" in html
    assert 'class="admonition info cp-here-in"' in html and "\n\n" not in html


def test_the_macro_needs_a_known_theme():
    components = Components(fixture("fernleigh"), today=lambda: date(2026, 12, 2))
    with pytest.raises(ValueError):
        components.here_in_council("money")
    with pytest.raises(ValueError):
        components.here_in_council()


BRIEFINGS = sorted(p for p in (Path(__file__).resolve().parents[2] / "docs" / "handbook" / "briefings").glob("*.md")
                   if p.name not in ("index.md", "index.cy.md"))


@pytest.mark.parametrize("page", BRIEFINGS, ids=lambda p: p.stem)
def test_every_briefing_calls_the_panel_once_on_its_own_line_with_known_themes(page):
    import re

    lines = page.read_text(encoding="utf-8").splitlines()
    calls = [line for line in lines if "here_in_council(" in line]
    assert len(calls) == 1, f"{page.name}: {len(calls)} panels"
    match = re.fullmatch(r"\{\{ here_in_council\(((?:'[a-z-]+'(?:, )?)+)\) \}\}", calls[0])
    assert match, f"{page.name}: the call is not on a line of its own: {calls[0]!r}"
    for theme in re.findall(r"'([a-z-]+)'", match.group(1)):
        Theme(theme)


SUFFICIENCY_PICTURES = [Path(__file__).resolve().parents[2] / "macros" / "data" / "handbook" / n / "briefings" / "sufficiency.yml"
                        for n in NATIONS]


@pytest.mark.parametrize("path", SUFFICIENCY_PICTURES, ids=lambda p: p.parts[-3])
def test_the_picture_today_gives_no_old_figure_as_current(path):
    """"The picture in 2026": every sentence with a figure in it names a year of 2023 or later."""
    import re

    text = read_yaml(path).data["passages"]["picture"]
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if re.search(r"\d+(\.\d+)?%|\b\d{1,3}(,\d{3})+\b|\b\d+ of \d+\b", sentence):
            assert (period_end_year(sentence) or 0) >= OLDEST_YEAR, sentence
