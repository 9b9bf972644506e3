"""What's on (issue 13, part B): the events page's view and the calendar feed, without a build.

The feed is parsed back with the library that wrote it (icalendar): it must hold every dated entry of
each fixture council, at the right UK time, with stable UIDs, and the same data must give the same bytes.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from macros import events_feed, views
from macros.council_file import load_council
from macros.reader import read_yaml
from macros.schema import CouncilFile, EventKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNCILS = ["fernleigh", "afoncwm", "glenmorach", "loughbeg"]
UK = ZoneInfo("Europe/London")
STAMP = date(2026, 11, 17)


def council(name: str) -> CouncilFile:
    return load_council(FIXTURES / f"{name}.yml")[0]


def with_events(name: str, events: list[dict], meetings: list[dict] | None = None) -> CouncilFile:
    data = copy.deepcopy(read_yaml(FIXTURES / f"{name}.yml").data)
    data["events"] = events
    if meetings is not None:
        data.setdefault("board_work", {})["meetings"] = meetings
    return CouncilFile.model_validate(data)


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


# --- dates and times as people read them -------------------------------------------------------------


@pytest.mark.parametrize("hour,minute,expected", [
    (18, 0, "6pm"), (17, 30, "5:30pm"), (9, 5, "9:05am"), (12, 0, "midday"), (0, 0, "midnight"),
    (12, 30, "12:30pm"), (0, 15, "12:15am"), (11, 0, "11am"),
])
def test_times_of_day_read_as_people_say_them(hour, minute, expected):
    assert views.clock(time(hour, minute)) == expected


@pytest.mark.parametrize("starts_on,ends_on,starts_at,ends_at,expected", [
    ("2027-01-19", None, None, None, "Tuesday 19 January 2027"),
    ("2027-01-19", None, "18:00", "20:00", "Tuesday 19 January 2027, 6pm to 8pm"),
    ("2027-01-19", None, "17:30", None, "Tuesday 19 January 2027, 5:30pm"),
    ("2027-03-08", "2027-03-12", None, None, "Monday 8 to Friday 12 March 2027"),
    ("2027-03-29", "2027-04-02", None, None, "Monday 29 March to Friday 2 April 2027"),
    ("2026-12-28", "2027-01-01", None, None, "Monday 28 December 2026 to Friday 1 January 2027"),
    ("2027-03-08", "2027-03-09", "09:00", "17:00", "Monday 8 March 2027 at 9am to Tuesday 9 March 2027 at 5pm"),
])
def test_when_an_event_happens_reads_as_people_say_it(starts_on, ends_on, starts_at, ends_at, expected):
    clock = lambda s: time.fromisoformat(s) if s else None  # noqa: E731
    start = date.fromisoformat(starts_on)
    assert views.when_text(start, date.fromisoformat(ends_on) if ends_on else start,
                           clock(starts_at), clock(ends_at)) == expected


def test_every_event_kind_has_its_label():
    assert set(views.event_words()["kinds"]) == {k.value for k in EventKind}


# --- the diary: board meetings and events together -----------------------------------------------------


@pytest.mark.parametrize("name", COUNCILS)
def test_the_diary_holds_every_meeting_and_event_in_date_order(name):
    c = council(name)
    entries = views.happenings(c)
    assert len(entries) == len(c.events) + len(c.board_work.meetings)
    assert [e.sort_key for e in entries] == sorted(e.sort_key for e in entries)
    uids = [e.uid for e in entries]
    assert len(set(uids)) == len(uids)


def test_uids_come_from_the_events_id_and_the_councils_address_and_meetings_from_their_date():
    entries = {e.uid: e for e in views.happenings(council("fernleigh"))}
    assert "corporate-parenting-event-corporate-parenting-week-2027@fernleigh.gov.uk" in entries
    assert "corporate-parenting-board-2027-01-19@fernleigh.gov.uk" in entries
    moved = with_events("fernleigh", [{"id": "corporate-parenting-week-2027", "title": "Moved",
                                       "kind": "corporate-parenting-week", "starts_on": "2027-04-12"}])
    # the same event on another date keeps its UID, so calendars move it instead of adding a second one
    assert "corporate-parenting-event-corporate-parenting-week-2027@fernleigh.gov.uk" in {
        e.uid for e in views.happenings(moved)}


def test_the_page_lists_what_is_coming_soonest_first_then_what_is_past_latest_first():
    c = council("fernleigh")
    view = views.events(c, date(2026, 12, 2), lambda target: views.relative_link("strategy/events/", target))
    upcoming = [card.datetime for card in view.upcoming]
    past = [card.datetime for card in view.past]
    assert upcoming == sorted(upcoming) and past == sorted(past, reverse=True)
    assert upcoming[0] == "2026-12-08T17:00" and past[0] == "2026-11-24T17:00"
    assert min(upcoming) >= "2026-12-02" > max(past)
    assert len(upcoming) + len(past) == len(c.events) + len(c.board_work.meetings)
    assert view.feed_href == "../events.ics"
    assert view.feed_url == "https://corporateparenting.fernleigh.gov.uk/strategy/events.ics"


def test_an_event_running_today_is_coming_up_and_on_now():
    c = council("fernleigh")
    view = views.events(c, date(2027, 3, 10), lambda target: target)
    week = next(card for card in view.upcoming if card.anchor == "event-corporate-parenting-week-2027")
    assert week.on_now and week.when == "Monday 8 to Friday 12 March 2027"
    assert view.upcoming[0] is week  # it started before the rest of what is still to come
    assert not any(card.on_now for card in view.past)


def test_a_council_with_no_events_says_so_plainly():
    sparse = council("afoncwm")
    view = views.events(sparse, date(2026, 12, 2), lambda target: target)
    assert not view.any and view.upcoming == [] and view.past == []
    assert view.none_upcoming == f"{sparse.council.name} has not listed any meetings or events yet."
    meetings_only = with_events("afoncwm", [], [{"held_on": "2027-01-20"}])
    view = views.events(meetings_only, date(2026, 12, 2), lambda target: target)
    assert view.any and not view.has_events and "has not yet listed its other events" in view.missing


def test_an_end_before_the_start_is_left_out_not_published():
    c = with_events("afoncwm", [
        {"id": "backwards", "title": "Backwards", "kind": "other", "starts_on": "2027-02-10", "ends_on": "2027-02-01"},
        {"id": "early-end", "title": "Early end", "kind": "other", "starts_on": "2027-02-10",
         "starts_at": "18:00", "ends_at": "17:00"},
    ])
    entries = {e.anchor: e for e in views.happenings(c)}
    assert entries["event-backwards"].ends_on == date(2027, 2, 10)
    assert entries["event-early-end"].ends_at is None
    events = {str(e["UID"]): e for e in parse(events_feed.write(c, views.happenings(c), STAMP)).events}
    for event in events.values():
        end = event.get("DTEND")
        assert end is None or end.dt > event["DTSTART"].dt


# --- the calendar feed -------------------------------------------------------------------------------------


def expected_times(entry: views.Happening):
    if entry.all_day:
        return entry.starts_on, entry.ends_on + timedelta(days=1)
    start = datetime.combine(entry.starts_on, entry.starts_at, tzinfo=UK)
    end = datetime.combine(entry.ends_on, entry.ends_at, tzinfo=UK) if entry.ends_at else None
    return start, end


@pytest.mark.parametrize("name", COUNCILS)
def test_the_feed_holds_every_dated_entry_at_the_right_uk_time(name):
    c = council(name)
    text = events_feed.write(c, views.happenings(c), STAMP)
    calendar = parse(text)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]
    events = {str(e["UID"]): e for e in calendar.events}
    source = {(e.id, e.starts_on) for e in c.events} | {("board", m.held_on) for m in c.board_work.meetings}
    assert len(events) == len(source) == len(views.happenings(c))
    for entry in views.happenings(c):
        event = events[entry.uid]
        start, end = expected_times(entry)
        assert event["DTSTART"].dt == start and type(event["DTSTART"].dt) is type(start), entry.uid
        if end is None:
            assert "DTEND" not in event
        else:
            assert event["DTEND"].dt == end, entry.uid
        if not entry.all_day:
            assert event["DTSTART"].params["TZID"] == "Europe/London"
            assert event["DTSTART"].dt.utcoffset() == UK.utcoffset(start.replace(tzinfo=None))
        assert str(event["SUMMARY"]) == entry.title
        assert event["DTSTAMP"].dt == datetime(2026, 11, 17, tzinfo=ZoneInfo("UTC"))


def test_summer_times_are_british_summer_time_and_winter_times_greenwich():
    c = with_events("afoncwm", [
        {"id": "winter", "title": "Winter", "kind": "training", "starts_on": "2027-01-14", "starts_at": "18:00"},
        {"id": "summer", "title": "Summer", "kind": "training", "starts_on": "2027-07-14", "starts_at": "18:00"},
    ])
    calendar = parse(events_feed.write(c, views.happenings(c), STAMP))
    utc = {str(e["SUMMARY"]): e["DTSTART"].dt.astimezone(ZoneInfo("UTC")).hour for e in calendar.events}
    assert utc == {"Winter": 18, "Summer": 17}


def test_an_empty_calendar_is_still_a_valid_calendar():
    c = council("afoncwm")
    text = events_feed.write(c, [], STAMP)
    calendar = parse(text)
    assert calendar.events == [] and [tz.tz_name for tz in calendar.timezones] == ["Europe/London"]
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")


# A sitecustomize that moves a subprocess's clock on by years: time.time(), date.today() and datetime.now().
FAKE_CLOCK = """
import datetime as _dt, time as _time
_SHIFT = 5 * 365 * 86400
_real, _Real = _time.time, _dt.datetime
_time.time = lambda: _real() + _SHIFT
class datetime(_Real):
    @classmethod
    def now(cls, tz=None):
        return _Real.fromtimestamp(_time.time(), tz)
    @classmethod
    def utcnow(cls):
        return _Real.utcfromtimestamp(_time.time())
_dt.datetime = datetime
"""
WRITE_FEED = """
import sys, datetime
from macros import events_feed, views
from macros.council_file import load_council
c = load_council(sys.argv[1])[0]
sys.stdout.write(repr((datetime.datetime.now().year, events_feed.write(c, views.happenings(c), datetime.date(2026, 11, 17)))))
"""


def test_the_same_data_gives_the_same_bytes_whatever_the_clock_says(tmp_path):
    """Written twice, the second time in a process whose clock is five years on: the same bytes."""
    import ast
    import os
    import subprocess
    import sys

    (tmp_path / "sitecustomize.py").write_text(FAKE_CLOCK, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    fernleigh = str(FIXTURES / "fernleigh.yml")

    def run(extra_path: list[str]):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([*extra_path, str(root)]), "COUNCIL_CACHE": "0"}
        out = subprocess.run([sys.executable, "-c", WRITE_FEED, fernleigh], env=env, cwd=root,
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return ast.literal_eval(out)

    (now_year, first), (later_year, second) = run([]), run([str(tmp_path)])
    assert later_year >= now_year + 4, "the fake clock did not move"
    assert first == second
    c = council("fernleigh")
    assert first == events_feed.write(c, views.happenings(c), STAMP)
    assert "DTSTAMP:20261117T000000Z" in first


def test_the_feed_is_calendar_text_never_html():
    """The library escapes for iCalendar (commas, semicolons, backslashes, new lines); nothing is HTML-escaped."""
    title = 'Tea & cake <for> carers; "all" welcome, \\ bring a friend'
    c = with_events("afoncwm", [{"id": "tea", "title": title, "kind": "celebration", "starts_on": "2027-02-10",
                                 "place": "Hall <B> & annexe", "details": "First line.\nSecond line & more."}])
    text = events_feed.write(c, views.happenings(c), STAMP)
    assert "&amp;" not in text and "&lt;" not in text and "Tea & cake <for> carers\\;" in text
    event = parse(text).events[0]
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == "Hall <B> & annexe"
    assert str(event["DESCRIPTION"]) == "First line.\nSecond line & more."


def test_links_go_in_the_feed_only_when_safe_and_the_page_address_only_when_known():
    c = with_events("fernleigh", [{"id": "tea", "title": "Tea", "kind": "celebration", "starts_on": "2027-02-10",
                                   "link": "https://www.fernleigh.gov.uk/tea"}],
                    [{"held_on": "2027-01-19", "starts_at": "18:00", "ends_at": "20:00", "place": "Town Hall",
                      "agenda": "https://www.fernleigh.gov.uk/cpb/agenda", "minutes": "https://www.fernleigh.gov.uk/cpb/minutes"}])
    events = {str(e["UID"]): e for e in parse(events_feed.write(c, views.happenings(c), STAMP)).events}
    tea = events["corporate-parenting-event-tea@fernleigh.gov.uk"]
    assert str(tea["URL"]) == "https://www.fernleigh.gov.uk/tea"
    meeting = events["corporate-parenting-board-2027-01-19@fernleigh.gov.uk"]
    assert str(meeting["URL"]) == "https://corporateparenting.fernleigh.gov.uk/strategy/events/#board-2027-01-19"
    assert str(meeting["LOCATION"]) == "Town Hall"
    assert str(meeting["DESCRIPTION"]) == ("Agenda: https://www.fernleigh.gov.uk/cpb/agenda\n\n"
                                           "Minutes: https://www.fernleigh.gov.uk/cpb/minutes")
    assert meeting["DTSTART"].dt == datetime(2027, 1, 19, 18, 0, tzinfo=UK)
    no_site = with_events("afoncwm", [{"id": "x", "title": "X", "kind": "other", "starts_on": "2027-02-10"}])
    assert no_site.council.site_url is None  # no address for the page: no URL to give
    assert "URL" not in parse(events_feed.write(no_site, views.happenings(no_site), STAMP)).events[0]
