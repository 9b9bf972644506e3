"""Your council, in a real browser: every page of your site is accessible and self-contained.

Reads the council file named by $COUNCIL_FILE, else council.yml (see
tests/site/test_your_council.py for the checks that need no browser).
"""

from __future__ import annotations

import pytest

from browser import VIEWPORTS, audit, describe, serve

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", VIEWPORTS)
def test_every_page_accessible_and_self_contained(browser, your_council_site, width):
    """0 axe violations (WCAG 2.2 AA) on every page, and no request to any other site."""
    with serve(your_council_site) as url:
        failures, outside = audit(browser, your_council_site, url, VIEWPORTS[width])
    assert failures == {} and outside == [], describe(failures, outside, width)
