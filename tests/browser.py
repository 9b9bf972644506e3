"""A real browser for the tests: Debian's chromium driven by Playwright, no network."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

# CHROME_PATH: another Chromium-based browser (on GitHub's runners, their Google Chrome: .github/workflows/site.yml).
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, handler_class: type = _Quiet) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) for the length of the block; yields the base URL."""
    handler = functools.partial(handler_class, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def block_other_hosts(context, current: dict, outside: list[str]) -> None:
    """Let a browser context reach only 127.0.0.1; note (and block) every request to another host,
    naming the page (current["page"]) that made it."""
    def guard(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(f"the page {current['page']} asked for {route.request.url}")
            route.abort()

    context.route("**/*", guard)


def audit(browser, site: Path, base: str, viewport: dict) -> tuple[dict[str, list[str]], list[str]]:
    """Open every page of a built site served at `base`; run axe (WCAG 2.2 AA) on each.

    Returns the problems by page address (one line per rule broken) and every
    request made to another host (blocked, so nothing leaves the machine).
    """
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=viewport)
    outside: list[str] = []
    current = {"page": ""}
    block_other_hosts(context, current, outside)
    axe = Axe()
    failures: dict[str, list[str]] = {}
    page = context.new_page()
    for html in sorted(p for p in site.rglob("*.html") if p.name != "404.html" and p.relative_to(site).parts[:1] != ("admin",)):  # not the web editor
        folder = html.parent.relative_to(site).as_posix()
        address = "/" if folder == "." else f"/{folder}/"
        current["page"] = address
        page.goto(base.rstrip("/") + address, wait_until="load")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        for v in result.response["violations"]:
            targets = [", ".join(n["target"]) for n in v["nodes"]]
            failures.setdefault(address, []).append(
                f"rule “{v['id']}”: {v['help']} — {len(targets)} element(s), such as {targets[:3]} ({v['helpUrl']})")
    context.close()
    return failures, outside


def describe(failures: dict[str, list[str]], outside: list[str], width: str) -> str:
    """The audit's findings in words, page by page."""
    lines = [f"At {width} width:"]
    for address, rules in failures.items():
        lines.append(f"  the page {address} breaks {len(rules)} accessibility rule(s):")
        lines += [f"    - {rule}" for rule in rules]
    if outside:
        lines.append("  requests to other sites (the site must work without them):")
        lines += [f"    - {request}" for request in outside[:20]]
    return "\n".join(lines)
