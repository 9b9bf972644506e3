"""The help bar's view and partial, and the nation data behind where pages send young people (issue 12)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from macros import nations, views
from macros.reader import read_yaml
from macros.schema import CouncilFile, Nation, Role
from macros.sources import citations
from nation_words import OWN_WORDS, others_words

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def council(fixture: str = "fernleigh.yml", without: tuple[str, ...] = (), **contact_changes) -> CouncilFile:
    data = copy.deepcopy(read_yaml(FIXTURES / fixture).data)
    data["contacts"] = [c for c in data["contacts"] if c["role"] not in without]
    for c in data["contacts"]:
        c.update(contact_changes.get(c["role"], {}))
    return CouncilFile.model_validate(data)


def render(view: views.HelpBarView) -> str:
    """overrides/partials/help-bar.html as the theme renders it (autoescape on, `url` makes links relative)."""
    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")), autoescape=True)
    env.filters["url"] = lambda target: "../../" + target if ":" not in target else target
    return env.get_template("partials/help-bar.html").render(config={"extra": {"help_bar": view}}, page={"meta": {}})


def test_help_bar_gives_999_childline_out_of_hours_and_the_advocates_phone():
    c = council()
    bar = views.help_bar(c)
    ooh, advocacy = c.contact(Role.out_of_hours), c.contact(Role.advocacy)
    assert (bar.emergency.href, bar.childline.href, bar.childline.text) == ("tel:999", "tel:08001111", "0800 1111")
    assert bar.out_of_hours.text == ooh.phone and bar.out_of_hours.href.startswith("tel:+44")
    assert bar.out_of_hours_name == ooh.name and bar.out_of_hours_hours == ooh.hours
    assert bar.advocate_is_phone and bar.advocate.text == advocacy.phone
    html = render(bar)
    assert html.count("0800 1111") == 1 and html.count(ooh.phone) == 1 and "has not put" not in html
    assert 'aria-labelledby="help-now-title"' in html and 'id="help-now-title"' in html


def test_without_an_out_of_hours_number_the_bar_says_so_plainly():
    c = council(without=("out_of_hours", "advocacy"))
    bar = views.help_bar(c)
    assert bar.out_of_hours is None
    html = render(bar)
    assert f"{c.council.name} has not put its out-of-hours number on this site yet" in html
    assert "If it cannot wait, call 999 or Childline. In the day, call your social worker." in html
    assert 'href="../../young-people/who-can-help/#advocate"' in html  # no advocacy phone: the page that explains


def test_help_bar_escapes_what_the_council_wrote():
    c = council(out_of_hours={"name": "<script>alert(1)</script> Team", "hours": "Nights & <b>weekends</b>"})
    html = render(views.help_bar(c))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


@pytest.mark.parametrize("nation", [n.value for n in Nation])
def test_each_nations_commissioner_line_and_voice_charity_are_its_own_and_sourced(nation):
    facts = nations.facts(nation)
    line, charity = facts.commissioner.advice_line, facts.voice_charity
    said = " ".join(filter(None, [facts.ombudsman.name, facts.commissioner.name, line and line.name,
                                   charity.name, charity.does]))
    assert others_words(nation, said) == []
    assert charity.web.startswith("https://") and charity.checked_on.isoformat() >= "2026-12-02"
    assert facts.commissioner.checked_on.isoformat() >= "2026-12-02"
    prefix = {"england": "eng-", "wales": "wal-", "scotland": "sco-", "northern-ireland": "ni-"}[nation]
    ours = [v for k, v in citations().items() if k.startswith(prefix) and "checked 2 December 2026" in v]
    assert len(ours) >= 2  # the commissioner's line and the voice charity, each with where and when


def test_the_commissioners_own_services():
    """England: Help at Hand; Wales: the Commissioner's own service (Meic is not the Commissioner's);
    Scotland: the Commissioner's freephone; Northern Ireland: NICCY's number as niccy.org gives it."""
    line = {n.value: nations.facts(n.value).commissioner.advice_line for n in Nation}
    assert (line["england"].name, line["england"].phone) == ("Help at Hand", "0800 528 0731")
    assert "Meic" not in line["wales"].name and line["wales"].phone is None  # no number could be confirmed
    assert line["scotland"].phone == "0800 019 1179"
    assert line["northern-ireland"].phone == "028 9031 1616" and OWN_WORDS["northern-ireland"].search(line["northern-ireland"].name)


def test_still_not_happy_without_an_advice_phone_sends_young_people_to_the_web():
    data = copy.deepcopy(read_yaml(FIXTURES / "afoncwm.yml").data)
    view = views.still_not_happy(CouncilFile.model_validate(data))
    assert view.advice_phone is None and view.advice_line_title.startswith("The Commissioner")
    assert view.commissioner_web.href.startswith("https://")
