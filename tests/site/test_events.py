"""What's on (issue 13, part B), in built sites: the events page and the calendar feed at /strategy/events.ics.

Every fixture council (one per nation) gets a page and a valid feed holding every dated entry of its data;
and the events page and the board page link to the feed. That the feed is calendar text, never
HTML-escaped, is tested on the hostile council (tests/site/test_escaping.py); that a build years later
with nothing kept gives the same bytes, with the whole site (tests/site/test_reproducible.py).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest

from macros import views
from macros.council_file import load_council
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES, Links, page_text, visible_text

UK = ZoneInfo("Europe/London")
FEED = "strategy/events.ics"

SITES = {"fernleigh": ("example_site", FERNLEIGH), "afoncwm": ("wales_site", WALES),
         "glenmorach": ("scotland_site", SCOTLAND), "loughbeg": ("northern_ireland_site", NORTHERN_IRELAND)}


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


