"""The built home, board, strategy, self-evaluation and action plan pages, and the handbook's SMART
section, for a council in each nation (issue 13, part D): what a councillor, a young person and
anyone else finds, and plain words where a council has not written something."""

from __future__ import annotations

import re

import pytest

from macros.check import today
from macros.council_file import load_council
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES, page_text, visible_text

SITES = {"example_site": FERNLEIGH, "wales_site": WALES, "scotland_site": SCOTLAND,
         "northern_ireland_site": NORTHERN_IRELAND}
ARTICLE = re.compile(r"<article.*?</article>", re.S)


def built(request, name):
    return request.getfixturevalue("builds").site(name), load_council(SITES[name])[0]


def article(site, path) -> str:
    return ARTICLE.search(page_text(site, path)).group(0)


def contents(site, path) -> list[str]:
    """The ids the page's table of contents links to, in order (nested entries included; Material
    prints the contents twice, in the navigation for small screens and beside the page)."""
    html = page_text(site, path)
    start = html.find('class="md-nav md-nav--secondary"')
    found = re.findall(r'href="#([^"]+)"', html[start:html.index('class="md-content"')]) if start >= 0 else []
    return list(dict.fromkeys(found))


# --- the board page -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SITES)
def test_the_board_page_has_real_sections_in_its_contents(request, name):
    site, council = built(request, name)
    assert contents(site, "strategy/board") == ["members", "next-meetings", "decisions", "you-said-we-did",
                                                "annual-report", "terms-of-reference"]
    text = visible_text(article(site, "strategy/board"))
    assert not re.search(r"(?i)young person,? young person", text)
    assert "young person's seat" not in text.lower()
    assert council.board.meets in text  # the terms of reference


def test_the_example_board_lists_its_next_meetings_with_time_place_and_papers(example_site):
    council = load_council(FERNLEIGH)[0]
    html = article(example_site, "strategy/board")
    text = visible_text(html)
    now = today()
    coming = [m for m in council.board_work.meetings if m.held_on >= now]
    held = [m for m in council.board_work.meetings if m.held_on < now]
    assert coming and held
    for meeting in coming:
        row = re.search(rf'<tr id="meeting-{meeting.held_on.isoformat()}">(.*?)</tr>', html, re.S).group(1)
        assert "5:30pm to 7:30pm" in row and visible_text(meeting.place) in visible_text(row)
    for meeting in held:
        assert f'<h3 id="meeting-{meeting.held_on.isoformat()}">' in html
        for decision in meeting.decisions:
            assert decision in text
        for url in (meeting.agenda, meeting.minutes):
            if url:
                assert f'href="{url}"' in html
    assert "Minutes not published yet" in text  # the newest meeting's minutes are not agreed yet
    for member in council.board_work.members:
        assert member.name in text
    for said in council.board_work.you_said_we_did:
        assert said.you_said in text and said.we_did in text


# --- the home page --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SITES)
def test_the_home_page_has_a_way_in_for_each_audience(request, name):
    site, council = built(request, name)
    html = article(site, "")
    for target in ("young-people/", "young-people/pledge/", "handbook/", "handbook/questions-to-ask/",
                   "strategy/board/", "strategy/performance/", "strategy/", "strategy/events/", "contacts/"):
        assert f'href="{target}"' in html, target
    text = visible_text(html)
    assert "For young people in care and care leavers" in text
    assert "For partners, carers and anyone else" in text
    assert len(text.split()) >= 90


def test_the_example_home_page_shows_figures_the_next_meeting_the_latest_you_said_and_commitments(example_site):
    council = load_council(FERNLEIGH)[0]
    html = article(example_site, "")
    text = visible_text(html)
    indicators = {i.id: i for i in council.performance.indicators}
    assert f"How {council.council.short_name} is doing" in text
    for ident in council.performance.headline:
        indicator = indicators[ident]
        assert f'href="strategy/performance/#indicator-{ident}"' in html
        latest = indicator.values[-1]
        theirs = [c for c in indicator.comparisons if c.against.value == "england"]
        england = ([c for c in theirs if c.period == latest.period] or theirs)[-1]  # the same year, or the latest
        assert f"{indicator.title} {latest.value:g}% in {latest.period}" in text
        assert f"England: {england.value:g}% in {england.period}" in text
    upcoming = min(m.held_on for m in council.board_work.meetings if m.held_on >= today())
    assert f'Next meeting: <time datetime="{upcoming.isoformat()}">' in re.sub(r"</?strong>", "", html)
    latest = max(council.board_work.you_said_we_did, key=lambda y: y.raised_on)
    assert f"You said: {latest.you_said}" in text and f"We did: {latest.we_did}" in text
    for commitment in council.commitments:
        assert commitment.what in text
        assert f'<time datetime="{commitment.made_on.isoformat()}">' in html


def test_the_sparse_home_page_leaves_out_what_is_not_written_and_says_the_rest_plainly(wales_site):
    html = article(wales_site, "")
    text = visible_text(html)
    short = load_council(WALES)[0].council.short_name
    assert 'id="headline-figures"' not in html and f"How {short} is doing" not in text  # no figures chosen
    assert 'id="commitments"' not in html and "You said" not in text
    assert "The date of the next meeting is not published yet. It meets four times a year." in text


@pytest.mark.parametrize("name,words,corporate_parent", [
    ("scotland_site", "The Promise", "the council"),
    ("northern_ireland_site", "A Life Deserved", "the Trust"),
])
def test_each_nations_commitment_is_on_its_home_and_strategy_pages(request, name, words, corporate_parent):
    site, council = built(request, name)
    [commitment] = council.commitments
    home, strategy = (visible_text(article(site, path)) for path in ("", "strategy"))
    assert f"What {corporate_parent} has promised in public" in home
    for text in (home, strategy):
        assert words in text and commitment.what in text and commitment.made_on.strftime("%B %Y") in text


# --- the strategy, self-evaluation and action plan pages ------------------------------------------


def test_the_strategy_shows_the_commitments_or_says_there_are_none(example_site, wales_site):
    assert "commitments" in contents(example_site, "strategy")
    example = visible_text(article(example_site, "strategy"))
    for commitment in load_council(FERNLEIGH)[0].commitments:
        assert commitment.what in example
    sparse = visible_text(article(wales_site, "strategy"))
    assert "has not yet listed any public commitments beyond what the law asks" in sparse


def test_each_self_evaluation_finding_links_the_action_that_answers_it(example_site):
    council = load_council(FERNLEIGH)[0]
    html = article(example_site, "strategy/self-evaluation")
    assert contents(example_site, "strategy/self-evaluation") == [
        "summary", "governance-and-leadership", "access-to-information", "voice-of-the-child"]
    actions = {a.id: a for a in council.strategy.actions}
    for q in council.self_evaluation.questions:
        row = re.search(rf'<tr id="q-{q.id}">(.*?)</tr>', html, re.S).group(1)
        if q.action:
            assert f'data-action="{q.action}"><a href="../action-plan/#action-{q.action}">' in row
            assert actions[q.action].what.replace("'", "&#39;") in row
        elif q.answer.value != "yes":
            assert "No action yet" in row
    owned = re.search(r'<tr id="q-strategy-owned">(.*?)</tr>', html, re.S).group(1)
    assert "celebration" not in owned


def test_the_action_plan_has_a_heading_per_objective_in_its_contents(example_site, wales_site):
    council = load_council(FERNLEIGH)[0]
    assert contents(example_site, "strategy/action-plan") == [f"plan-{o.id}" for o in council.strategy.objectives]
    html = page_text(example_site, "strategy/action-plan")
    blocks = re.findall(r"<div [^>]*data-cp-action-plan", html)
    assert len(blocks) == 1  # one block for the filters and sorting (site.js), around every objective's table
    assert html.index(blocks[0]) < html.index(f'<h2 id="plan-{council.strategy.objectives[0].id}"')
    assert "has not yet written its action plan" in visible_text(article(wales_site, "strategy/action-plan"))


# --- the handbook: writing SMART actions ----------------------------------------------------------


@pytest.mark.parametrize("name", SITES)
def test_the_handbook_explains_smart_actions_with_the_councils_own_plan(request, name):
    site, council = built(request, name)
    assert "smart-actions" in contents(site, "handbook/governance")
    html = article(site, "handbook/governance")
    text = visible_text(html)
    section = text[text.index("Writing SMART actions"):]
    for letter in ("Specific", "Measurable", "Achievable", "Relevant", "Timed"):
        assert letter in section
    if council.strategy.actions:
        shown = re.findall(r'<a href="../../strategy/action-plan/#action-([^"]+)">', html)
        assert len(shown) == 2 and set(shown) <= {a.id for a in council.strategy.actions}
        assert f"See every action in {council.council.short_name}'s action plan" in section
    else:
        assert f"{council.council.name} has not yet written its action plan" in section
