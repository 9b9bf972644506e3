"""The briefings' "Here in …" panel in a real browser: 0 axe violations (WCAG 2.2 AA) on every briefing,
and at phone width the panel fits the screen (no sideways scrolling) and is seen before the guidance."""

from __future__ import annotations

import pytest

from browser import VIEWPORTS, WCAG_TAGS, block_other_hosts, serve

pytestmark = pytest.mark.browser

BRIEFINGS = ["adoption-and-permanence", "care-planning-and-reviews", "children-in-care-councils", "edge-of-care",
             "education", "health", "leaving-care", "missing-and-exploitation", "offending-and-custody",
             "safeguarding", "sufficiency", "visits-to-childrens-homes"]


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_briefing_with_its_panel_is_accessible_and_fits(browser, example_site, width):
    from axe_playwright_python.sync_playwright import Axe

    viewport = VIEWPORTS[width]
    context = browser.new_context(viewport=viewport)
    outside: list[str] = []
    current = {"page": ""}
    block_other_hosts(context, current, outside)
    page, axe, problems = context.new_page(), Axe(), []
    with serve(example_site) as base:
        for briefing in BRIEFINGS:
            address = f"handbook/briefings/{briefing}/"
            current["page"] = address
            page.goto(base + address, wait_until="load")
            panel = page.locator("section.cp-here-in")
            assert panel.count() == 1 and panel.is_visible(), address
            box = panel.bounding_box()
            if box["x"] < 0 or box["x"] + box["width"] > viewport["width"] + 0.5:
                problems.append(f"{address}: the panel is {box['width']:.0f} px wide at x={box['x']:.0f}")
            if page.evaluate("document.documentElement.scrollWidth") > viewport["width"]:
                problems.append(f"{address}: the page scrolls sideways")
            region = page.get_by_role("region", name=page.locator("#cp-here-in-title").inner_text())
            if region.count() != 1:
                problems.append(f"{address}: the panel is not a region named by its title")
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            problems += [f"{address}: {v['id']}: {v['help']}" for v in result.response["violations"]]
    context.close()
    assert problems == [] and outside == [], "\n".join(problems + outside)
