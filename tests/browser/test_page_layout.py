"""The frame of every page on screen: the footer, and the sidebars on long pages (docs/assets/stylesheets/print.css,
overrides/partials/copyright.html)."""

from __future__ import annotations

import pytest

from browser import VIEWPORTS

pytestmark = pytest.mark.browser

LONG_PAGE = "handbook/law-and-guidance/"            # about ten screens long at desktop width
LONG_NAVIGATION = "handbook/briefings/education/"   # its section of the navigation is open: 40 links
PAGES = ["", LONG_PAGE, "strategy/", "young-people/", "accessibility/"]  # the last is in no navigation

# Whether a point of the element is what the visitor sees there (not covered by the header or anything else).
SEEN = """e => {
  const r = e.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
  if (r.height === 0 || y < 0 || y > innerHeight) return false;
  const hit = document.elementFromPoint(x, y);
  return !!hit && (hit === e || e.contains(hit) || hit.contains(e));
}"""


def seen(page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(SEEN)


@pytest.fixture
def desktop(browser):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    yield page
    page.close()


def scroll_to(page, y: int) -> None:
    page.evaluate(f"window.scrollTo(0, {y})")
    page.wait_for_timeout(250)  # Material follows the scroll on the next frames


def test_navigation_and_contents_stay_in_view_on_a_long_page(desktop, example_url):
    page = desktop
    page.goto(example_url + LONG_PAGE)
    height, window = page.evaluate("[document.documentElement.scrollHeight, innerHeight]")
    assert height > 5 * window, "the page should be long"
    for y in range(0, height, window // 2):
        scroll_to(page, y)
        where = f"scrolled {y} px of {height}"
        assert seen(page, ".md-sidebar--primary a.md-nav__link--active"), f"this page's link in the navigation, {where}"
        assert seen(page, ".md-sidebar--secondary .md-nav__link"), f"the table of contents, {where}"
        # the contents follows the reading: the section being read is listed in view
        if page.locator(".md-sidebar--secondary .md-nav__link--active").count():
            assert seen(page, ".md-sidebar--secondary .md-nav__link--active"), f"the section being read, {where}"
        for side in ("primary", "secondary"):
            box = page.locator(f".md-sidebar--{side} .md-sidebar__scrollwrap").bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= window + 1, f"the {side} sidebar fits the window, {where}"


def test_a_long_navigation_scrolls_on_its_own_in_a_short_window(browser, example_url):
    """Every link of a navigation taller than the window can be reached without scrolling the page."""
    page = browser.new_page(viewport={"width": 1280, "height": 560})
    page.goto(example_url + LONG_NAVIGATION)
    scroll_to(page, 1500)
    wrap = page.locator(".md-sidebar--primary .md-sidebar__scrollwrap")
    assert wrap.evaluate("e => e.scrollHeight > e.clientHeight"), "the navigation should be longer than the window"
    links = page.locator(".md-sidebar--primary .md-nav__link[href]:visible")
    for index in (0, links.count() - 1):
        links.nth(index).evaluate("e => e.scrollIntoView({block: 'nearest'})")
        page.wait_for_timeout(100)
        assert page.evaluate("scrollY") == 1500, "the page scrolled instead of the navigation"
        assert links.nth(index).evaluate(SEEN), links.nth(index).inner_text()
    page.close()


@pytest.mark.parametrize("height", [900, 560])
def test_sticky_sidebars_cover_no_link(browser, example_url, height):
    """WCAG 2.2 target size (2.5.8) and scrollable regions, with the page scrolled and the sidebars
    sticking (every page is audited unscrolled in test_your_council.py)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": 1280, "height": height})
    found = []
    for path in [LONG_PAGE, LONG_NAVIGATION, "accessibility/", "young-people/entitlements/"]:
        page.goto(example_url + path)
        for y in (0, 1500):
            scroll_to(page, y)
            result = axe.run(page, options={"runOnly": {"type": "rule", "values": ["target-size", "scrollable-region-focusable"]}})
            found += [f"{path} at {y} px: {v['id']} on {[n['target'] for n in v['nodes']][:3]}"
                      for v in result.response["violations"]]
    page.close()
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_footer_is_one_full_width_block_at_the_bottom(browser, example_url, width):
    page = browser.new_page(viewport=VIEWPORTS[width])
    for path in PAGES:
        page.goto(example_url + path)
        scroll_to(page, 10**6)
        facts = page.evaluate("""() => {
          const footer = document.querySelector('footer.md-footer');
          const links = document.querySelector('.cp-footer-links');
          const r = footer.getBoundingClientRect(), l = links.getBoundingClientRect();
          const y = l.top + l.height / 2, w = document.documentElement.clientWidth;
          const inFooter = x => { const e = document.elementFromPoint(x, y); return !!e && footer.contains(e); };
          const background = e => { while (e && getComputedStyle(e).backgroundColor === 'rgba(0, 0, 0, 0)') e = e.parentElement; return e && getComputedStyle(e).backgroundColor; };
          return {
            linksInFooter: footer.contains(links),
            footerLast: footer.nextElementSibling === null && footer.previousElementSibling.tagName === 'MAIN',
            left: r.left, width: r.width, viewport: w,
            bottom: r.bottom + scrollY, page: document.documentElement.scrollHeight,
            edges: [inFooter(1), inFooter(w / 2), inFooter(w - 2)],
            colours: [background(document.elementFromPoint(1, y)), background(links), background(document.elementFromPoint(w - 2, y))],
            linkNames: [...links.querySelectorAll('a')].map(a => a.textContent.trim()),
          };
        }""")
        where = f"{path or '/'} at {width} width"
        assert facts["linksInFooter"] and facts["footerLast"], where
        assert facts["left"] == 0 and facts["width"] == facts["viewport"], f"the footer spans the window, {where}"
        assert abs(facts["bottom"] - facts["page"]) <= 1, f"the footer ends the page, {where}"
        assert facts["edges"] == [True, True, True], f"the links' row is footer from edge to edge, {where}"
        assert len(set(facts["colours"])) == 1, f"one block of one colour: {facts['colours']}, {where}"
        assert facts["linkNames"][:2] == ["Accessibility statement", "Contacts"], where
    page.close()
