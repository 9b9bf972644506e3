"""Exit this page and the help bar on a phone (390 x 844, touch) and with a keyboard (issue 12).

On a touch screen there is no Shift key: nothing visible may mention it. The sticky Exit bar sits
right under the sticky header: no page text may show between them. With a keyboard, Shift three
times still leaves. The help bar is a named landmark, and the pages pass axe (WCAG 2.2 AA).
"""

from __future__ import annotations

import pytest

from browser import VIEWPORTS, WCAG_TAGS
from macros.council_file import load_council
from sites import FERNLEIGH

pytestmark = pytest.mark.browser

PAGES = ["young-people/", "young-people/who-can-help/", "young-people/speak-up/", "young-people/have-your-say/"]
EXIT_URL = load_council(FERNLEIGH)[0].young_people.exit_page_url
EXIT_SITE = "/".join(EXIT_URL.split("/", 3)[:3])

VISIBLE_SHIFT = """() => [...document.querySelectorAll('body *')].filter(el =>
    [...el.childNodes].some(n => n.nodeType === 3 && /shift/i.test(n.textContent))
    && el.checkVisibility({visibilityProperty: true, opacityProperty: true})
    && el.getClientRects().length > 0).map(el => el.outerHTML.slice(0, 120))"""

# Every point between the top of the window and the top of the stuck Exit bar must belong to the
# header or the bar itself: anything else there is page content showing through a gap.
GAP = """() => {
    const bar = document.querySelector('.cp-exit').getBoundingClientRect();
    const seen = [];
    for (const x of [4, window.innerWidth / 2, window.innerWidth - 4]) {
        for (let y = 0; y < bar.top; y += 1) {
            const el = document.elementFromPoint(x, y);
            if (el && !el.closest('.md-header, .cp-exit')) seen.push(`${x},${y}: ${el.tagName}.${el.className}`);
        }
    }
    const header = document.querySelector('.md-header').getBoundingClientRect();
    return {barTop: bar.top, headerBottom: header.bottom, seen: seen.slice(0, 5)};
}"""


def _context(browser, **options):
    context = browser.new_context(**options)
    context.route(EXIT_SITE + "/**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))
    return context


@pytest.fixture(scope="module")
def phone(browser):
    context = _context(browser, viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    yield context
    context.close()


@pytest.mark.parametrize("address", PAGES)
def test_no_shift_on_a_touch_screen_and_no_gap_under_the_exit_bar(phone, example_url, address):
    page = phone.new_page()
    page.goto(example_url + address)
    assert page.evaluate("matchMedia('(hover: none) and (pointer: coarse)').matches")  # a real touch screen
    assert page.evaluate(VISIBLE_SHIFT) == []
    assert page.locator(".cp-exit__button").is_visible()
    page.evaluate("window.scrollTo(0, 900)")  # the bar is stuck under the header now
    page.wait_for_timeout(100)
    gap = page.evaluate(GAP)
    assert gap["barTop"] <= gap["headerBottom"] + 0.5 and gap["seen"] == [], gap
    page.close()


def test_no_gap_without_javascript(browser, example_url):
    context = _context(browser, viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True,
                       java_script_enabled=False)
    page = context.new_page()
    for address in PAGES:
        page.goto(example_url + address)
        assert page.locator("text=Shift").filter(visible=True).count() == 0, address  # Shift needs JS
    page.goto(example_url + "young-people/who-can-help/")
    page.mouse.wheel(0, 900)
    page.wait_for_timeout(300)
    gap = page.evaluate(GAP)
    assert gap["barTop"] <= gap["headerBottom"] + 0.5 and gap["seen"] == [], gap
    context.close()


def test_the_gap_check_sees_a_gap(phone, example_url):
    """The check above is real: with the bar 16 px lower (as it was), page text shows and is found."""
    page = phone.new_page()
    page.goto(example_url + "young-people/who-can-help/")
    page.evaluate("document.querySelector('.cp-exit').style.top = '64px'")
    page.evaluate("window.scrollTo(0, 900)")
    page.wait_for_timeout(100)
    assert page.evaluate(GAP)["seen"] != []
    page.close()


def test_touch_tap_leaves(phone, example_url):
    page = phone.new_page()
    page.goto(example_url + "young-people/speak-up/")
    page.locator(".cp-exit__button").tap()
    page.wait_for_url(EXIT_URL + "**")
    page.close()


def test_keyboard_hint_and_shift_three_times_still_leave(browser, example_url):
    context = _context(browser, viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto(example_url + "young-people/")
    assert page.locator(".cp-keyboard-only").is_visible()  # the words about the Shift key, too
    page.goto(example_url + "young-people/have-your-say/")
    assert page.locator(".cp-exit__hint").is_visible()  # a keyboard is likely here
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL + "**")
    assert page.title() == "Weather"
    context.close()


def test_help_now_link_reaches_the_help_bar_by_keyboard(browser, example_url):
    context = _context(browser, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.goto(example_url + "young-people/who-can-help/")
    page.evaluate("window.scrollTo(0, 1500)")
    page.locator(".cp-exit__help").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(200)
    bar = page.locator("#help-now")
    assert page.url.endswith("#help-now") and bar.is_visible()
    box, exit_bar = bar.bounding_box(), page.locator(".cp-exit").bounding_box()
    assert box["y"] >= exit_bar["y"] + exit_bar["height"] - 1  # not hidden under the sticky bar
    context.close()


def test_help_bar_is_a_named_landmark_and_pages_pass_axe(phone, example_url):
    from axe_playwright_python.sync_playwright import Axe

    axe, problems = Axe(), {}
    page = phone.new_page()
    for address in PAGES:
        page.goto(example_url + address)
        landmark = page.get_by_role("complementary", name="Need help now?")
        assert landmark.count() == 1, address
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        found = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
        if found:
            problems[address] = found
    page.close()
    assert problems == {}
