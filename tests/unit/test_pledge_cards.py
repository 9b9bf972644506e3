"""The Pledge as cards: each promise with whether it is the law (naming the law), what young people say
in words and icon, and their words; how it is checked folded away in <details>; the Pledge's own dates
said once at the top; who to call for help, with their numbers (the leaflet's back page)."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest

from macros import views
from macros.components import Components
from macros.reader import read_yaml
from macros.schema import CouncilFile, Role

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def council(fixture: str = "fernleigh.yml", edit=None) -> CouncilFile:
    data = copy.deepcopy(read_yaml(FIXTURES / fixture).data)
    if edit:
        edit(data)
    return CouncilFile.model_validate(data)


def render(c: CouncilFile) -> str:
    return str(Components(c, today=lambda: date(2026, 12, 1)).pledge())


def test_each_promise_is_a_card_with_the_verdict_in_words_and_icon_and_young_peoples_words():
    c = council()
    html = render(c)
    cards = re.findall(r'<li class="cp-card cp-promise" id="promise-([a-z0-9-]+)">(.*?)</li>\s*(?=<li class="cp-card|</ol>)', html, re.S)
    assert [id for id, _ in cards] == [p.id for p in c.pledge.promises]
    for (id, card), promise in zip(cards, c.pledge.promises):
        said = promise.young_people_said
        words = {"kept": "Kept", "partly-kept": "Partly kept", "not-yet": "Not kept yet"}[said.verdict.value]
        assert re.search(rf'cp-verdict--{said.verdict.value}"><span class="cp-icon" aria-hidden="true"><svg.*?</span> '
                         rf'Young people say: <strong>{words}</strong>\.', card, re.S), id
        if said.quote:
            quote = said.quote.replace("'", "&#39;")
            assert f"<blockquote><p>“{quote}”</p></blockquote>" in card, id
            assert f"<figcaption>{c.young_people.children_in_care_council.name}</figcaption>" in card
        assert card.count("<details") == 1 and "<summary>How we check this promise</summary>" in card


def test_a_statutory_promise_names_its_law_and_our_own_is_never_called_the_law():
    c = council()
    for promise in c.pledge.promises:
        answer = views.promise_view(c, promise).is_it_law
        if promise.kind.value == "statutory":
            assert answer.startswith("Yes. The law says we must") and f"({promise.law})" in answer
        else:
            assert answer == "No. This is our own promise to you." and "law says" not in answer


@pytest.mark.parametrize("kinds,expected", [
    (["statutory", "statutory"], "The law says we must keep all of these promises."),
    (["our-own", "our-own"], "These are all our own promises. No law says we must make them."),
    (["statutory", "our-own", "statutory"], "The law says we must keep 2 of these promises. The other 1 is our own."),
    (["statutory", "our-own", "our-own"], "The law says we must keep 1 of these promises. The other 2 are our own."),
])
def test_the_page_says_how_many_promises_the_law_asks_for(kinds, expected):
    def edit(data):
        base = data["pledge"]["promises"][0]
        data["pledge"]["promises"] = [dict(base, id=f"p{i}", kind=kind, law="Children Act 1989" if kind == "statutory" else None)
                                      for i, kind in enumerate(kinds)]
    assert views.pledge(council(edit=edit)).kinds == expected


def test_one_date_story_at_the_top_and_every_other_date_folded_away():
    c = council()
    html = render(c)
    top = html.split('<ol class="cp-promises">')[0]
    p = c.pledge
    assert (f"We made these promises with {p.agreed_with} on "
            f'<time datetime="{p.agreed_on.isoformat()}">{views.when(p.agreed_on).text}</time>. '
            f"We will look at them again with young people by "
            f'<time datetime="{p.next_review.isoformat()}">{views.when(p.next_review).text}</time>.') in top
    outside = re.sub(r"<details.*?</details>", "", html.split('<ol class="cp-promises">')[1], flags=re.S)
    assert "<time" not in outside  # the checks' dates are all inside <details>
    inside = re.findall(r"<details.*?</details>", html, re.S)
    for block, promise in zip(inside, c.pledge.promises):
        assert f'We last checked it on <time datetime="{promise.last_checked.isoformat()}">' in block
        assert f'We will check it again by <time datetime="{promise.review_by.isoformat()}">' in block
        assert f'Young people checked it on <time datetime="{promise.young_people_said.checked_on.isoformat()}">' in block


def test_a_promise_young_people_have_not_checked_says_so():
    html = render(council("afoncwm.yml"))
    assert "cp-verdict--not-checked" in html and "<strong>Young people have not checked it yet</strong>." in html
    assert "Young people say:" not in html and "Young people checked it on" not in html


def test_young_peoples_words_are_data_not_markup():
    def edit(data):
        data["pledge"]["promises"][0]["young_people_said"]["quote"] = "<script>alert(1)</script> & more"
    html = render(council(edit=edit))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


@pytest.mark.parametrize("fixture", ["fernleigh.yml", "afoncwm.yml", "glenmorach.yml", "loughbeg.yml"])
def test_who_to_call_has_999_childline_out_of_hours_and_an_advocate(fixture):
    c = council(fixture)
    lines = views.help_lines(c)
    hrefs = [line.link.href for line in lines]
    assert hrefs[:2] == ["tel:999", "tel:08001111"] and lines[1].link.text == "0800 1111"
    for line, role in zip(lines[2:], (Role.out_of_hours, Role.advocacy)):
        contact = c.contact(role)
        assert contact.name in line.title and line.link.text == contact.phone and line.link.href.startswith("tel:+44")
    html = str(Components(c, today=lambda: date(2026, 12, 1)).help_lines())
    assert 'href="tel:999"' in html and ">0800 1111</a>" in html


def test_a_missing_help_contact_says_it_is_not_published():
    def edit(data):
        data["contacts"] = [x for x in data["contacts"] if x["role"] != "advocacy"]
    lines = views.help_lines(council(edit=edit))
    assert lines[3].title == "An advocate" and lines[3].link is None and "has not put this number here yet" in lines[3].what


@pytest.mark.parametrize("law,warns", [
    ("Children Act 1989", False), ("Care Leavers (Wales) Regulations 2015", False),
    ("Children (Northern Ireland) Order 1995", False),
    ("Statutory guidance on corporate parenting", True), ("A promise from Wales", True),
])
def test_a_statutory_promise_must_name_a_law_not_guidance(law, warns):
    from macros.data_checks import pledge_problems

    def edit(data):
        data["pledge"]["promises"][0].update(kind="statutory", law=law)
    found = [p for p in pledge_problems(council(edit=edit), lambda path: (1, 1), "council.yml", date(2026, 12, 1))
             if p.field == "pledge.promises[0].law"]
    assert bool(found) == warns, found
    if warns:
        assert "is not the law" in found[0].message and found[0].severity == "warning"
