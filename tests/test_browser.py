"""Every page in a real browser: no outside requests, 0 axe violations, keyboard use."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import WCAG_TAGS, chromium, serve
from conftest import html_pages

pytestmark = pytest.mark.browser

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def example_url(example_site):
    with serve(example_site) as url:
        yield url


def _urls(site, base):
    return [base + str(p.relative_to(site).parent).replace(".", "").strip("/") + "/" for p in html_pages(site)]


def _audit(browser, site, base, viewport):
    context = browser.new_context(viewport=viewport)
    outside: list[str] = []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    axe = Axe()
    failures = {}
    page = context.new_page()
    for url in _urls(site, base):
        page.goto(url.replace("//", "/").replace("http:/", "http://"), wait_until="load")
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = result.response["violations"]
        if violations:
            failures[url] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    context.close()
    return failures, outside


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_accessible_and_self_contained(browser, example_site, example_url, viewport):
    failures, outside = _audit(browser, example_site, example_url, VIEWPORTS[viewport])
    assert outside == [], f"requests to other hosts: {outside[:5]}"
    assert failures == {}, failures


def test_sparse_council_pages_accessible(browser, wales_site):
    with serve(wales_site) as url:
        failures, outside = _audit(browser, wales_site, url, VIEWPORTS["phone"])
    assert outside == [] and failures == {}, (outside, failures)


def test_search_dialog_has_a_name(browser, example_url):
    page = browser.new_page()
    page.goto(example_url)
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    page.close()
