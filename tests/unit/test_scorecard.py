"""The performance scorecard without a build: the summary of every figure, age groups shown together,
charts that compare (never one bar), and the words that say how a figure compares."""

from __future__ import annotations

import copy
import re
from datetime import date

import pytest

from macros import views
from macros.components import Components
from macros.council_file import load_council
from macros.reader import read_yaml
from macros.schema import CouncilFile, Indicator, Theme, Unit
from sites import FERNLEIGH, WALES


def example() -> CouncilFile:
    return load_council(FERNLEIGH)[0]


def with_indicators(path, indicators: list[dict], **council) -> CouncilFile:
    data = copy.deepcopy(read_yaml(path).data)
    data["performance"] = {"indicators": indicators}
    data["council"].update(council)
    return CouncilFile.model_validate(data)


def indicator(id: str, title: str, values=((("2025-26", 10),)), comparisons=(), **more) -> dict:
    return {"id": id, "theme": "profile", "title": title, "unit": "percent", "source": "SSDA903", "as_of": date(2026, 6, 30),
            "values": [{"period": p, "value": v} for p, v in values],
            "comparisons": [{"against": a, "period": p, "value": v} for a, p, v in comparisons], **more}


def link(target: str) -> str:
    return "/" + target


# --- age groups of one measure: one table, one chart ------------------------------------------


def test_age_groups_of_one_measure_are_one_entry_with_one_grouped_chart():
    council = example()
    profile = [i for i in council.performance.indicators if i.theme == Theme.profile]
    assert len(profile) >= 4
    card = views.scorecard(council, Theme.profile, link)
    assert len(card.indicators) == 1
    group = card.indicators[0]
    assert group.title == "Children in care by age" and group.anchor == "indicators-children-in-care-by-age"
    # each age group is a row of the table (keeping each indicator's own anchor), and a group of bars
    assert [(r.header, r.anchor) for r in group.table.rows] == [
        (f"Aged {i.title.split(' aged ')[1]}", f"indicator-{i.id}") for i in profile]
    short = council.council.short_name
    assert [s.name for s in group.chart.series] == [short, "England", "Region"]
    assert [g.text for g in group.chart.groups] == [r.header for r in group.table.rows]
    assert len(group.chart.bars) == 3 * len(profile)
    assert group.chart.caption == f"{short} compared with England and the region, by age, 2025-26"
    assert group.summary.startswith(f"In 2025-26, compared with England, {short}'s figure was lower for those aged under 1")
    assert "higher for those aged 1 to 4 and 5 to 9" in group.summary


@pytest.mark.parametrize("titles,entries", [
    (["Children in care aged under 1", "Children in care aged 1 to 4", "Children in care aged 16 and over"], 1),
    # other measures that name an age are not age groups
    (["Care leavers aged 19 to 21 who are in touch", "Care leavers aged 19 to 21 in education"], 2),
    (["Children in care aged 10 or over who were cautioned", "Children in care aged under 1"], 2),
    # two measures, each by age, are two groups
    (["Children in care aged under 1", "Children in care aged 1 to 4", "Adopted children aged under 1",
      "Adopted children aged 1 to 4"], 2),
    # one age group alone is an indicator like any other
    (["Children in care aged under 1", "Care leavers at university"], 2),
])
def test_which_indicators_are_age_groups_of_one_measure(titles, entries):
    indicators = [Indicator.model_validate(indicator(f"i{n}", t)) for n, t in enumerate(titles)]
    found = views.indicator_entries(indicators)
    assert len(found) == entries
    assert [i.id for e in found for i in ([m for m, _ in e.members] if isinstance(e, views.IndicatorGroup) else [e])] == \
        [i.id for i in indicators]  # in their order, none lost


def test_age_groups_with_different_years_are_not_drawn_together():
    indicators = [Indicator.model_validate(indicator("a", "Children in care aged under 1")),
                  Indicator.model_validate(indicator("b", "Children in care aged 1 to 4", values=[("2024-25", 20)]))]
    assert len(views.indicator_entries(indicators)) == 2


# --- no chart of one bar -------------------------------------------------------------------------


def test_no_chart_in_the_example_has_a_single_bar_and_each_says_what_it_draws():
    council = example()
    charts = 0
    for theme in Theme:
        for view in views.scorecard(council, theme, link).indicators:
            if view.chart is None:
                continue
            charts += 1
            chart = view.chart
            assert len(chart.bars) >= 2, view.id
            assert chart.title and chart.caption and chart.description and chart.value_axis and chart.category_axis
            cells = {(r.header, c.series): c.value for r in view.table.rows for c in r.cells if c.value}
            assert {(b.group, b.name): b.value for b in chart.bars} == cells, view.id
            for bar in chart.bars:
                assert f"{bar.name} {bar.value}" in chart.description
    assert charts >= 12


def test_one_figure_with_nothing_to_compare_shows_the_figure_and_table_without_a_chart():
    council = with_indicators(WALES, [indicator("first", "Care leavers at university", theme="care-leavers", unit="number")])
    view = views.scorecard(council, Theme.care_leavers, link).indicators[0]
    assert view.chart is None and (view.figure, view.figure_period) == ("10", "2025-26")
    html = str(Components(council, today=lambda: date(2026, 12, 1)).scorecard("care-leavers"))
    assert "<svg" not in html and 'class="cp-figure"' in html and 'data-value="10"' in html


def test_one_figure_beside_comparators_is_a_chart():
    council = with_indicators(WALES, [indicator("one", "Reviews on time", comparisons=[("wales", "2025-26", 90)])])
    chart = views.scorecard(council, Theme.profile, link).indicators[0].chart
    assert [(b.name, b.value) for b in chart.bars] == [(council.council.short_name, "10%"), ("Wales", "90%")]


@pytest.mark.parametrize("top,unit,ticks", [
    (94, Unit.percent, [0, 25, 50, 75, 100]), (12, Unit.percent, [0, 5, 10, 15]), (14, Unit.number, [0, 5, 10, 15]),
    (420, Unit.days, [0, 100, 200, 300, 400, 500]), (0, Unit.number, [0, 0.2, 0.4, 0.6, 0.8, 1]),
    (94, Unit.number, [0, 20, 40, 60, 80, 100]), (1200, Unit.rate_per_10000, [0, 500, 1000, 1500]),
])
def test_axis_ticks_are_round_and_reach_the_top(top, unit, ticks):
    assert views.axis_ticks(top, unit) == ticks


def test_bars_and_labels_stay_inside_the_drawing():
    for theme in Theme:
        for view in views.scorecard(example(), theme, link).indicators:
            if view.chart:
                for bar in view.chart.bars:
                    assert 0 < float(bar.x) and float(bar.x) + float(bar.width) <= views.PLOT_RIGHT
                    assert float(bar.label_x) + 5 * views.CHARACTER_WIDTH <= view.chart.width
                    assert float(bar.y) + float(bar.height) <= float(view.chart.axis_y)


# --- the summary ------------------------------------------------------------------------------------


def summary_rows(summary: views.SummaryView) -> dict[str, views.SummaryRow]:
    return {row.title: row for theme in summary.themes for row in theme.rows}


def test_summary_has_every_indicator_once_with_its_comparators_in_words():
    council = example()
    summary = views.scorecard_summary(council)
    rows = summary_rows(summary)
    assert sorted(rows) == sorted(i.title for i in council.performance.indicators)
    assert [c.name for c in summary.columns] == ["England", "Region", "Statistical neighbours"]  # where any figure gives them
    columns = {"glance-this", "glance-last", *(c.id for c in summary.columns)}
    assert all(cell.column in columns for t in summary.themes for r in t.rows for cell in r.cells)  # pa11y H43
    assert (summary.latest_period, summary.previous_period) == ("2025-26", "2024-25")
    touch = rows["Care leavers aged 19 to 21 who are in touch with us"]
    assert [c.text for c in touch.cells] == ["74%", "76%", "94%", "80%", "–"]
    assert (touch.direction, touch.tone) == ("Worse than England, getting worse", "worse")
    moves = rows["Children who moved home three or more times in the year"]
    assert (moves.direction, moves.tone) == ("Better than England, improving", "better")
    eet = rows["Care leavers aged 19 to 21 in education, employment or training"]
    assert (eet.direction, eet.tone) == ("Worse than England, improving", "mixed")
    assert rows["Children in care aged 1 to 4"].direction == "Higher than England"  # no better or worse for ages
    assert rows["Care leavers at university"].direction == "Improving"
    flagged = [title for title, row in rows.items() if row.small_numbers]
    assert flagged == ["Children in care aged 10 or over who were convicted or given a caution"]


def test_summary_links_to_each_detail_on_the_page():
    council = example()
    components = Components(council, today=lambda: date(2026, 12, 1))
    detail = "".join(str(components.scorecard(theme.value)) for theme in Theme)
    anchors = set(re.findall(r' id="([^"]+)"', detail))
    summary = views.scorecard_summary(council)
    hrefs = [row.href for theme in summary.themes for row in theme.rows]
    assert hrefs and all(h.startswith("#") and h[1:] in anchors for h in hrefs)
    assert summary_rows(summary)["Children in care aged under 1"].href == "#indicators-children-in-care-by-age"


def test_summary_in_wales_compares_with_wales_and_shows_only_the_columns_given():
    council = with_indicators(WALES, [
        indicator("a", "Reviews on time", values=[("2024-25", 80), ("2025-26", 85)], higher_is_better=True,
                  comparisons=[("wales", "2025-26", 90)]),
        indicator("b", "Visits on time", values=[("2024-25", 70)], higher_is_better=True, theme="placements",
                  comparisons=[("wales", "2024-25", 60)]),
    ])
    summary = views.scorecard_summary(council)
    assert [c.name for c in summary.columns] == ["Wales"] and summary.width == 5
    assert (summary.latest_period, summary.previous_period) == (None, "2024-25")  # the years differ: each cell says
    rows = summary_rows(summary)
    assert rows["Reviews on time"].direction == "Worse than Wales, improving"
    visits = rows["Visits on time"]
    assert [(c.text, c.note) for c in visits.cells] == [("70%", "2024-25"), ("–", None), ("60%", None)]
    assert visits.direction == "Better than Wales"


def test_summary_escapes_data_and_says_when_there_are_no_figures():
    council = with_indicators(WALES, [indicator("a", "<script>x</script>")])
    html = str(Components(council, today=lambda: date(2026, 12, 1)).scorecard_summary())
    assert "<script>" not in html and "&lt;script&gt;" in html
    empty = with_indicators(WALES, [])
    html = str(Components(empty, today=lambda: date(2026, 12, 1)).scorecard_summary())
    assert "has not yet written its figures for the scorecard" in html and "<table" not in html
