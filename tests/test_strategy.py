"""The strategy, action plan, scorecard, self-evaluation and board pages."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import EXAMPLE, html_pages, page_text
from macros.components import Components, StrategyComponents
from macros.loader import load_council
from macros.performance import IndicatorView, bar_chart, questions_for
from macros.schema import Indicator
from test_build import visible_text


def indicator(**changes) -> Indicator:
    data = {
        "id": "in-touch", "theme": "care-leavers", "title": "Care leavers in touch", "unit": "percent",
        "higher_is_better": True, "source": "SSDA903", "as_of": date(2026, 6, 30),
        "values": [{"period": "2024-25", "value": 76}, {"period": "2025-26", "value": 74}],
        "comparisons": [{"against": "england", "period": "2025-26", "value": 94}],
    }
    data.update(changes)
    return Indicator.model_validate(data)


def test_words_say_better_or_worse_than_england_and_last_year():
    view = IndicatorView(indicator())
    assert view.summary("Fernleigh") == (
        "In 2025-26, Fernleigh's figure was 74%: worse than England (94%), "
        "and worse than the year before (76% in 2024-25).")


def test_lower_is_better_turns_the_words_round():
    view = IndicatorView(indicator(higher_is_better=False))
    assert "better than England (94%)" in view.summary("X")
    assert "better than the year before" in view.summary("X")


def test_no_direction_says_higher_or_lower():
    view = IndicatorView(indicator(higher_is_better=None))
    assert "lower than England" in view.summary("X")


def test_small_numbers_are_flagged():
    small = indicator(values=[{"period": "2025-26", "value": 44, "numerator": 12, "denominator": 27},])
    assert IndicatorView(small).small_numbers() is None
    smaller = indicator(values=[{"period": "2025-26", "value": 25, "numerator": 3, "denominator": 12}])
    warning = IndicatorView(smaller).small_numbers()
    assert warning and "3 of 12 children" in warning and "about 8.3 percentage points" in warning


def test_chart_is_accessible_and_holds_the_tables_numbers():
    svg = str(bar_chart(indicator(), "Fernleigh"))
    assert 'role="img"' in svg and 'aria-labelledby="chart-in-touch-title chart-in-touch-desc"' in svg
    assert '<title id="chart-in-touch-title">Care leavers in touch: Fernleigh</title>' in svg
    assert "<desc id=\"chart-in-touch-desc\">2024-25: 76%; 2025-26: 74%. England 2025-26: 94%.</desc>" in svg
    assert re.findall(r'data-value="([^"]+)"', svg) == ["76%", "74%", "94%"]


def test_chart_escapes_data():
    svg = str(bar_chart(indicator(title="<script>x</script>"), "<b>"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_built_charts_match_their_tables(example_site):
    html = page_text(example_site, "strategy/performance")
    tables = re.findall(r'<table data-indicator="([^"]+)">(.*?)</table>', html, re.S)
    assert len(tables) >= 15
    for ident, table in tables:
        table_values = re.findall(r'<td data-period="[^"]+" data-value="([^"]+)"', table)
        svg = re.search(rf'<svg class="cp-chart"[^>]*data-indicator="{ident}".*?</svg>', html, re.S).group(0)
        bars = re.findall(r'<rect [^>]*data-value="([^"]+)"', svg)
        assert bars == table_values, ident
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
        for value in table_values:
            assert value in desc


def test_questions_beside_each_theme_come_from_the_handbook(example_site):
    education = questions_for("education")
    assert len(education) >= 5
    html = page_text(example_site, "strategy/performance")
    text = visible_text(html)
    for theme in ("profile", "placements", "education", "health", "missing-and-offending", "care-leavers"):
        assert f'id="{theme}"' in html
    assert education[0].split("(")[0].strip() in text
    assert text.count("Questions to ask about") >= 5


def test_action_plan_grouped_by_objective_and_marks_overdue():
    council, _ = load_council(EXAMPLE)
    components = Components(council)
    later = StrategyComponents(council, link=components.link, today=lambda: date(2027, 6, 1))
    html = str(later.action_plan())
    assert html.index("Homes close to home") < html.index("Healthy and happy") < html.index("Ready for adult life")
    # by June 2027: dental checks, advocacy (both due March 2027) and the complaints analysis (January)
    assert "3 overdue" in html
    assert html.count("(overdue)") == 3
    now = StrategyComponents(council, link=components.link, today=lambda: date(2026, 11, 23))
    assert "(overdue)" not in str(now.action_plan())


def test_action_plan_rows_carry_filter_data(example_site):
    html = page_text(example_site, "strategy/action-plan")
    rows = re.findall(r'<tr id="action-([^"]+)" data-priority="(\w+)" data-status="([\w-]+)"', html)
    assert len(rows) == 6
    assert 'data-sort="2027-03-31"' in html


def test_self_evaluation_summary_and_links_to_actions(example_site):
    html = page_text(example_site, "strategy/self-evaluation")
    text = visible_text(html)
    assert "Governance and leadership 3 2 0" in text
    assert "Access to information 1 1 1" in text
    assert 'href="../action-plan/#action-complaints-analysis"' in html


def test_board_page_shows_members_meetings_and_you_said_we_did(example_site):
    text = visible_text(page_text(example_site, "strategy/board"))
    assert "Fernleigh Voices seat 1, Young person" in text
    assert "Councillor Tom Reid, Vice-chair (Conservative)" in text
    assert "You said, we did" in text and "Every young person who moves now gets a suitcase" in text
    assert "Read the board's latest annual report" in text


def test_strategy_follows_the_seven_headings(example_site):
    html = page_text(example_site, "strategy")
    headings = re.findall(r'<h2 id="([^"]+)"', html)
    assert headings[:7] == ["vision", "message", "how-it-works", "entitlements", "population",
                            "objectives", "action-plan"]


def test_sparse_council_says_what_is_not_written(wales_site):
    strategy = visible_text(page_text(wales_site, "strategy"))
    assert strategy.count("has not yet written") >= 3
    performance = visible_text(page_text(wales_site, "strategy/performance"))
    assert performance.count("has not yet written its figures") == 6
    plan = visible_text(page_text(wales_site, "strategy/action-plan"))
    assert "has not yet written its action plan" in plan


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("site_fixture", ["example_site", "wales_site"])
def test_every_internal_link_and_anchor_resolves(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    parsed: dict[Path, Links] = {}
    broken = []
    for page in html_pages(site):
        links = parsed.setdefault(page, _parse(page))
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} → {href} (no such anchor)")
    assert broken == [], "\n".join(broken)
