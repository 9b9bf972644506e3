"""Data from a council file is data, never markup: a hostile council file cannot inject anything.

The example council with a payload in every text field is built into a site and read.
"""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.page_checks import text_leaves
from macros.reader import read_yaml
from macros.schema import CouncilFile
from sites import FERNLEIGH, RECIPES, RELAXED_ENV, html_pages, page_text

PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(1)> | pipes | {{ jinja }} *star* [x](javascript:alert(1))"


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def hostile_council() -> tuple[dict, int]:
    """The example council with the payload in every text field the schema accepts it in."""
    data = copy.deepcopy(read_yaml(FERNLEIGH).data)
    changed = 0
    for path, _ in list(text_leaves(data)):
        if path[0] == "editorial":  # the banned-word list is never shown; a payload there bans itself
            continue
        trial = copy.deepcopy(data)
        _set(trial, path, PAYLOAD)
        try:
            CouncilFile.model_validate(trial)
        except ValidationError:
            continue
        data = trial
        changed += 1
    return data, changed


_HOSTILE: dict[str, int] = {}


def _hostile_recipe(folder: Path) -> tuple[Path, dict]:
    data, _HOSTILE["changed"] = hostile_council()
    council_file = folder / "hostile.yml"
    council_file.write_text(json.dumps(data, default=str, indent=1), encoding="utf-8")  # JSON is YAML
    return council_file, RELAXED_ENV  # payloads are not plain words: the reading warnings must not stop it


RECIPES["hostile_site"] = _hostile_recipe  # built in the background with the other sites


@pytest.fixture(scope="module")
def hostile_site(builds) -> Path:
    site = builds.site("hostile_site")
    assert _HOSTILE["changed"] > 60, "the payload should reach almost every text field"
    return site


class Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False
        self.text: list[str] = []
        self.rows: list[int] = []
        self._cells = 0

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if any(name.startswith("on") for name in names):
            self.problems.append(f"<{tag}> with an event handler: {attrs}")
        for name, value in attrs:
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        self.in_script = tag == "script"
        if tag == "tr":
            self._cells = 0
        if tag in ("td", "th"):
            self._cells += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "tr":
            self.rows.append(self._cells)

    def handle_data(self, data):
        if self.in_script and "alert(1)" in data:
            self.problems.append("a script that runs alert(1)")
        if not self.in_script:
            self.text.append(data)


def test_no_live_markup_anywhere(hostile_site):
    pages = html_pages(hostile_site)
    assert len(pages) > 40
    for page in pages:
        scan = Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        assert scan.problems == [], f"{page}: {scan.problems}"


@pytest.mark.parametrize("path", ["contacts", "strategy/board", "young-people/pledge",
                                  "young-people/entitlements", "young-people/have-your-say",
                                  "handbook/governance", ""])
def test_payload_shows_as_text(hostile_site, path):
    scan = Scan()
    scan.feed(page_text(hostile_site, path))
    text = "".join(scan.text)
    assert "<script>alert(1)</script>" in text, "the payload should be shown, escaped, not dropped"
    assert "| pipes | {{ jinja }} *star*" in text


def test_tables_keep_their_shape(hostile_site):
    html = page_text(hostile_site, "strategy/board")
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert len(tables) >= 2
    for table in tables:
        scan = Scan()
        scan.feed(table)
        assert scan.rows and len(set(scan.rows)) == 1, scan.rows  # every row has as many cells




def test_nothing_is_escaped_twice(hostile_site):
    """The council's name once showed as `Brighton &amp;amp; Hove` in the header: each value is escaped once."""
    twice = []
    for page in html_pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        for mark in ("&amp;amp;", "&amp;lt;", "&amp;gt;", "&amp;quot;", "&amp;#"):
            if mark in html:
                at = html.index(mark)
                twice.append(f"{page.relative_to(hostile_site)}: …{html[max(0, at - 80):at + 40]}…")
    assert twice == [], "\n".join(twice[:10])


def test_the_calendar_feed_carries_the_payload_as_written_and_the_events_page_escapes_it(hostile_site):
    """The feed is calendar text (the icalendar library escapes it): never HTML-escaped; the page always is."""
    import icalendar

    raw = (hostile_site / "strategy" / "events.ics").read_text(encoding="utf-8")
    titles = [str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(raw).events]
    assert PAYLOAD in titles
    assert "&lt;" not in raw and "&amp;" not in raw and "&#34;" not in raw
    html = page_text(hostile_site, "strategy/events")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
