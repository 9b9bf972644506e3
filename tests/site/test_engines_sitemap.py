"""What changed so that Zensical can build the site leaves MkDocs' output as it was (the shared example build).

overrides/sitemap.xml now reads `entry.page or entry` (Zensical lists pages, MkDocs files) and writes a
<lastmod> only when there is a date; the article's templates read `page.meta.engine_extra or config.extra`
(partials/content.html, page-facts.html) and mkdocs.yml holds placeholders for Zensical's theme. Under
MkDocs: every page in the sitemap, dated by its last review or else by the data, and the article's council
name, source names and review date from the council, never the placeholders.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

import macros
from macros.check import check
from macros.sources import citations
from sites import FERNLEIGH, html_pages

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def front_matter(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def test_sitemap_lists_every_page_dated_by_its_review_or_the_data(example_site):
    council, _ = check(FERNLEIGH)
    site_url = council.council.site_url
    data_day = macros.data_date(council)
    expected = {}
    for page in sorted(DOCS.rglob("*.md")):
        relative = page.relative_to(DOCS)
        if relative.parts[0] == "includes" or page.name.endswith(".cy.md"):   # an English-only site
            continue
        url = "" if relative.name == "index.md" else relative.with_suffix("").name + "/"
        url = "/".join([*relative.parent.parts, url]).lstrip("/") if relative.parent.parts else url
        reviewed = front_matter(page).get("last_reviewed_on")
        expected[site_url + url] = str(reviewed if isinstance(reviewed, date) else data_day)
    text = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    found = dict(re.findall(r"<loc>([^<]*)</loc>\s*<lastmod>([^<]*)</lastmod>", text))
    assert text.count("<url>") == len(found), "a page in the sitemap has no <lastmod>"
    assert found == expected
    assert "&#x2f;" not in text and "Corporate parenting" not in text


def test_the_article_prints_the_councils_values_not_the_placeholders(example_site):
    council, _ = check(FERNLEIGH)
    names = set(citations().values())
    months = "January February March April May June July August September October November December".split()
    checked = 0
    for page in html_pages(example_site):
        html = page.read_text(encoding="utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0] if "<article" in html else ""
        if not article:
            continue
        printed = re.search(r'<p class="cp-print-only cp-print-council">([^<]*)</p>', article)
        assert printed and printed.group(1) == council.council.name.replace("&", "&amp;").replace("'", "&#39;"), page
        for item in re.findall(r'<ul class="cp-sources">(.*?)</ul>', article, re.S):
            for source in re.findall(r"<li>([^<]*)</li>", item):
                assert source.replace("&amp;", "&").replace("&#39;", "'") in names, f"{page}: {source}"
        for iso, shown in re.findall(r'Last reviewed: <time datetime="([^"]+)">([^<]+)</time>', article):
            day = date.fromisoformat(iso)
            assert shown == f"{day.day} {months[day.month - 1]} {day.year}", page
            checked += 1
    assert checked, "no page shows its review date"
