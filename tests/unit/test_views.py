"""Views answer the questions pages ask, without a build.

Each test starts from a fixture council (tests/fixtures/), changes the one
thing it is about, and asks the view.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from macros import views
from macros.national import Kind as StatisticsKind
from macros.reader import read_yaml
from macros.schema import (ActionStatus, Answer, Area, Comparator, Compliance, CouncilFile, EvaluationSection,
                           EventKind, Priority, PromiseKind, Role, Stage, Theme, Unit, Verdict)
from macros.words import words

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "afoncwm.yml"
TODAY = date(2026, 12, 1)


def council(**changes) -> CouncilFile:
    """The sparse Welsh fixture council, with top-level sections replaced or extended."""
    data = copy.deepcopy(read_yaml(FIXTURE).data)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return CouncilFile.model_validate(data)


def link(target: str) -> str:
    return "/" + target


PROMISE = {
    "id": "know-your-worker", "icon": "material/account", "promise": "We will tell you who your worker is.",
    "kind": "statutory", "law": "Social Services and Well-being (Wales) Act 2014", "owner": "social_care",
    "last_checked": "2026-10-01", "review_by": "2027-10-01",
}


def pledge_with(**promise):
    base = copy.deepcopy(read_yaml(FIXTURE).data["pledge"])
    base["promises"] = [dict(PROMISE, **promise)]
    return base


# --- the pledge -------------------------------------------------------------------


@pytest.mark.parametrize("verdict,words_,icon", [
    ("kept", "Kept", "check-circle"), ("partly-kept", "Partly kept", "circle-half"), ("not-yet", "Not kept yet", "close-circle"),
])
def test_promise_verdict_in_words_and_icon(verdict, words_, icon):
    c = council(pledge=pledge_with(young_people_said={"verdict": verdict, "checked_on": date(2026, 9, 1)}))
    view = views.pledge(c).promises[0]
    assert view.verdict.words == words_
    assert view.verdict.css == verdict
    assert view.verdict.icon.startswith("<svg") and view.verdict.icon == views.icon_svg(f"material/{icon}" if icon != "circle-half" else "material/circle-half-full")
    assert view.verdict.checked_on == views.When("2026-09-01", "1 September 2026")


def test_promise_says_whether_it_is_the_law():
    statutory = views.pledge(council(pledge=pledge_with())).promises[0]
    assert statutory.is_it_law == "Yes. The law says we must (Social Services and Well-being (Wales) Act 2014)."
    own = views.pledge(council(pledge=pledge_with(kind="our-own", law=None))).promises[0]
    assert own.is_it_law == "No. This is our own promise to you."
    assert own.verdict is None


def test_owner_is_the_contact_name_or_else_the_role_title():
    c = council(pledge=pledge_with(owner="social_care"))
    assert views.pledge(c).promises[0].owner == c.contact(Role.social_care).name
    c = council(pledge=pledge_with(owner="fostering"))  # no such contact in the fixture
    assert c.contact(Role.fostering) is None
    assert views.pledge(c).promises[0].owner == "Fostering"


# --- contacts ----------------------------------------------------------------------


def test_contact_card_links_are_built_from_validated_parts():
    c = council()
    card = views.contact_card(c, Role.social_care)
    contact = c.contact(Role.social_care)
    assert card.published and card.name == contact.name
    if contact.phone:
        assert card.phone.href.startswith("tel:+44")
    if contact.email:
        assert card.email.href == "mailto:" + contact.email
    missing = views.contact_card(c, Role.fostering)
    assert not missing.published and missing.role_title == "Fostering" and missing.council_name == c.council.name


def test_contact_groups_hold_only_published_roles():
    c = council()
    roles = [r for g in views.contact_groups(c) for r in g.roles]
    assert roles and all(c.contact(r) for r in roles)
    assert {r.value for r in roles} == {x.role.value for x in c.contacts}


# --- entitlements ------------------------------------------------------------------


def test_local_item_that_improves_a_national_one_carries_it():
    from macros import nations

    national = nations.baseline("wales").items[0]
    local = {"id": "our-extra", "title": "More than the national offer", "area": national.area.value,
             "stages": [s.value for s in national.stages], "what_you_get": "More.", "who_can_get_it": "You.",
             "how_to_ask": "Ask.", "improves": national.id, "amount": "£9,999"}
    c = council(entitlements={"local_offer": [local]})
    offers = views.offers(c)
    ids = [o.item.id for o in offers]
    assert national.id not in ids  # shown inside the local item, not twice
    mine = next(o for o in offers if o.item.id == "our-extra")
    assert mine.local and mine.improves == national
    card = views.entitlement_card(c, mine, "all-our-extra", link)
    short = c.council.short_name
    from macros.amounts import pounds

    more = "gives you more." if pounds(national.amount) is not None else "adds to this."  # only when it is more
    assert card.improves.startswith(national.title) and card.improves.endswith(f"{short} {more}")
    assert card.local and card.tag == f"{short}'s own offer" and card.tag_css == "local"


def test_national_card_names_the_nation_and_who_to_ask():
    c = council()
    offer = next(o for o in views.offers(c) if not o.local)
    card = views.entitlement_card(c, offer, offer.item.id, link)
    assert not card.local and card.tag_css in ("law", "other")
    if offer.item.contact and c.contact(offer.item.contact):
        assert card.who_to_ask.href == f"/contacts/#contact-{offer.item.contact.value}"


def test_areas_follow_the_stage_and_keep_the_areas_order():
    c = council()
    for stage in Stage:
        areas = views.areas(c, stage, "")
        assert all(stage in offer.stages for area in areas for offer, _ in area.offers)
    order = [a.anchor for a in views.areas(c, None, "all-")]
    assert order == sorted(order, key=lambda a: [f"all-{x.value}" for x in Area].index(a))


# --- strategy, self-evaluation, board ----------------------------------------------------


ACTION = {"id": "a1", "what": "Do a thing", "priority": "high", "outcome": "It is done", "owner": "social_care",
          "due": "2026-06-30", "status": "on-track", "serves": {"objective": "o1"}}


def strategy(*actions):
    return {"objectives": [{"id": "o1", "title": "Stable homes"}], "actions": list(actions)}


def test_overdue_means_past_its_date_and_not_done():
    late = dict(ACTION)
    done = dict(ACTION, id="a2", status="done")
    future = dict(ACTION, id="a3", due="2027-06-30")
    plan = views.action_plan(council(strategy=strategy(late, done, future)), TODAY, link)
    rows = {r.id: r for g in plan.groups for r in g.rows}
    assert rows["a1"].overdue and not rows["a2"].overdue and not rows["a3"].overdue
    assert plan.overdue == 1 and plan.total == 3
    assert plan.summary == "2 on track, 1 done"
    assert rows["a1"].serves == [views.Link("Objective: Stable homes", "/strategy/#objective-o1")]
    assert rows["a1"].priority_words == "High" and rows["a1"].priority_rank == 1


def test_actions_serving_no_objective_are_grouped_apart():
    plan = views.action_plan(council(strategy=strategy(dict(ACTION, serves={}))), TODAY, link)
    assert [g.anchor for g in plan.groups] == ["plan-other"]


def test_self_evaluation_counts_and_links_gaps_to_actions():
    questions = [
        {"id": "q1", "section": "voice-of-the-child", "question": "Q1?", "answer": "partly", "action": "a1"},
        {"id": "q2", "section": "voice-of-the-child", "question": "Q2?", "answer": "no"},
        {"id": "q3", "section": "governance-and-leadership", "question": "Q3?", "answer": "yes"},
    ]
    view = views.self_evaluation(council(strategy=strategy(ACTION), self_evaluation={"questions": questions}), link)
    summary = dict(view.summary)
    assert summary["Voice of the child"] == [0, 1, 1] and summary["Governance and leadership"] == [1, 0, 0]
    rows = {r.id: r for s in view.sections for r in s.rows}
    assert (rows["q1"].action.id, rows["q1"].action.text, rows["q1"].action.href) == \
        ("a1", "Do a thing", "/strategy/action-plan/#action-a1")
    assert rows["q1"].action.status_words == "On track" and rows["q1"].action.due.text == "30 June 2026"
    assert rows["q2"].no_action_yet and not rows["q3"].no_action_yet
    assert view.gap_summary == '2 answers are "partly" or "no"; 1 has no action yet.'


def test_next_board_meeting_is_the_first_after_today():
    meetings = [{"held_on": d} for d in ("2026-09-01", "2027-03-01", "2027-01-15")]
    c = council(board_work={"meetings": meetings})
    assert views.next_meeting(c, TODAY).held_on == date(2027, 1, 15)
    view = views.board(c, TODAY)
    assert [m.held_on.text for m in view.upcoming] == ["15 January 2027", "1 March 2027"]
    assert [m.held_on.iso for m in view.past] == ["2026-09-01"]
    assert views.next_meeting(c, date(2027, 6, 1)) is None
    assert views.next_meeting(c, date(2027, 3, 1)).held_on == date(2027, 3, 1)  # a meeting today is still to come


# --- performance ------------------------------------------------------------------------


INDICATOR = {"id": "stability", "theme": "placements", "title": "Three or more moves", "unit": "percent",
             "higher_is_better": False, "source": "Annual return", "as_of": "2026-10-01",
             "values": [{"period": "2024-25", "value": 12}, {"period": "2025-26", "value": 9,
                                                             "numerator": 3, "denominator": 33}],
             "comparisons": [{"against": "wales", "period": "2025-26", "value": 10},
                             {"against": "region", "period": "2024-25", "value": 11}]}


def test_scorecard_compares_in_words():
    c = council(performance={"indicators": [INDICATOR]})
    card = views.scorecard(c, Theme.placements, link)
    view = card.indicators[0]
    short = c.council.short_name
    assert view.summary == (f"In 2025-26, {short}'s figure was 9%: better than Wales (10%), "
                            "and better than the year before (12% in 2024-25). Lower is better.")
    assert view.table.columns == [short, "Wales", "Region"]  # the council's own nation first
    assert [(r.header, [cell.text for cell in r.cells]) for r in view.table.rows] == [
        ("2024-25", ["12%", "–", "11%"]), ("2025-26", ["9%", "10%", "–"])]
    assert view.small_numbers.startswith("Small numbers: this is 3 of 33 children")
    assert card.bank_url == "/handbook/questions-to-ask/#placements"
    assert card.questions and all("[" not in q for q in card.questions)


@pytest.mark.parametrize("nation,kind,comparator,name", [
    ("wales", "welsh-county-borough", "wales", "Wales"), ("england", "unitary", "england", "England"),
])
def test_chart_draws_the_same_numbers_as_the_table(nation, kind, comparator, name):
    """The council's own nation is the comparator drawn next to it (a Welsh council beside Wales), named once, in the key."""
    indicator = dict(INDICATOR, comparisons=[{"against": "scotland", "period": "2025-26", "value": 50},
                                             {"against": comparator, "period": "2025-26", "value": 10}])
    c = council(performance={"indicators": [indicator]}, council={"nation": nation, "kind": kind})
    view = views.scorecard(c, Theme.placements, link).indicators[0]
    chart, short = view.chart, c.council.short_name
    assert [(s.key, s.name) for s in chart.series] == [("ours", short), ("nation", name), ("other", "Scotland")]
    assert [(b.group, b.name, b.value) for b in chart.bars] == [
        ("2024-25", short, "12%"), ("2025-26", short, "9%"), ("2025-26", name, "10%"), ("2025-26", "Scotland", "50%")]
    table = {(r.header, cell.series): cell.value for r in view.table.rows for cell in r.cells if cell.value}
    assert table == {(b.group, b.name): b.value for b in chart.bars}
    assert float(chart.bars[0].width) > float(chart.bars[1].width) > 0
    assert chart.description == f"2024-25: {short} 12%; 2025-26: {short} 9%, {name} 10%, Scotland 50%."


@pytest.mark.parametrize("ours,theirs,better,word", [
    (5, 5, True, "the same as"), (6, 5, True, "better than"), (6, 5, False, "worse than"), (4, 5, None, "lower than"),
])
def test_compare(ours, theirs, better, word):
    assert views.compare(ours, theirs, better) == word


# --- accessibility ---------------------------------------------------------------------


def test_accessibility_statement_names_the_nations_enforcement_body():
    data = copy.deepcopy(read_yaml(FIXTURE).data)
    statement = views.accessibility(CouncilFile.model_validate(data))
    assert "Equality and Human Rights Commission" in statement.enforcer
    data["council"].update(nation="northern-ireland", kind="hsc-trust")
    statement = views.accessibility(CouncilFile.model_validate(data))
    assert statement.enforcer == "The Equality Commission for Northern Ireland"


# --- small things ---------------------------------------------------------------------


@pytest.mark.parametrize("here,target,expected", [
    ("", "strategy/board/", "strategy/board/"),
    ("young-people/pledge/", "contacts/", "../../contacts/"),
    ("strategy/", "strategy/", "./"),
])
def test_relative_link(here, target, expected):
    assert views.relative_link(here, target) == expected


@pytest.mark.parametrize("section,enum", [
    ("roles", Role), ("areas", Area), ("verdicts", Verdict), ("promise_kinds", PromiseKind),
    ("action_statuses", ActionStatus), ("priorities", Priority), ("answers", Answer), ("themes", Theme),
    ("evaluation_sections", EvaluationSection), ("comparators", Comparator), ("compliance", Compliance),
    ("event_kinds", EventKind), ("statistics_kinds", StatisticsKind),
])
def test_every_closed_list_has_its_labels(section, enum):
    assert set(words()[section]) == {m.value for m in enum}


def test_every_nations_data_is_valid():
    from macros import nations
    from macros.schema import Nation

    assert nations.check_nation_data() == []
    for nation in Nation:
        facts = nations.facts(nation.value)
        assert facts.nation == nation
        for fact in (facts.care_leaver_upper_age, facts.personal_adviser, facts.accessibility_enforcement):
            assert fact.source and fact.checked_on


@pytest.mark.parametrize("nation,kind,ombudsman,commissioner", [
    ("england", "unitary", "Local Government and Social Care Ombudsman", "The Children's Commissioner for England"),
    ("wales", "welsh-county-borough", "Public Services Ombudsman for Wales", "The Children's Commissioner for Wales"),
    ("scotland", "scottish-council", "Scottish Public Services Ombudsman", "The Children and Young People's Commissioner Scotland"),
    ("northern-ireland", "hsc-trust", "Northern Ireland Public Services Ombudsman", "The Northern Ireland Commissioner"),
])
def test_a_complaint_ends_at_the_nations_own_ombudsman_and_commissioner(nation, kind, ombudsman, commissioner):
    data = copy.deepcopy(read_yaml(FIXTURE).data)
    data["council"].update(nation=nation, kind=kind)
    view = views.still_not_happy(CouncilFile.model_validate(data))
    assert ombudsman in view.ombudsman and view.commissioner.startswith(commissioner)
    assert view.ombudsman_web.href.startswith("https://") and view.commissioner_web.href.startswith("https://")
    others = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}
    words = f"{view.ombudsman} {view.commissioner} {view.advice_line or ''}"
    assert not [name for key, name in others.items() if key != nation and name in words]
    if view.advice_phone:
        assert view.advice_phone.href.startswith("tel:+44")
    assert view.corporate_parent == ("the Trust" if nation == "northern-ireland" else "the council")


@pytest.mark.parametrize("amount,words", [("£3,500", "gives you more."), ("£50", None), (None, "adds to this.")])
def test_more_than_the_national_offer_only_when_it_is_more(amount, words):
    """A local item that improves a national one says "gives you more" only when its amount is more;
    a lower or equal amount is an error that names the national figure."""
    from macros import nations
    from macros.data_checks import reference_problems

    data = copy.deepcopy(read_yaml(FIXTURE).data)
    data["council"].update(nation="england", kind="unitary")
    national = next(i for i in nations.baseline("england").items if i.id == "setting-up-home-allowance")
    local = {"id": "home", "title": "Money for your first home", "area": "accommodation", "stages": ["leaving-care"],
             "what_you_get": "Money.", "who_can_get_it": "You.", "how_to_ask": "Ask.", "improves": national.id}
    if amount:
        local["amount"] = amount
    data["entitlements"] = {"local_offer": [local]}
    c = CouncilFile.model_validate(data)
    problems = reference_problems(c, lambda path: (1, 1), "council.yml")
    if words is None:
        assert [p.field for p in problems] == ["entitlements.local_offer[0].amount"]
        assert national.amount in problems[0].message and "not more than" in problems[0].message
        return
    assert problems == []
    offer = next(o for o in views.offers(c) if o.local)
    assert views.entitlement_card(c, offer, "home", link).improves.endswith(f"{c.council.short_name} {words}")


@pytest.mark.parametrize("nation,kind", [("england", "unitary"), ("wales", "welsh-county-borough"),
                                         ("scotland", "scottish-council"), ("northern-ireland", "hsc-trust")])
def test_only_an_act_or_regulations_is_called_the_law(nation, kind):
    """Childline, bursaries, the Care Leaver Covenant and the government's advice are not 'the law'."""
    from macros.schema import Basis

    data = copy.deepcopy(read_yaml(FIXTURE).data)
    data["council"].update(nation=nation, kind=kind)
    c = CouncilFile.model_validate(data)
    cards = {o.item.id: (o.item.basis, views.entitlement_card(c, o, o.item.id, link)) for o in views.offers(c)}
    assert cards["childline"][1].tag == "A free service from a charity"
    for item_id, (basis, card) in cards.items():
        assert card.tag.startswith("The law") == (basis == Basis.law), item_id
        assert (card.tag_css == "law") == (basis == Basis.law)
    if nation == "england":
        assert cards["setting-up-home-allowance"][1].tag.startswith("The government's advice")
        assert cards["care-leaver-covenant"][1].tag == "A promise councils can sign up to"
        assert cards["pupil-premium-plus"][1].tag == "A government scheme"


@pytest.mark.parametrize("nation,kind,wrong", [
    ("scotland", "scottish-council", ["Independent Reviewing Officer", "IRO", "Virtual School Head", "designated teacher"]),
    ("northern-ireland", "hsc-trust", ["Independent Reviewing Officer", "IRO", "Virtual School Head"]),
    ("wales", "welsh-county-borough", ["Virtual School Head"]),
])
def test_young_people_are_told_their_own_nations_roles(nation, kind, wrong):
    from macros import nations

    data = copy.deepcopy(read_yaml(FIXTURE).data)
    data["council"].update(nation=nation, kind=kind)
    c = CouncilFile.model_validate(data)
    facts = nations.facts(nation)
    text = " ".join([views.nation_text(c, "reviews"), views.nation_text(c, "school"), facts.reviews.heading,
                     facts.school.heading, facts.reviews.meeting or ""])
    text += " " + " ".join(views.contact_card(c, role).role_title for role in Role)
    assert not [w for w in wrong if w in text], text
    with pytest.raises(ValueError):
        views.nation_text(c, "anything-else")


def test_a_figure_is_written_with_its_unit_whether_the_councils_or_a_nations():
    from macros.national import NationalUnit

    assert views.formatted(67.7, Unit.percent) == "67.7%" and views.formatted(12, Unit.days) == "12 days"
    assert views.formatted(67, Unit.rate_per_10000) == "67 per 10,000"
    assert views.formatted(11.7, NationalUnit.rate_per_1000) == "11.7 per 1,000"
    assert views.formatted(81770, NationalUnit.number) == views.number(81770)
