"""The entitlements pages by situation (issue 12): the money table, what matters most first, short cards with
the rest folded away, keywords kept but unseen, no name said twice, and the nations' "first:" lists checked."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pydantic import ValidationError

from macros import nations, views
from macros.components import Components
from macros.council_file import load_council
from macros.schema import Basis, NationalEntitlements, Role, Stage
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES

TODAY = date(2026, 12, 2)
COUNCILS = {"england": FERNLEIGH, "wales": WALES, "scotland": SCOTLAND, "northern-ireland": NORTHERN_IRELAND}


def link(target: str) -> str:
    return "/" + target


@pytest.fixture(scope="module")
def fernleigh():
    return load_council(FERNLEIGH)[0]


# --- the money table --------------------------------------------------------------------------


@pytest.mark.parametrize("nation", list(COUNCILS))
def test_money_table_holds_every_amount_for_the_stage_and_no_more(nation):
    council = load_council(COUNCILS[nation])[0]
    for stage in Stage:
        with_amount = {o.item.title for o in views.stage_offers(council, stage) if o.item.amount}
        money = views.money(council, stage)
        rows = {r.title for r in money.rows} if money else set()
        assert rows == with_amount, (nation, stage)
        for row in money.rows if money else []:
            assert row.amount and row.given_by and row.how_to_ask.endswith((".", "!", "?")), row
            assert row.href.startswith("#")


def test_care_leavers_money_comes_in_the_nations_order_with_council_tax_beside_it(fernleigh):
    money = views.money(fernleigh, Stage.leaving_care)
    first = nations.baseline("england").first[Stage.leaving_care]
    # the council's setting-up-home money improves the national one, so it takes its place: first
    assert first[0] == "setting-up-home-allowance" and money.rows[0].href == "#setting-up-home"
    assert money.rows[0].amount == "£3,500" and money.rows[0].given_by == fernleigh.council.short_name
    assert money.rows[0].how_to_ask == "Ask your personal adviser."  # the first sentence; the card has the rest
    ranked = [r.href[1:] for r in money.rows if r.href[1:] in first]
    assert ranked == sorted(ranked, key=first.index)
    assert [a.href for a in money.also][:1] == ["#council-tax"]  # no amount, but money: asked about right after


@pytest.mark.parametrize("nation", ["wales", "scotland"])
def test_where_the_nation_gives_council_tax_it_is_near_the_top_for_care_leavers(nation):
    council = load_council(COUNCILS[nation])[0]
    first = views.first_offers(council, Stage.leaving_care)
    assert [o.item.id for o, _ in first][:1] == ["council-tax-exemption"]
    money = views.money(council, Stage.leaving_care)
    assert "#council-tax-exemption" in [a.href for a in money.also][:2]


def test_who_gives_it(fernleigh):
    item = next(o.item for o in views.offers(fernleigh) if o.item.id == "higher-education-bursary")
    assert views.given_by(fernleigh, item) == fernleigh.council.short_name  # the default: the council
    scheme = next(o.item for o in views.offers(fernleigh) if o.item.basis == Basis.national_scheme and o.item.amount)
    assert views.given_by(fernleigh, scheme) == "The government"
    own = item.model_copy(update={"given_by": "Your university"})
    assert views.given_by(fernleigh, own) == "Your university"


# --- what matters most -------------------------------------------------------------------------------


@pytest.mark.parametrize("nation", list(COUNCILS))
def test_what_matters_most_follows_the_nation_and_never_starts_with_what_has_not_started(nation):
    council = load_council(COUNCILS[nation])[0]
    national = nations.baseline(nation)
    for stage in Stage:
        first = views.first_offers(council, stage)
        assert first, (nation, stage)
        ids = [o.improves.id if o.improves and o.improves.id in national.first[stage] else o.item.id for o, _ in first]
        assert ids == [i for i in national.first[stage] if i in ids]
        assert all(o.item.status != "announced" for o, _ in first)
        # everything else is listed once, by topic, with anything not started yet last in its topic
        rest = views.areas(council, stage, "", leave_out=tuple(o.item.id for o, _ in first))
        shown = [o.item.id for o, _ in first] + [o.item.id for a in rest for o, _ in a.offers]
        assert sorted(shown) == sorted(o.item.id for o in views.stage_offers(council, stage))
        for area in rest:
            statuses = [o.item.status == "announced" for o, _ in area.offers]
            assert statuses == sorted(statuses)


def _national(**first):
    data = nations.baseline("england").model_dump(mode="json")
    data["first"] = first
    return data


@pytest.mark.parametrize("first,problem", [
    ({"leaving-care": ["no-such-thing"]}, "is not the id of an item"),
    ({"in-care": ["higher-education-bursary"]}, "is not for in-care"),
    ({"leaving-care": ["free-prescriptions-dental-eye-care"]}, "has not started yet"),
    ({"leaving-care": ["personal-adviser", "personal-adviser"]}, "is listed twice"),
])
def test_first_lists_are_checked(first, problem):
    with pytest.raises(ValidationError, match=problem):
        NationalEntitlements.model_validate(_national(**first))


def test_every_nation_says_what_matters_most_for_every_stage():
    for nation in COUNCILS:
        assert set(nations.baseline(nation).first) == set(Stage), nation


# --- the cards -------------------------------------------------------------------------------------


def test_card_keeps_the_facts_folded_and_says_the_age_properly(fernleigh):
    offer = next(o for o in views.offers(fernleigh) if o.item.id == "personal-adviser")
    card = views.entitlement_card(fernleigh, offer, offer.item.id, link)
    assert card.who_can_get_it == offer.item.who_can_get_it  # no "(up to age 25)" tacked on
    assert card.until_age == "Until you are 25."
    assert card.source.href.startswith("https://www.legislation.gov.uk/") and card.source.text
    assert card.checked.iso == "2026-11-01"
    assert "PA" in card.keywords  # searchable, never shown (the template hides it)
    local = next(o for o in views.offers(fernleigh) if o.item.id == "council-tax")
    card = views.entitlement_card(fernleigh, local, "council-tax", link)
    assert card.checked.iso == fernleigh.entitlements.local_offer_published.isoformat()  # the local offer's date


def test_card_html_shows_four_things_and_folds_the_rest(fernleigh):
    html = str(Components(fernleigh, today=lambda: TODAY).entitlements(stage="leaving-care", level=2, money=True))
    cards = re.findall(r'<div class="cp-card cp-entitlement".*?</div>', html, flags=re.S)
    assert cards
    for card in cards:
        shown, _, folded = card.partition("<details")
        assert "Who can get it" not in shown and "Where it comes from" not in shown and "up to age" not in shown
        assert "<summary>More about this</summary>" in folded and "Who can get it" in folded
        assert "How to ask:" in shown
        assert "Also called" not in card
        keywords = re.findall(r'<span class="cp-keywords" hidden>([^<]+)</span>', card)
        assert len(keywords) == 1 and keywords[0].strip()
    # the money table comes first, then what matters most, then the topics
    assert html.index('class="cp-money"') < html.index(">What matters most<") < html.index("cp-entitlements__area", html.index(">What matters most<"))
    assert html.count("<table") == 1 and "£3,500" in html.split("</table>")[0]


@pytest.mark.parametrize("nation", list(COUNCILS))
def test_no_name_is_said_twice(nation):
    council = load_council(COUNCILS[nation])[0]
    parts = Components(council, today=lambda: TODAY)
    html = str(parts.entitlements()) + "".join(str(parts.contact_card(r.value)) for r in Role)
    for name, bracket in re.findall(r"([A-Z][\w' ,]+?)</strong> <span class=\"cp-card__role\">\(([^)]+)\)", html):
        assert bracket.casefold() not in name.casefold(), (name, bracket)


def test_contact_card_leaves_out_a_role_the_name_already_says(fernleigh):
    assert views.contact_card(fernleigh, Role.social_care).says_role  # "Children's Social Care"
    html = str(Components(fernleigh, today=lambda: TODAY).contact_card("social_care"))
    assert "Children&#39;s Social Care</strong></p>" in html and "(Children" not in html
    assert not views.contact_card(fernleigh, Role.children_in_care_council).says_role  # the group's own name


def test_nothing_matches_offers_help(fernleigh):
    html = str(Components(fernleigh, today=lambda: TODAY, page_url=lambda: "young-people/entitlements/leaving-care/")
               .entitlements(stage="leaving-care", level=2, money=True))
    none = html.split("data-cp-none", 1)[1].split("</div>", 1)[0]
    assert 'href="tel:08001111"' in none and 'href="../../who-can-help/#advocate"' in none
    assert 'href="../../who-can-help/"' in none
