"""What's on (issue 13, part B), in built sites: the events page and the calendar feed at /strategy/events.ics.

Every fixture council (one per nation) gets a page and a valid feed holding every dated entry of its data;
the events page and the board page link to the feed; the feed is calendar text, never HTML-escaped; and
a second build of the same data, on a clock years ahead and with nothing kept from the first, gives the
same bytes.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest

from macros import views
from macros.council_file import load_council
from macros.reader import read_yaml
from sites import FERNLEIGH, FIXTURES, RECIPES, WALES, Links, page_text, visible_text

SCOTLAND, NORTHERN_IRELAND = FIXTURES / "glenmorach.yml", FIXTURES / "loughbeg.yml"
UK = ZoneInfo("Europe/London")
FEED = "strategy/events.ics"

# A title an HTML escaper would change: the feed must carry it as written.
ODD_TITLE = 'Tea & cake <for> carers, "all" welcome; {{ not a template }}'

# Moves a build's clock on by years (time.time, date.today, datetime.now): see tests/site/test_reproducible.py.
FAKE_CLOCK = textwrap.dedent('''
    import datetime as _dt, time as _time
    _SHIFT = 3 * 365 * 86400
    _real, _Real = _time.time, _dt.datetime
    _time.time = lambda: _real() + _SHIFT
    class datetime(_Real):
        @classmethod
        def now(cls, tz=None):
            return _Real.fromtimestamp(_time.time(), tz)
    _dt.datetime = datetime
''')


def _odd_council(folder: Path) -> Path:
    data = read_yaml(FERNLEIGH).data
    data["events"][0]["title"] = ODD_TITLE
    path = folder.parent / "odd-title.yml"  # the same file for both builds that use it
    if not path.exists():
        path.write_text(json.dumps(data, default=str, indent=1), encoding="utf-8")  # JSON is YAML
    return path


def _odd_later(folder: Path) -> tuple[Path, dict]:
    clock = folder / "clock"
    clock.mkdir(parents=True, exist_ok=True)
    (clock / "sitecustomize.py").write_text(FAKE_CLOCK, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(clock), os.environ.get("PYTHONPATH")) if p)
    return _odd_council(folder), {**PINNED, "PYTHONPATH": path, "COUNCIL_CACHE": "0"}


PINNED = {"COUNCIL_TODAY": date.today().isoformat()}  # both builds agree on "today"; only the clock moves
RECIPES.update({
    "scotland_site": lambda folder: (SCOTLAND, {}),
    "northern_ireland_site": lambda folder: (NORTHERN_IRELAND, {}),
    "odd_title_site": lambda folder: (_odd_council(folder), PINNED),
    "odd_title_later_site": _odd_later,
})
SITES = {"fernleigh": ("example_site", FERNLEIGH), "afoncwm": ("wales_site", WALES),
         "glenmorach": ("scotland_site", SCOTLAND), "loughbeg": ("northern_ireland_site", NORTHERN_IRELAND)}


@pytest.fixture(scope="module")
def scotland_site(builds):
    return builds.site("scotland_site")


@pytest.fixture(scope="module")
def northern_ireland_site(builds):
    return builds.site("northern_ireland_site")


def site_of(request, name: str) -> Path:
    return request.getfixturevalue(SITES[name][0])


def links_from(site: Path, page: str) -> list[str]:
    parser = Links()
    parser.feed(page_text(site, page))
    return parser.hrefs


def resolves_to_feed(site: Path, page: str, href: str) -> bool:
    target = (site / page / urlsplit(href).path).resolve()
    return target == (site / FEED).resolve()


@pytest.mark.parametrize("name", list(SITES))
def test_the_feed_is_valid_and_holds_every_dated_entry(request, name):
    site = site_of(request, name)
    text = (site / FEED).read_bytes().decode("utf-8")
    calendar = icalendar.Calendar.from_ical(text)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]
    council = load_council(SITES[name][1])[0]
    events = {str(e["UID"]): e for e in calendar.events}
    assert len(events) == len(council.events) + len(council.board_work.meetings)
    for e in council.events:
        event = events[f"corporate-parenting-event-{e.id}@{views.uid_domain(council)}"]
        assert str(event["SUMMARY"]) == e.title
        if e.starts_at:
            assert event["DTSTART"].dt == datetime.combine(e.starts_on, e.starts_at, tzinfo=UK)
            assert event["DTEND"].dt == datetime.combine(e.ends_on or e.starts_on, e.ends_at, tzinfo=UK)
        else:
            assert event["DTSTART"].dt == e.starts_on
            assert event["DTEND"].dt == (e.ends_on or e.starts_on) + timedelta(days=1)
    for m in council.board_work.meetings:
        event = events[f"corporate-parenting-board-{m.held_on.isoformat()}@{views.uid_domain(council)}"]
        assert str(event["SUMMARY"]) == f"{council.board.name} meeting"
        start = datetime.combine(m.held_on, m.starts_at, tzinfo=UK) if m.starts_at else m.held_on
        assert event["DTSTART"].dt == start


@pytest.mark.parametrize("name", list(SITES))
def test_the_events_page_and_the_board_page_link_to_the_feed(request, name):
    site = site_of(request, name)
    for page in ("strategy/events", "strategy/board"):
        feeds = [href for href in links_from(site, page) if href.endswith(".ics")]
        assert feeds and all(resolves_to_feed(site, page, href) for href in feeds), (page, feeds)


def test_the_events_page_lists_what_is_coming_first_then_what_is_past(example_site):
    html = page_text(example_site, "strategy/events")
    coming = html[html.index('id="coming-up"'):html.index('id="past"')]
    past = html[html.index('id="past"'):html.index('id="subscribe"')]
    coming_times = re.findall(r'<time datetime="([^"]+)"', coming)
    past_times = re.findall(r'<time datetime="([^"]+)"', past)
    assert coming_times == sorted(coming_times) and past_times == sorted(past_times, reverse=True)
    assert coming_times and past_times and past_times[0][:10] < coming_times[0][:10]
    council = load_council(FERNLEIGH)[0]
    assert len(coming_times) + len(past_times) == len(council.events) + len(council.board_work.meetings)
    text = visible_text(html)
    assert "https://corporateparenting.fernleigh.gov.uk/strategy/events.ics" in text  # the address to subscribe to


def test_a_council_with_no_events_says_so_and_still_has_a_valid_feed(wales_site):
    text = visible_text(page_text(wales_site, "strategy/events"))
    assert "has not listed any meetings or events yet" in text
    calendar = icalendar.Calendar.from_ical((wales_site / FEED).read_text(encoding="utf-8"))
    assert calendar.events == [] and calendar.timezones


def test_the_feed_is_never_html_escaped_and_the_page_always_is(builds):
    site = builds.site("odd_title_site")
    raw = (site / FEED).read_text(encoding="utf-8")
    titles = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(raw).events]
    assert ODD_TITLE in titles
    assert "&amp;" not in raw and "&lt;" not in raw and "&#34;" not in raw and "&#39;" not in raw
    html = page_text(site, "strategy/events")
    assert "Tea &amp; cake &lt;for&gt; carers" in html and "<for>" not in html


def test_two_builds_give_the_same_feed_even_years_later(builds):
    """The same council built twice, the second time on a clock three years ahead with no cache: the same bytes."""
    first = (builds.site("odd_title_site") / FEED).read_bytes()
    second = (builds.site("odd_title_later_site") / FEED).read_bytes()
    assert first == second
