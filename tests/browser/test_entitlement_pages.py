"""The entitlements pages in a real browser on a 390 x 844 phone, for all four fixture councils: a care
leaver sees the first amount of money within two screens, the filter never leads to a dead end, the folded
facts open without JavaScript, nothing is wider than the phone, and axe finds nothing (WCAG 2.2 AA)."""

from __future__ import annotations

import pytest

from browser import WCAG_TAGS, block_other_hosts, serve
from macros import views
from macros.council_file import load_council
from macros.schema import Stage
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TWO_SCREENS = 1700  # px from the top of the page
SITES = {"example_site": FERNLEIGH, "wales_site": WALES, "scotland_site": SCOTLAND,
         "northern_ireland_site": NORTHERN_IRELAND}
PAGES = ["young-people/entitlements/", "young-people/entitlements/in-care/",
         "young-people/entitlements/aged-16-17/", "young-people/entitlements/leaving-care/"]

FIRST_POUND = """() => {
  const walk = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let node; (node = walk.nextNode());) {
    const at = node.textContent.indexOf("£");
    if (at === -1 || !node.parentElement.getClientRects().length) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect().top + window.scrollY;
  }
  return null;
}"""


@pytest.fixture(scope="module", params=list(SITES))
def nation_site(request):
    council = load_council(SITES[request.param])[0]
    with serve(request.getfixturevalue(request.param)) as url:
        yield request.param, url, council


def test_a_care_leaver_sees_the_money_within_two_phone_screens(browser, nation_site):
    name, url, council = nation_site
    page = browser.new_page(viewport=PHONE)
    page.goto(url + "young-people/entitlements/leaving-care/")
    money = views.money(council, Stage.leaving_care)
    pound = page.evaluate(FIRST_POUND)
    if money and money.rows:  # amounts for care leavers here: the first is in the first two screens
        assert pound is not None and pound < TWO_SCREENS, (name, pound)
        assert page.locator(".cp-money__table").bounding_box()["y"] < TWO_SCREENS
    else:  # no amount in this nation's data or this council's offer: no £ anywhere on the page
        assert pound is None, (name, pound)
    if money:  # council tax or a fund to ask about is there too, near the top
        section = page.locator(".cp-money")
        assert section.bounding_box()["y"] < TWO_SCREENS, name
    # what matters most follows at once
    assert page.locator("#what-matters-most").bounding_box()["y"] < (4 * PHONE["height"] if money else TWO_SCREENS)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    page.close()


def test_the_filter_never_leads_to_a_dead_end(browser, nation_site):
    name, url, _ = nation_site
    page = browser.new_page(viewport=PHONE)
    page.goto(url + "young-people/entitlements/leaving-care/")
    box = page.get_by_label("Find what you need")
    status = page.locator(".cp-filter [role=status]")
    help_now = page.locator("[data-cp-none]")

    box.fill("money")
    assert page.locator(".cp-entitlement:visible").count() > 0, name
    assert not help_now.is_visible() and "match" in status.inner_text()

    for words in ("bullied", "xqzzv"):
        box.fill(words)
        cards = page.locator(".cp-entitlement:visible").count()
        if words == "xqzzv" or cards == 0:
            assert cards == 0 and help_now.is_visible(), (name, words)
            assert help_now.locator("a[href='tel:08001111']").is_visible()
            assert help_now.locator("a[href$='who-can-help/#advocate']").is_visible()
            assert help_now.locator("a[href$='who-can-help/']").is_visible()
            assert "who can help" in status.inner_text()
        else:  # bullied finds someone to talk to
            assert not help_now.is_visible()
    for href in ("who-can-help/#advocate",):
        box.fill("xqzzv")
        page.locator(f"[data-cp-none] a[href$='{href}']").click()
        page.wait_for_url("**/who-can-help/**")
    page.close()


def test_everything_is_listed_and_the_facts_open_without_javascript(browser, example_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url + "young-people/entitlements/leaving-care/")
    cards = page.locator(".cp-entitlement")
    assert cards.count() == page.locator(".cp-entitlement:visible").count() > 0
    assert page.locator("[data-cp-none]").is_hidden() and page.locator(".cp-filter").is_hidden()
    first = cards.first
    assert first.get_by_text("Who can get it").is_hidden()
    first.locator("summary").click()
    assert first.get_by_text("Who can get it").is_visible()
    assert page.locator(".cp-keywords").first.is_hidden()
    context.close()


LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 500);
})"""


@pytest.mark.parametrize("path", ["in-care/", "aged-16-17/", "leaving-care/", ""])
def test_nothing_moves_when_the_filter_starts(browser, example_url, path):
    """The filter is drawn with the page (not inserted by the script later), so the cards never jump on a phone
    (Lighthouse's cumulative layout shift): the page's layout shifts add up to nothing."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})  # a phone, as Lighthouse
    page.goto(example_url + "young-people/entitlements/" + path, wait_until="load")
    assert page.locator("#cp-filter-input").is_visible()
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    assert shift < 0.01, f"the page moved as it loaded (layout shift {shift:.3f})"


def test_the_pages_have_no_accessibility_findings(browser, nation_site):
    from axe_playwright_python.sync_playwright import Axe

    name, url, _ = nation_site
    context = browser.new_context(viewport=PHONE)
    outside: list[str] = []
    current = {"page": ""}
    block_other_hosts(context, current, outside)
    page, axe, found = context.new_page(), Axe(), []
    for path in PAGES:
        current["page"] = path
        page.goto(url + path)
        page.locator(".cp-ent-more summary").first.click()
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        found += [f"{path}: {v['id']} ({len(v['nodes'])})" for v in result.response["violations"]]
        if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            found.append(f"{path}: scrolls sideways")
    assert found == [] and outside == [], (name, found, outside)
    context.close()
