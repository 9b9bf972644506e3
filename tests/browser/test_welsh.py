"""The site in Welsh and English in a real browser (issue 15): axe at desktop width (tests/browser/test_browser.py
audits every page of both languages at phone width), the language link by touch and keyboard, and a search
that keeps to the language of the page it starts from."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import VIEWPORTS, audit, describe, serve

pytestmark = pytest.mark.browser

PHONE = VIEWPORTS["phone"]


@pytest.fixture(scope="module")
def wales_url(wales_site):
    with serve(wales_site) as url:
        yield url


def test_both_languages_pass_axe_at_desktop_width(browser, wales_site, wales_url):
    failures, outside = audit(browser, wales_site, wales_url, VIEWPORTS["desktop"])
    assert failures == {} and outside == [], describe(failures, outside, "desktop")


def test_the_language_link_works_by_touch_and_by_keyboard(browser, wales_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(wales_url + "young-people/entitlements/")
    link = page.locator("a.cp-language")
    box = link.bounding_box()
    assert link.is_visible() and box["width"] >= 24 and box["height"] >= 24, box   # WCAG 2.2 target size
    link.tap()
    page.wait_for_url("**/cy/young-people/entitlements/")
    assert page.locator("html").get_attribute("lang") == "cy"
    # and back, from the keyboard: Tab reaches the link, Enter follows it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cp-language')"):
            break
    else:
        pytest.fail("Tab never reached the language link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/young-people/entitlements/"
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()


def result_paths(page) -> list[str]:
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(link).path for link in links]


def test_a_search_in_welsh_finds_welsh_pages_only(browser, wales_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(wales_url + "cy/search/?q=arian")   # "money"
    found = result_paths(page)
    assert found and all(path.startswith("/cy/") for path in found), found
    assert any(path.startswith("/cy/young-people/entitlements/") for path in found), found
    page.close()


def test_a_search_in_english_finds_english_pages_only(browser, wales_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(wales_url + "search/?q=Childline")   # a word on pages in both languages
    found = result_paths(page)
    assert found and not any(path.startswith("/cy/") for path in found), found
    page.close()
    page = browser.new_page(viewport=PHONE)
    page.goto(wales_url + "cy/search/?q=Childline")
    found = result_paths(page)
    assert found and all(path.startswith("/cy/") for path in found), found
    page.close()


def test_what_the_scripts_say_is_in_the_page_language(browser, wales_url):
    """Exit this page's announcements and the entitlements filter's answer come from the page's words."""
    import yaml
    from sites import ROOT

    welsh = yaml.safe_load((ROOT / "macros" / "data" / "cy" / "words.yml").read_text(encoding="utf-8"))["script"]
    english = yaml.safe_load((ROOT / "macros" / "data" / "words.yml").read_text(encoding="utf-8"))["script"]
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    for root, said in (("cy/", welsh), ("", english)):
        page.goto(wales_url + root + "young-people/entitlements/")
        page.locator("body").click(position={"x": 5, "y": 400})
        page.keyboard.press("Shift")
        page.get_by_text(said["exit_left_many"].replace("{n}", "2")).wait_for(state="attached")
        page.locator("[data-cp-filter] input").fill("zzzzqqq")
        status = page.locator("[data-cp-filter-status]")
        status.filter(has_text=said["nothing_matches"]).wait_for(state="attached")
        assert status.text_content().strip() == said["nothing_matches"]
    page.close()
