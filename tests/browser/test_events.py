"""What's on (issue 13, part B) in a browser and in the live preview: the events page fits a phone and
passes axe, and `make serve` publishes the calendar feed and rebuilds it when the council file changes."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import icalendar
import pytest

from browser import VIEWPORTS, WCAG_TAGS
from sites import FERNLEIGH, ROOT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_events_page_fits_the_screen_and_passes_axe(browser, example_url, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=VIEWPORTS[width])
    page = context.new_page()
    page.goto(example_url + "strategy/events/", wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[width]["width"]
    assert page.locator("li.cp-event").count() >= 10
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}).response["violations"]
    context.close()
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def feed_titles(url: str) -> list[str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text = response.read().decode("utf-8")
    except OSError:
        return []
    return [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(text).events]


def wait_for_title(url: str, title: str, seconds: float = 120) -> list[str]:
    deadline, titles = time.monotonic() + seconds, []
    while time.monotonic() < deadline:
        titles = feed_titles(url)
        if title in titles:
            return titles
        time.sleep(0.5)
    raise AssertionError(f"{url} never listed {title!r}; it listed {titles[:5]}")


def test_make_serve_publishes_the_feed_and_rebuilds_it(tmp_path):
    council = tmp_path / "council.yml"
    text = FERNLEIGH.read_text(encoding="utf-8")
    council.write_text(text, encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/strategy/events.ics"
    env = {**os.environ, "COUNCIL_FILE": str(council), "SERVE_ADDR": f"127.0.0.1:{port}", "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        titles = wait_for_title(url, "Corporate Parenting Week")
        assert "Celebrating Success awards" in titles
        council.write_text(text.replace("title: Celebrating Success awards", "title: Celebrating Success & awards night"),
                           encoding="utf-8")
        titles = wait_for_title(url, "Celebrating Success & awards night")
        assert "Celebrating Success awards" not in titles
        assert server.poll() is None, "make serve stopped"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
