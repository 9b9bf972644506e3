"""Page weight and search in a real browser, the site served gzip-compressed as GitHub Pages serves it.

- Every page fetches nothing at load that tests/weight.py leaves out of its count, so the count
  (held to 55 KB for young people's pages, 100 KB for others in tests/site/test_weight.py) is a true
  upper bound; the bytes the browser receives are summed and held to the same budgets.
- Nobody downloads the search index until they search; then the search works.
- From a young people's page, a search for "money" finds their entitlements; without JavaScript the
  search link still leads somewhere useful.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser import WCAG_TAGS, serve
from sites import ROOT
from weight import KB, OTHER_BUDGET, SEARCH_INDEX, YOUNG_PEOPLE_BUDGET, first_load, is_young_peoples, pages

sys.path.insert(0, str(ROOT / "tools"))
from audit import CompressingHandler  # noqa: E402  (the audit's server: gzip, as GitHub Pages)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(your_council_site):
    with serve(your_council_site, CompressingHandler) as url:
        yield url


def record(page) -> list:
    """Every response the page receives, as it receives it."""
    responses: list = []
    page.on("requestfinished", lambda request: responses.append(request))
    return responses


def received(requests, base: str) -> dict[str, int]:
    """Site-relative path -> compressed body bytes received, for every finished request."""
    out = {}
    for request in requests:
        parts = urlsplit(request.url)
        path = parts.path.lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        out[path] = request.sizes()["responseBodySize"]
    return out


def sample(site: Path) -> list[str]:
    """Every young people's page; of the others, the home page, the search page and the three heaviest."""
    young = [p for p in pages(site) if is_young_peoples(site, p)]
    others = [p for p in pages(site) if p not in young and not p.endswith(".html")]
    heaviest = sorted(others, key=lambda p: -first_load(site, p).total)[:3]
    return young + sorted({"", "search/", *heaviest})


def test_first_load_is_what_the_count_says(browser, your_council_site, site_url):
    """At load, each page fetches only files the static count includes, and no more bytes than its budget.

    tests/site/test_weight.py counts every page; this proves the count on a sample (a browser is slow here).
    """
    problems = []
    for address in sample(your_council_site):
        context = browser.new_context(viewport=PHONE)   # a cold cache for each page, as a first visit
        page = context.new_page()
        requests = record(page)
        page.goto(site_url + address, wait_until="load")
        page.wait_for_timeout(300)   # anything a script starts just after load
        got = received(requests, site_url)
        counted = first_load(your_council_site, address).files
        uncounted = sorted(set(got) - set(counted))
        if uncounted:
            problems.append(f"/{address} fetched {uncounted}, which the count leaves out")
        budget = YOUNG_PEOPLE_BUDGET if is_young_peoples(your_council_site, address) else OTHER_BUDGET
        if sum(got.values()) > budget:
            problems.append(f"/{address} received {sum(got.values()) / KB:.1f} KB, over {budget // KB} KB")
        if SEARCH_INDEX in got or page.workers:
            problems.append(f"/{address} fetched the search index or started a worker before a search")
        context.close()
    assert problems == [], "\n".join(problems)


def test_search_index_is_fetched_when_a_search_starts(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests = record(page)
    page.goto(site_url + "handbook/", wait_until="networkidle")
    assert not any(SEARCH_INDEX in r.url for r in requests) and not page.workers
    page.locator("[data-md-component=search-query]").click()
    page.keyboard.type("bursary")
    page.locator(".md-search-result__item").first.wait_for()
    assert any(SEARCH_INDEX in r.url for r in requests)
    assert page.workers
    page.close()


def test_young_person_searches_for_money_and_finds_entitlements(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "young-people/pledge/")
    page.get_by_role("link", name="Search").click()
    page.wait_for_url("**/search/?q=*")
    box = page.locator("[data-md-component=search-query]")
    box.wait_for()
    box.fill("money")
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any("/young-people/entitlements/" in urlsplit(link).path for link in links), links
    page.close()


def test_search_address_opens_with_results(browser, site_url):
    """A search can be shared or bookmarked as search/?q=WORDS."""
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "search/?q=money")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator("[data-md-component=search-query]").input_value() == "money"
    page.close()


def test_without_javascript_the_search_link_still_helps(browser, site_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "young-people/pledge/")
    page.get_by_role("link", name="Search").click()
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("link", name="What you can get").first.is_visible()
    context.close()


@pytest.mark.parametrize("address", ["search/?q=money", "young-people/entitlements/"])
def test_search_pages_are_accessible(browser, site_url, address):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + address)
    if "q=" in address:
        page.locator(".md-search-result__item").first.wait_for()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [f"{v['id']}: {v['help']}" for v in results.response["violations"]]
    assert violations == [], violations
    page.close()
