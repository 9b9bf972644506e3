"""The home, board, self-evaluation, action plan and strategy pages and the handbook's SMART section
in chromium (issue 13, part D): no accessibility findings at phone and desktop widths, nothing wider
than a phone, and the action plan's filters still work around the headings in its contents."""

from __future__ import annotations

import pytest

from browser import VIEWPORTS, WCAG_TAGS, serve
from macros.council_file import load_council
from macros.schema import Priority
from sites import FERNLEIGH

pytestmark = pytest.mark.browser

PAGES = ["", "strategy/", "strategy/board/", "strategy/self-evaluation/", "strategy/action-plan/",
         "handbook/governance/"]


def findings(page, url: str) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url, wait_until="load")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [f"{url}: {v['id']} ({', '.join(', '.join(n['target']) for n in v['nodes'][:3])})"
            for v in result.response["violations"]]


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_the_pages_have_no_accessibility_findings(browser, example_url, wales_site, width):
    page = browser.new_page(viewport=VIEWPORTS[width])
    found = [f for path in PAGES for f in findings(page, example_url + path)]
    with serve(wales_site) as wales_url:
        found += [f for path in ("", "strategy/board/") for f in findings(page, wales_url + path)]
    page.close()
    assert found == []


def test_nothing_is_wider_than_a_phone(browser, example_url):
    """Wide tables scroll inside their own box; the page itself never scrolls sideways at 390 px."""
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    wide = []
    for path in PAGES:
        page.goto(example_url + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > VIEWPORTS["phone"]["width"]:
            wide.append(f"/{path}: {width} px")
    page.close()
    assert wide == []


def test_the_headline_figures_sit_side_by_side_on_a_desktop_and_stack_on_a_phone(browser, example_url):
    tops = {}
    for width in VIEWPORTS:
        page = browser.new_page(viewport=VIEWPORTS[width])
        page.goto(example_url, wait_until="load")
        tops[width] = page.eval_on_selector_all(".cp-headline", "cards => cards.map(c => c.getBoundingClientRect().top)")
        page.close()
    assert len(tops["desktop"]) == 4 and len(set(round(t) for t in tops["desktop"])) == 1
    assert tops["phone"] == sorted(tops["phone"]) and len(set(round(t) for t in tops["phone"])) == 4


def test_the_action_plan_filters_every_objectives_table(browser, example_url):
    actions = load_council(FERNLEIGH)[0].strategy.actions
    high = sum(1 for a in actions if a.priority == Priority.high)
    page = browser.new_page()
    page.goto(example_url + "strategy/action-plan/")
    controls = page.locator("[data-cp-action-plan] > .cp-plan-controls")
    assert controls.count() == 1
    assert page.evaluate("document.querySelector('.cp-plan-controls').nextElementSibling.tagName") == "H2"
    page.select_option(".cp-plan-controls [name=priority]", "high")
    assert f"Showing {high} of {len(actions)} actions." in controls.locator("[role=status]").inner_text()
    assert page.locator("tr[data-priority]:visible").count() == high
    page.close()
