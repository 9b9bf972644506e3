"""The calendar feed: every board meeting and event in council.yml as iCalendar (RFC 5545), for people
to subscribe to from Outlook, Google Calendar or a phone.

Written with the `icalendar` library, which escapes the data for iCalendar (never for HTML: the feed is
not a web page). `define_env` puts the text in `config.extra.events_feed`, and the extra template
docs/strategy/events.ics (mkdocs.yml: extra_templates) prints it, so no build hook is needed.

Two builds of the same data give the same bytes: each entry's UID comes from its id (a meeting's
date) and the council's web address, DTSTAMP from the data (the date it was last revised), never
the clock, and the entries are in date order. Times are UK time (TZID Europe/London, with its
VTIMEZONE for the years the entries span); an entry without a start time is an all-day event.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Optional

from . import views
from .cache import cached
from .schema import CouncilFile


def feed(council: CouncilFile, stamp: date) -> str:
    """The feed's text (CRLF lines). `stamp`: when the data was last revised (DTSTAMP). Kept in
    .cache/ under the entries it is made from, so an unchanged council does not import the library."""
    entries = views.happenings(council)
    c = council.council
    key = repr((entries, stamp, c.name, c.short_name, views.feed_url(council), _library_version())).encode()
    return cached("events-feed", key, lambda: write(council, entries, stamp))


def _library_version() -> str:
    from importlib.metadata import version

    return version("icalendar")


def write(council: CouncilFile, entries: list[views.Happening], stamp: date) -> str:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, Timezone

    uk = ZoneInfo(views.UK_TIME_ZONE)
    c = council.council
    page = views.feed_url(council)
    page = page[: -len(views.FEED_PATH)] + views.EVENTS_PAGE if page else None
    dtstamp = datetime(stamp.year, stamp.month, stamp.day, tzinfo=timezone.utc)

    calendar = Calendar()
    calendar.add("prodid", "-//Corporate parenting website//What's on//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = f"{c.short_name}: corporate parenting, what's on"
    calendar.add("name", name)                      # RFC 7986
    calendar.add("x-wr-calname", name)              # what Outlook, Google and Apple show
    about = f"Board meetings and events for the corporate parents of {c.name}."
    calendar.add("description", about)
    calendar.add("x-wr-caldesc", about)
    calendar.add("x-wr-timezone", views.UK_TIME_ZONE)
    calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    if page:
        calendar.add("url", page)

    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", dtstamp)
        event.add("summary", entry.title)
        if entry.all_day:
            event.add("dtstart", entry.starts_on)
            event.add("dtend", entry.ends_on + timedelta(days=1))  # the day after the last (RFC 5545)
            event.add("transp", "TRANSPARENT")  # a week of events does not fill anyone's diary
        else:
            event.add("dtstart", datetime.combine(entry.starts_on, entry.starts_at, tzinfo=uk))
            end = _end(entry)
            if end:
                event.add("dtend", datetime.combine(end[0], end[1], tzinfo=uk))
        if entry.place:
            event.add("location", entry.place)
        description = _description(entry)
        if description:
            event.add("description", description)
        event.add("categories", [entry.category])
        url = entry.more or (f"{page}#{entry.anchor}" if page else None)
        if url:
            event.add("url", url)
        calendar.add_component(event)

    # The council's time zone, for the years the entries span (and the data's own date, so that a calendar
    # with no entries yet still names it and holds one component, as RFC 5545 asks). No more years than
    # that: the feed stays small, and the same data gives the same bytes.
    days = [stamp] + [e.starts_on for e in entries] + [e.ends_on for e in entries]
    zone = Timezone.from_tzid(views.UK_TIME_ZONE, first_date=date(min(days).year, 1, 1),
                              last_date=date(max(days).year + 1, 1, 1))
    calendar.subcomponents.insert(0, zone)
    return calendar.to_ical().decode("utf-8")


def _end(entry: views.Happening) -> Optional[tuple]:
    """When a timed entry ends: its end time, else the end of its last day if it runs over several days."""
    if entry.ends_at:
        return entry.ends_on, entry.ends_at
    if entry.ends_on > entry.starts_on:
        return entry.ends_on + timedelta(days=1), views.time.min
    return None  # a start time only: RFC 5545 reads it as an event at that moment


def _description(entry: views.Happening) -> str:
    lines = [entry.details] if entry.details else []
    lines += [f"{link.text}: {link.href}" for link in entry.links]
    return "\n\n".join(lines)
