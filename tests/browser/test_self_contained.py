"""No request to another host on any browser: the Content-Security-Policy allows only this site, and on a
browser without ResizeObserver (where Material would fetch a polyfill from unpkg.com) nothing is fetched."""

from __future__ import annotations

import pytest

from browser import block_other_hosts, serve
from sites import html_pages, page_address

pytestmark = pytest.mark.browser


def test_old_browsers_fetch_nothing_from_other_hosts_and_break_no_policy(browser, example_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("delete window.ResizeObserver")  # as on Safari before 13.1
    outside, complaints, current = [], [], {"page": ""}
    block_other_hosts(context, current, outside)
    page = context.new_page()
    page.on("console", lambda m: complaints.append(f"{current['page']}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: complaints.append(f"{current['page']}: {e}"))
    with serve(example_site) as base:
        for html in html_pages(example_site):
            current["page"] = page_address(example_site, html)
            page.goto(base.rstrip("/") + current["page"], wait_until="load")
            page.wait_for_timeout(50)
            # Material's script needs ResizeObserver (polyfilled from this site); young people's pages load
            # no Material script (tests/site/test_weight.py), so they need no polyfill.
            if not html.read_text(encoding="utf-8").count("data-cp-young-people"):
                assert page.evaluate("typeof window.ResizeObserver") == "function", current["page"]
    context.close()
    assert outside == [], "\n".join(outside[:20])
    assert complaints == [], "\n".join(complaints[:20])
