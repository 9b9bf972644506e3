"""The strategy's views and components, called directly: indicator words, charts, the action plan."""

from __future__ import annotations

import re
from datetime import date

from macros import views
from macros.components import Components, environment
from macros.council_file import load_council
from macros.views import IndicatorFigures as IndicatorView
from macros.schema import ActionStatus, Indicator
from sites import FERNLEIGH


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
    assert view.summary("Anytown") == (
        "In 2025-26, Anytown's figure was 74%: worse than England (94%), "
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


def bar_chart(indicator, council_short: str) -> str:
    """The chart as the scorecard prints it: the chart template fed by the chart view."""
    return environment().get_template("chart.html").render(c=views.chart(indicator, council_short))


def test_chart_is_accessible_and_holds_the_tables_numbers():
    svg = str(bar_chart(indicator(), "Anytown"))
    assert 'role="img"' in svg and 'aria-labelledby="chart-in-touch-title chart-in-touch-desc"' in svg
    caption = "Anytown compared with England, 2024-25 to 2025-26"
    assert f'<figcaption class="cp-chart__title" id="chart-in-touch-caption">{caption}</figcaption>' in svg
    assert f'<title id="chart-in-touch-title">Care leavers in touch: {caption}</title>' in svg
    assert '<desc id="chart-in-touch-desc">2024-25: Anytown 76%; 2025-26: Anytown 74%, England 94%.</desc>' in svg
    assert re.findall(r'<rect [^>]*data-series="([^"]+)" data-group="([^"]+)" data-value="([^"]+)"', svg) == [
        ("Anytown", "2024-25", "76%"), ("Anytown", "2025-26", "74%"), ("England", "2025-26", "94%")]
    # the nation is named once: in the key; nothing drawn names it again ("Eng" by an axis, "England 94%" by a line)
    assert re.findall(r"<li>.*?</svg> ([^<]+)</li>", svg) == ["Anytown", "England"]
    drawn = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert drawn and not [t for t in drawn if "Eng" in t]
    assert ">Percentage</text>" in svg and ">Year</text>" in svg  # both axes have a title


def test_chart_escapes_data():
    svg = str(bar_chart(indicator(title="<script>x</script>"), "<b>"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg


def test_action_plan_grouped_by_objective_and_marks_overdue():
    council, _ = load_council(FERNLEIGH)
    june_2027 = date(2027, 6, 1)
    later = Components(council, today=lambda: june_2027)
    html = str(later.action_plan())
    headings = [f"{{: #plan-{o.id} }}" for o in council.strategy.objectives]
    assert len(headings) >= 2
    assert [html.index(h) for h in headings] == sorted(html.index(h) for h in headings)
    # the example council, by June 2027: four actions due in March 2027 and one in May, none of them done
    overdue = [a for a in council.strategy.actions if a.due < june_2027 and a.status != ActionStatus.done]
    assert {a.id for a in overdue} == {"dental-checks", "advocacy-five-days", "complaints-analysis",
                                       "sleepover-letters", "far-away-report"}
    assert f"{len(overdue)} overdue" in html
    assert html.count("(overdue)") == len(overdue)
    now = Components(council, today=lambda: date(2026, 11, 23))
    assert "(overdue)" not in str(now.action_plan())
