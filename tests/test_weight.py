"""Page weight for a young person on a phone: first load of a young people's page ≤ 120 KB gzip.

Lighthouse (make audit) measures the real transfer; this test adds up the
gzip sizes of the files a page asks for, so a heavy change fails at once.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from conftest import page_text

BUDGET = 120 * 1024


def first_load_bytes(site: Path, path: str) -> tuple[int, list[str]]:
    html = page_text(site, path)
    page_dir = site / path.strip("/")
    files = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    files += re.findall(r'<script[^>]+src="([^"]+)"', html)
    total = len(gzip.compress(html.encode("utf-8"), 9))
    for ref in files:
        assert not ref.startswith(("http:", "https:", "//")), ref
        total += len(gzip.compress((page_dir / ref.split("?")[0]).resolve().read_bytes(), 9))
    if 'name="search"' in html:  # Material fetches its search index (and worker) when the form is there
        total += len(gzip.compress((site / "search" / "search_index.json").read_bytes(), 9))
    return total, files


@pytest.mark.parametrize("path", ["young-people/", "young-people/pledge/", "young-people/entitlements/",
                                  "young-people/who-can-help/"])
def test_young_peoples_pages_fit_the_budget(example_site, path):
    total, files = first_load_bytes(example_site, path)
    assert total <= BUDGET, f"{path}: {total / 1024:.0f} KB gzip > 120 KB ({files})"


def test_other_pages_keep_the_search(example_site):
    assert 'name="search"' in page_text(example_site, "handbook")
    assert 'name="search"' not in page_text(example_site, "young-people/pledge")
