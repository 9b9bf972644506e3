"""The engine in a real browser: exit this page, keyboard use, filters, print (example and sparse councils).

Every page of your own council's site is audited in tests/browser/test_your_council.py.
"""

from __future__ import annotations

import pytest

from browser import VIEWPORTS, audit, describe, serve
from macros.council_file import load_council
from macros.schema import Priority
from sites import FERNLEIGH

pytestmark = pytest.mark.browser


def test_sparse_council_pages_accessible(browser, wales_site):
    with serve(wales_site) as url:
        failures, outside = audit(browser, wales_site, url, VIEWPORTS["phone"])
    assert failures == {} and outside == [], describe(failures, outside, "phone")


def test_search_dialog_has_a_name(browser, example_url):
    page = browser.new_page()
    page.goto(example_url)
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label")
    page.close()


EXIT_URL = load_council(FERNLEIGH)[0].young_people.exit_page_url  # https://www.bbc.co.uk/weather
EXIT_SITE = "/".join(EXIT_URL.split("/", 3)[:3])                     # https://www.bbc.co.uk


def _exit_context(browser, **options):
    """A context where the neutral site answers locally, so leaving can be observed."""
    context = browser.new_context(viewport=VIEWPORTS["phone"], **options)
    context.route(EXIT_SITE + "/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))
    return context


def test_exit_this_page_three_shift_presses(browser, example_url):
    context = _exit_context(browser)
    page = context.new_page()
    page.goto(example_url + "young-people/who-can-help/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.locator(".cp-exit__dot--on").count() == 2
    assert "1 more time" in page.locator("[data-cp-exit-container] [role=status]").inner_text()
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL + "**")
    assert page.title() == "Weather"
    context.close()


def test_exit_this_page_presses_must_be_close_together(browser, example_url):
    context = _exit_context(browser)
    page = context.new_page()
    page.goto(example_url + "young-people/pledge/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # another key resets the count
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url.startswith(example_url)
    context.close()


def test_exit_this_page_first_tab_stop_and_button(browser, example_url):
    context = _exit_context(browser)
    page = context.new_page()
    page.goto(example_url + "young-people/")
    stops = []
    for _ in range(2):  # in the skip-link position: right after "Skip to content"
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert stops == ["Skip to content", "Exit this page"]
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL + "**")
    page.goto(example_url + "young-people/speak-up/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL + "**")
    context.close()


def test_exit_this_page_shows_an_overlay_while_leaving(browser, example_url):
    context = _exit_context(browser)
    page = context.new_page()
    page.goto(example_url + "young-people/")
    # Navigation starts after this script returns, so the page can be read while leaving.
    leaving = page.evaluate("""() => {
        document.querySelector('.cp-exit__button').click();
        const overlay = document.querySelector('[data-cp-exit-overlay]');
        return !overlay.hidden && getComputedStyle(overlay).display !== 'none' && document.title;
    }""")
    assert leaving == "Exiting page"
    page.wait_for_url(EXIT_URL + "**")
    context.close()


def test_young_people_pages_work_without_javascript(browser, example_url):
    context = _exit_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url + "young-people/entitlements/")
    assert page.locator(".cp-help").is_visible()
    assert page.locator(".cp-help a[href='tel:08001111']").count() == 1  # (the filter's hidden help has one too)
    page.locator(".cp-exit__button").click()
    page.wait_for_url(EXIT_URL + "**")
    context.close()


def test_exit_this_page_only_on_young_peoples_pages(browser, example_url):
    page = browser.new_page()
    page.goto(example_url + "handbook/")
    assert page.locator("[data-cp-exit]").count() == 0
    page.close()


def test_checklist_ticks_are_named_and_remembered(browser, example_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(example_url + "handbook/levels-of-responsibility/")
    box = page.locator(".task-list-item input[type=checkbox]").first
    assert box.get_attribute("aria-label")
    item = page.locator(".task-list-item").first
    item.scroll_into_view_if_needed()
    area = item.bounding_box()
    page.mouse.click(area["x"] - 14, area["y"] + 10)  # where a person taps: the box drawn left of the text
    assert box.is_checked()
    box.focus()
    page.keyboard.press("Space")  # and by keyboard
    assert not box.is_checked()
    page.keyboard.press("Space")
    page.reload()
    assert page.locator(".task-list-item input[type=checkbox]").first.is_checked()
    context.close()


def test_action_plan_filters_and_sorts(browser, example_url):
    actions = load_council(FERNLEIGH)[0].strategy.actions
    high = sum(1 for a in actions if a.priority == Priority.high)
    assert 0 < high < len(actions)
    page = browser.new_page()
    page.goto(example_url + "strategy/action-plan/")
    page.select_option("select[name=priority]", "high")
    assert f"Showing {high} of {len(actions)} actions." in page.locator(".cp-plan-controls [role=status]").inner_text()
    page.select_option("select[name=priority]", "")
    table = page.locator("[data-cp-action-plan] table").last
    table.get_by_role("button", name="By").click()
    dates = table.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.due)")
    assert dates == sorted(dates)
    page.close()


def test_entitlements_filter_by_everyday_words(browser, example_url):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(example_url + "young-people/entitlements/")
    page.get_by_label("Find what you need").fill("driving")
    visible = page.locator(".cp-entitlement:visible h4").all_inner_texts()
    assert visible and all("driving" in t.lower() for t in visible)
    assert "match" in page.locator(".cp-filter [role=status]").inner_text()
    assert not any("search_index.json" in url for url in requests), "young people's pages stay light"
    page.close()


def test_hidden_answers_print_open(browser, example_url):
    page = browser.new_page()
    page.goto(example_url + "handbook/exercises/test-your-knowledge/")
    assert page.locator("details[open]").count() == 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details[open]").count() == 0
    page.close()
