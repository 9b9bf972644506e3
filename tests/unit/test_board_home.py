"""The board, the home page, commitments, the self-evaluation's links to actions and SMART actions,
without a build: their views, their checks, and the example councils' data (issue 13, part D)."""

from __future__ import annotations

import copy
import re
from datetime import date, time
from pathlib import Path

import pytest

from macros import views
from macros.components import Components
from macros.council_file import load_council
from macros.data_checks import content_problems
from macros.reader import read_yaml
from macros.schema import CouncilFile
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES

TODAY = date(2026, 11, 23)


def link(target: str) -> str:
    return "/" + target


def data_of(path: Path) -> dict:
    return copy.deepcopy(read_yaml(path).data)


def council_of(data: dict) -> CouncilFile:
    return CouncilFile.model_validate(data)


def problems(data: dict, today: date = TODAY):
    return [(p.field, p.message, p.severity)
            for p in content_problems(council_of(data), lambda path: (1, 1), "council.yml", today)]


@pytest.fixture(scope="module")
def example() -> CouncilFile:
    return load_council(FERNLEIGH)[0]


# --- times of day ---------------------------------------------------------------------------------


@pytest.mark.parametrize("hours,minutes,words", [
    (17, 30, "5:30pm"), (18, 0, "6pm"), (9, 5, "9:05am"), (12, 0, "midday"), (0, 0, "midnight"), (12, 15, "12:15pm"),
    (0, 30, "12:30am"),
])
def test_a_time_of_day_reads_as_gov_uk_writes_it(hours, minutes, words):
    assert views.clock(time(hours, minutes)) == words


def test_a_meeting_time_is_a_span_or_a_start_or_nothing():
    assert views.time_span(time(17, 30), time(19, 30)) == "5:30pm to 7:30pm"
    assert views.time_span(time(18, 0), None) == "from 6pm"
    assert views.time_span(None, None) is None


# --- the board ------------------------------------------------------------------------------------


def test_the_board_view_splits_meetings_at_today_and_says_what_is_not_published(example):
    board = views.board(example, TODAY, link)
    dates = sorted(m.held_on for m in example.board_work.meetings)
    assert [m.held_on.iso for m in board.upcoming] == [d.isoformat() for d in dates if d >= TODAY]
    assert [m.held_on.iso for m in board.past] == [d.isoformat() for d in reversed(dates) if d < TODAY]
    assert len(board.upcoming) >= 4 and len(board.past) >= 3  # the example council's diary runs a year ahead
    first = board.upcoming[0]
    assert first.time == "5:30pm to 7:30pm" and first.place and first.agenda is None
    assert first.papers_note == "Not published yet"
    newest = board.past[0]  # held, with an agenda but no minutes yet
    assert newest.agenda and newest.minutes is None and newest.papers_note == "Minutes not published yet"
    assert newest.agenda.text == f"Agenda for {newest.held_on.text}" and newest.agenda.href.startswith("https://")
    older = board.past[-1]
    assert older.minutes and older.papers_note is None and older.decisions
    assert board.meets_lower.startswith("every two months")
    assert board.board_url == "/strategy/board/"


def test_a_young_persons_seat_names_the_children_in_care_council_not_young_person_twice(example):
    board = views.board(example, TODAY, link)
    cicc = example.young_people.children_in_care_council.name
    seats = [m for m in board.members if m.group == cicc]
    assert len(seats) == sum(1 for m in example.board_work.members if m.young_person) == 2
    councillors = [m for m in board.members if m.group and m.group != cicc]
    assert {m.group for m in councillors} >= {"Labour", "Conservative"}
    html = str(Components(example, today=lambda: TODAY).board_members())
    assert "young person&#39;s seat" not in html.lower() and "Young person Young person" not in html
    assert html.count("<tr>") == len(example.board_work.members) + 1  # a header row and one row each


def test_you_said_we_did_is_newest_first_and_the_home_page_shows_the_latest(example):
    board = views.board(example, TODAY, link)
    raised = [y.raised_on.iso for y in board.you_said_we_did]
    assert raised == sorted(raised, reverse=True) and len(raised) >= 4
    home = views.home_board(example, TODAY, link)
    assert home.latest == board.you_said_we_did[0]
    assert home.next_meeting == board.upcoming[0]
    assert home.said_url == "/strategy/board/#you-said-we-did"


def test_a_council_with_no_board_work_gets_plain_words_not_empty_tables():
    sparse = load_council(WALES)[0]
    board = views.board(sparse, TODAY, link)
    assert (board.members, board.upcoming, board.past, board.you_said_we_did, board.annual_report) == ([], [], [], [], None)
    parts = Components(sparse, today=lambda: TODAY)
    name = sparse.council.name
    assert f"{name} has not yet listed the board's members" in str(parts.board_members())
    assert (f"has not yet published the dates of the next meetings. The {sparse.board.name} meets four times a year."
            in str(parts.board_meetings()))
    assert "has not yet published the board's decisions" in str(parts.board_decisions())
    assert "<table" not in str(parts.you_said_we_did()) and "has not yet published what" in str(parts.you_said_we_did())
    home = str(parts.home_board())
    assert "The date of the next meeting is not published yet. It meets four times a year." in home
    assert "You said" not in home


# --- headline figures -----------------------------------------------------------------------------


def test_headline_figures_give_the_period_the_nations_figure_and_the_trend(example):
    figures = views.headline_figures(example, link)
    assert len(figures) == len(example.performance.headline) == 4
    indicators = {i.id: i for i in example.performance.indicators}
    for ident, figure in zip(example.performance.headline, figures):
        assert figure.title == indicators[ident].title
        assert figure.href == f"/strategy/performance/#indicator-{ident}"
    in_touch = figures[example.performance.headline.index("in-touch")]
    assert (in_touch.value, in_touch.period) == ("74%", "2025-26")
    assert in_touch.nation == "England: 94% in 2025-26" and in_touch.judgement == "Worse than England"
    assert in_touch.trend == "Down from 76% in 2024-25 (getting worse)" and in_touch.css == "worse"
    far = figures[example.performance.headline.index("over-20-miles")]  # lower is better
    assert far.trend == "Up from 17% in 2024-25 (getting worse)" and far.css == "worse"
    school = figures[example.performance.headline.index("ks2-expected")]
    assert school.judgement == "Better than England" and school.trend.endswith("(improving)") and school.css == "better"


def test_a_headline_figure_compares_with_its_own_nation_and_says_no_more_than_it_knows():
    data = data_of(WALES)
    data["performance"] = {
        "headline": ["moves", "no-such-indicator"],
        "indicators": [{"id": "moves", "theme": "placements", "title": "Three or more moves", "unit": "percent",
                        "higher_is_better": False, "source": "Annual return", "as_of": "2026-10-01",
                        "values": [{"period": "2025-26", "value": 9}],
                        "comparisons": [{"against": "wales", "period": "2024-25", "value": 10},
                                        {"against": "england", "period": "2025-26", "value": 10}]}],
    }
    [figure] = views.headline_figures(council_of(data), link)  # the unknown id is left out (check reports it)
    assert figure.nation == "Wales: 10% in 2024-25"  # the nation's figure, with its own period
    assert figure.judgement is None and figure.css == "neutral"  # not the same year: no "better than"
    assert figure.trend is None  # one year only


def test_no_headline_figures_means_no_section_on_the_home_page():
    sparse = load_council(WALES)[0]
    assert views.headline_figures(sparse, link) == []
    assert str(Components(sparse, today=lambda: TODAY).headline_figures()) == ""


# --- commitments ----------------------------------------------------------------------------------


def test_commitments_are_newest_first_with_their_dates_and_safe_links(example):
    items = views.commitments(example)
    assert 3 <= len(items) <= 4
    assert [c.made_on.iso for c in items] == sorted((c.made_on.iso for c in items), reverse=True)
    assert {c.kind for c in items} >= {"protected-characteristic", "covenant"}
    assert all(c.link is None or c.link.startswith("https://") for c in items)
    html = str(Components(example, today=lambda: TODAY).home_commitments())
    assert '<h2 id="commitments">Our commitments</h2>' in html and "What the council has promised" in html
    for c in items:
        assert f'<time datetime="{c.made_on.iso}">{c.made_on.text}</time>' in html


@pytest.mark.parametrize("path,words", [
    (SCOTLAND, "The Promise"),
    (NORTHERN_IRELAND, "A Life Deserved"),
])
def test_each_nations_fixture_has_its_own_commitment(path, words):
    council = load_council(path)[0]
    [commitment] = council.commitments
    assert words in commitment.what and commitment.kind.value == "plan" and commitment.made_on < TODAY


def test_the_trust_says_what_the_trust_promised_and_a_council_with_none_says_so():
    trust = Components(load_council(NORTHERN_IRELAND)[0], today=lambda: TODAY)
    assert "What the Trust has promised in public" in str(trust.home_commitments())
    sparse = Components(load_council(WALES)[0], today=lambda: TODAY)
    assert str(sparse.home_commitments()) == ""  # the home page leaves it out
    assert "has not yet listed any public commitments" in str(sparse.commitments())  # the strategy says so


# --- the example action plan and self-evaluation --------------------------------------------------


def test_the_example_plan_is_realistic_and_smart(example):
    actions, objectives = example.strategy.actions, example.strategy.objectives
    assert len(actions) >= 12
    for objective in objectives:
        assert sum(1 for a in actions if a.serves.objective == objective.id) >= 3, objective.id
    for action in actions:
        countable = r"\d|\b(every|all|none|no|one|two|three|four|five|six|seven|eight|nine|ten)\b"
        assert re.search(countable, action.outcome, re.I), f"{action.id}: the outcome says nothing that can be counted"
        assert example.contact(action.owner), f"{action.id}: nobody can be reached about it"
    assert {a.status.value for a in actions} >= {"not-started", "on-track", "at-risk", "done"}
    assert {a.priority.value for a in actions} == {"high", "medium", "low"}


def test_every_gap_in_the_example_self_evaluation_names_its_own_action(example):
    actions = {a.id: a for a in example.strategy.actions}
    gaps = [q for q in example.self_evaluation.questions if q.answer.value != "yes"]
    assert len(gaps) >= 6
    assert all(q.action in actions for q in gaps)
    assert len({q.action for q in gaps}) == len(gaps), "each gap has an action of its own"
    owned = next(q for q in gaps if q.id == "strategy-owned")
    assert owned.action != "celebration-event" and "councillor" in actions[owned.action].what
    celebrations = next(q for q in gaps if q.id == "celebration-events")
    assert "celebration" in actions[celebrations.action].what


def test_the_action_plan_links_each_action_to_the_findings_it_answers(example):
    plan = views.action_plan(example, TODAY, link)
    rows = {r.id: r for g in plan.groups for r in g.rows}
    for q in example.self_evaluation.questions:
        if q.action:
            assert views.Link(f"Self-evaluation: {q.section.value.replace('-', ' ')}",
                              f"/strategy/self-evaluation/#q-{q.id}") in rows[q.action].serves
    assert [g.anchor for g in plan.groups] == [f"plan-{o.id}" for o in example.strategy.objectives]


def test_the_self_evaluation_shows_each_findings_action_with_its_status_and_date(example):
    view = views.self_evaluation(example, link, date(2027, 6, 1))
    rows = {r.id: r for s in view.sections for r in s.rows}
    briefing = rows["strategy-owned"].action
    assert briefing.id == "councillor-briefings" and briefing.href == "/strategy/action-plan/#action-councillor-briefings"
    assert briefing.status_words == "On track" and briefing.due.text == "31 July 2027" and not briefing.overdue
    assert rows["complaints-analysis"].action.overdue  # due 16 March 2027, not started
    gaps = sum(1 for q in example.self_evaluation.questions if q.answer.value != "yes")
    assert view.gap_summary == f'{gaps} answers are "partly" or "no"; all {gaps} have an action in the plan.'
    html = str(Components(example, today=lambda: TODAY).self_evaluation("governance-and-leadership"))
    assert 'data-action="councillor-briefings"><a href="strategy/action-plan/#action-councillor-briefings">' in html


# --- SMART actions for the handbook ---------------------------------------------------------------


def test_the_worked_example_takes_apart_actions_that_serve_an_objective_and_answer_a_finding(example):
    chosen = views.smart_actions(example, link)
    assert len(chosen) == 2
    actions = {f"/strategy/action-plan/#action-{a.id}": a for a in example.strategy.actions}
    objectives = {o.id: o.title for o in example.strategy.objectives}
    for smart in chosen:
        action = actions[smart.href]
        assert action.priority.value == "high"
        assert (smart.specific, smart.measurable, smart.timed.iso) == (action.what, action.outcome, action.due.isoformat())
        assert smart.achievable == example.contact(action.owner).name
        assert smart.relevant[0] == f"It serves the objective “{objectives[action.serves.objective]}”."
        assert any(r.startswith("It answers the self-evaluation's question") for r in smart.relevant)
    html = str(Components(example, today=lambda: TODAY).smart_actions())
    for letter in ("Specific", "Measurable", "Achievable", "Relevant", "Timed"):
        assert f"<th scope=\"row\">{letter}: " in html
    sparse = str(Components(load_council(WALES)[0], today=lambda: TODAY).smart_actions())
    assert "has not yet written its action plan" in sparse and "See every action" not in sparse


# --- checks ---------------------------------------------------------------------------------------


def test_a_gap_with_no_action_is_a_warning_that_names_the_action_serving_it():
    data = data_of(FERNLEIGH)
    questions = data["self_evaluation"]["questions"]
    index = next(i for i, q in enumerate(questions) if q["id"] == "needs-picture")
    del questions[index]["action"]
    [found] = [p for p in problems(data) if p[0] == f"self_evaluation.questions[{index}]"]
    assert found[2] == "warning" and "add 'action:'" in found[1]
    action = next(a for a in data["strategy"]["actions"] if a["id"] == "far-away-report")
    action["serves"]["self_evaluation"] = "needs-picture"
    [found] = [p for p in problems(data) if p[0] == f"self_evaluation.questions[{index}]"]
    assert "add 'action: far-away-report'" in found[1]


def test_a_yes_needs_no_action_and_a_gap_naming_a_missing_action_is_an_error():
    data = data_of(FERNLEIGH)
    questions = data["self_evaluation"]["questions"]
    assert problems(data) == []
    questions[0]["action"] = "no-such-action"
    assert ("self_evaluation.questions[0].action", "error") in [(f, s) for f, _, s in problems(data)]


def test_headline_figures_must_name_indicators_that_exist():
    data = data_of(FERNLEIGH)
    data["performance"]["headline"] = ["in-touch", "in-touch", "made-up"]
    found = {(f, s) for f, _, s in problems(data)}
    assert ("performance.headline[2]", "error") in found and ("performance.headline[1]", "warning") in found
    data["performance"]["headline"] = []
    assert [(f, s) for f, _, s in problems(data)] == [("performance", "notice")]


def test_meeting_times_and_minutes_must_make_sense():
    data = data_of(FERNLEIGH)
    meetings = data["board_work"]["meetings"]
    meetings[0]["ends_at"] = "17:00"                    # before it starts at 17:30
    meetings[-1]["minutes"] = "https://example.org/m"   # a meeting still to come
    meetings[1]["held_on"] = meetings[2]["held_on"]     # two on one day
    del meetings[3]["starts_at"]                        # an end and no start
    found = {(f, s) for f, _, s in problems(data)}
    assert ("board_work.meetings[0].ends_at", "error") in found
    assert (f"board_work.meetings[{len(meetings) - 1}].minutes", "warning") in found
    assert ("board_work.meetings[2].held_on", "warning") in found
    assert ("board_work.meetings[3].ends_at", "warning") in found


def test_a_commitment_cannot_be_made_in_the_future():
    data = data_of(FERNLEIGH)
    data["commitments"][0]["made_on"] = date(2030, 1, 1)
    assert [(f, s) for f, _, s in problems(data)] == [("commitments[0].made_on", "warning")]


@pytest.mark.parametrize("path", [FERNLEIGH, WALES, SCOTLAND, NORTHERN_IRELAND], ids=lambda p: p.stem)
def test_every_fixture_passes_the_new_checks(path):
    assert [p for p in problems(data_of(path)) if p[2] != "notice"] == []


def test_events_need_their_own_ids_and_ends_after_their_starts():
    data = data_of(FERNLEIGH)
    events = data["events"]
    assert len(events) >= 3, "the example council's events are what this test changes"
    assert not [m for f, m, _ in problems(data) if f.startswith("events")]
    events[1]["id"] = events[0]["id"]
    events[2]["ends_on"] = date(2000, 1, 1)
    events[0]["starts_at"], events[0]["ends_at"] = "18:00", "17:00"
    events[0].pop("ends_on", None)
    found = {(f, s) for f, m, s in problems(data) if f.startswith("events")}
    assert found == {("events[1].id", "error"), ("events[2].ends_on", "error"), ("events[0].ends_at", "error")}
    events[0].pop("starts_at")
    assert ("events[0].ends_at", "the event has an end time but no start time — add 'starts_at:'", "error") in problems(data)
