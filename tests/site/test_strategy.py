"""The built strategy, action plan, scorecard, self-evaluation and board pages; links between pages."""

from __future__ import annotations

import re

import pytest

from macros.council_file import load_council
from macros.questions import questions_for
from macros.schema import EvaluationSection
from macros.words import words
from sites import FERNLEIGH, broken_links, page_text, visible_text


@pytest.fixture(scope="module")
def example():
    return load_council(FERNLEIGH)[0]


def test_built_charts_match_their_tables(example_site):
    """Every bar drawn is a figure of its indicator's table (same series, same year or age group), and the
    chart's description says it; no chart is a single bar."""
    html = page_text(example_site, "strategy/performance")
    sections = re.findall(r'<section class="cp-indicator" id="([^"]+)".*?</section>', html, re.S)
    assert len(sections) >= 12
    charts = 0
    for ident in sections:
        section = re.search(rf'<section class="cp-indicator" id="{ident}".*?</section>', html, re.S).group(0)
        table = re.search(r"<table class=\"cp-figures\"[^>]*>(.*?)</table>", section, re.S).group(1)
        cells = set()
        for header, row in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', table, re.S):
            cells |= {(header, series, value) for series, value in
                      re.findall(r'<td data-series="([^"]+)" data-value="([^"]+)"', row)}
        svg = re.search(r'<svg class="cp-chart__plot".*?</svg>', section, re.S)
        if not svg:
            assert len(cells) == 1, ident  # nothing to compare: the figure and its table, no chart
            continue
        charts += 1
        bars = set(re.findall(r'<rect [^>]*data-series="([^"]+)" data-group="([^"]+)" data-value="([^"]+)"', svg.group(0)))
        assert len(bars) >= 2, ident
        assert {(group, series, value) for series, group, value in bars} == cells, ident
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg.group(0)).group(1)
        for series, _, value in bars:
            assert f"{series} {value}" in desc, ident
    assert charts >= 12


def test_summary_comes_first_and_links_to_every_indicator(example_site, example):
    html = page_text(example_site, "strategy/performance")
    assert html.index('id="at-a-glance"') < html.index('class="cp-glance__table"') < html.index('id="profile"')
    summary = re.search(r'<table class="cp-glance__table">.*?</table>', html, re.S).group(0)
    links = re.findall(r'<th [^>]*scope="row"><a href="#([^"]+)">([^<]+)</a>', summary)
    assert sorted(title for _, title in links) == sorted(i.title for i in example.performance.indicators)
    for target, _ in links:
        assert f'id="{target}"' in html
    text = visible_text(summary)
    assert "Worse than England, getting worse" in text and "Better than England, improving" in text
    assert "Small numbers" in text


def test_questions_beside_each_theme_come_from_the_handbook(example_site):
    education = questions_for("education")
    assert len(education) >= 5
    html = page_text(example_site, "strategy/performance")
    text = visible_text(html)
    for theme in ("profile", "placements", "education", "health", "missing-and-offending", "care-leavers"):
        assert f'id="{theme}"' in html
    assert education[0].split("(")[0].strip() in text
    assert text.count("Questions to ask about") >= 5


def test_action_plan_rows_carry_filter_data(example_site, example):
    html = page_text(example_site, "strategy/action-plan")
    rows = []
    for tag in re.findall(r'<tr [^>]*id="action-[^>]*>', html):  # attributes in any order
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        rows.append((attrs["id"].removeprefix("action-"), attrs["data-priority"], attrs["data-status"]))
    actions = example.strategy.actions
    assert len(actions) >= 2
    assert sorted(rows) == sorted((a.id, a.priority.value, a.status.value) for a in actions)
    for action in actions:
        assert f'data-sort="{action.due.isoformat()}"' in html, action.id


def test_self_evaluation_summary_and_links_to_actions(example_site, example):
    html = page_text(example_site, "strategy/self-evaluation")
    text = visible_text(html)
    questions = example.self_evaluation.questions
    for section in EvaluationSection:
        title = words().label("evaluation_sections", section)
        counts = [sum(1 for q in questions if q.section == section and q.answer.value == answer)
                  for answer in ("yes", "partly", "no")]
        assert f"{title} {counts[0]} {counts[1]} {counts[2]}" in text, title
    linked = [q.action for q in questions if q.action]
    assert linked
    for action in linked:
        assert f'href="../action-plan/#action-{action}"' in html


def test_board_page_shows_members_meetings_and_you_said_we_did(example_site, example):
    text = visible_text(page_text(example_site, "strategy/board"))
    members = example.board_work.members
    assert any(m.young_person for m in members) and any(m.party for m in members)
    cicc = example.young_people.children_in_care_council.name
    for member in members:
        shown = f"{member.name} {member.role} {member.party or (cicc if member.young_person else '')}"
        assert shown in text  # one row of the members' table
    assert "You said, we did" in text
    for item in example.board_work.you_said_we_did:
        assert item.we_did in text
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
    assert performance.count("has not yet written its figures") == 7  # the summary, and each theme
    plan = visible_text(page_text(wales_site, "strategy/action-plan"))
    assert "has not yet written its action plan" in plan




@pytest.mark.parametrize("site_fixture", ["example_site", "wales_site"])
def test_every_internal_link_and_anchor_resolves(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    broken = broken_links(site)
    assert broken == [], "\n".join(broken)
