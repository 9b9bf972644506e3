"""Printing: every strategy and handbook page prints cleanly on A4 (docs/assets/stylesheets/print.css).

Laid out for print at the width of A4 paper less its margins, no page has a
scrollbar or anything wider than the paper, and none prints the site's header,
navigation, footer, help bar or Exit this page, or a link's address. Printed to
PDF (page.pdf, A4, as tools/pdf.py prints), a long handbook page and strategy
pages start on their first sheet, waste no sheets, split tables between rows
and never end a sheet with a heading.
"""

from __future__ import annotations

import io
import math
import re
import sys

import pytest
from pypdf import PdfReader

from sites import ROOT, html_pages, page_address

sys.path.insert(0, str(ROOT / "tools"))
import pdf  # noqa: E402

pytestmark = pytest.mark.browser

MM = 96 / 25.4                           # CSS pixels in a millimetre
PAPER_WIDTH = round((210 - 30) * MM)     # A4 less 15 mm margins each side: 680 px
PAPER_HEIGHT = (297 - 30) * MM           # 1009 px of content on each sheet
LONG_HANDBOOK_PAGE = "handbook/law-and-guidance/"   # about ten screens, with tables that cross sheets
STRATEGY_PAGES = ["strategy/", "strategy/action-plan/", "strategy/board/", "strategy/self-evaluation/", "strategy/performance/"]
SCREEN_ONLY = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".cp-footer-links", ".md-top",
               ".md-banner", ".cp-help", ".cp-exit", ".cp-exit-skip", ".md-skip", ".md-search"]

SCROLLERS = """() => [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  const scrolls = v => v === 'auto' || v === 'scroll';
  return (scrolls(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (scrolls(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
}).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
        + ' (' + e.scrollWidth + ' wide in ' + e.clientWidth + ')')"""

SHOWN = """selectors => selectors.flatMap(s => [...document.querySelectorAll(s)])
  .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
  .map(e => e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.'))"""

# A link whose address is printed after (or before) it by generated content.
ADDRESSES = """() => [...document.querySelectorAll('article a[href]')].filter(a => {
  const href = a.getAttribute('href');
  return ['::before', '::after'].some(p => {
    const c = getComputedStyle(a, p).content;
    return c && c !== 'none' && c !== 'normal' && (c.includes(href) || c.includes(a.href) || c.includes('http'));
  });
}).map(a => a.getAttribute('href'))"""


def flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def lines(sheet) -> list[str]:
    """A PDF page's lines of text from top to bottom (pieces of text at one height make one line)."""
    rows: dict[float, list[str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            rows.setdefault(round(cm[5] + tm[5] * cm[3]), []).append(text.strip())

    sheet.extract_text(visitor_text=visit)
    return [flat(" ".join(parts)) for _, parts in sorted(rows.items(), reverse=True)]


@pytest.fixture(scope="module")
def print_page(browser):
    """A tab laid out for print on A4: the viewport is as wide as the paper less its margins."""
    page = browser.new_page(viewport={"width": PAPER_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    yield page
    page.close()


def printed_pages(site) -> list[str]:
    addresses = [page_address(site, p) for p in html_pages(site)]
    return sorted(a.lstrip("/") for a in addresses if a.startswith(("/handbook/", "/strategy/")))


def test_no_page_prints_a_scrollbar_the_site_around_it_or_a_links_address(print_page, example_site, example_url):
    pages = printed_pages(example_site)
    assert len(pages) > 30 and LONG_HANDBOOK_PAGE in pages and "strategy/performance/" in pages
    problems = []
    for path in pages + ["young-people/pledge/"]:  # a young people's page has the help bar and Exit this page
        print_page.goto(example_url + path, wait_until="load")
        if scrollers := print_page.evaluate(SCROLLERS):
            problems.append(f"{path}: scrollbars on {scrollers[:4]}")
        width = print_page.evaluate("document.documentElement.scrollWidth")
        if width > PAPER_WIDTH + 1:
            problems.append(f"{path}: {width} px wide, wider than the paper ({PAPER_WIDTH} px)")
        if shown := print_page.evaluate(SHOWN, SCREEN_ONLY):
            problems.append(f"{path}: prints the screen's {shown[:4]}")
        if addresses := print_page.evaluate(ADDRESSES):
            problems.append(f"{path}: prints the addresses of {addresses[:4]}")
    assert not problems, "\n".join(problems)


def print_to_pdf(page, url: str) -> tuple[PdfReader, dict]:
    """Print a page as tools/pdf.py does; also return what the page looks like laid out for print."""
    page.goto(url, wait_until="load")
    laid_out = page.evaluate("""() => {
      const article = document.querySelector('article');
      const heading = article.querySelector('h1');
      const first = [...article.querySelectorAll('h1 ~ p, h1 ~ .admonition p:not(.admonition-title)')]
        .find(p => p.innerText.trim().split(/\\s+/).length > 8);
      return {
        height: article.getBoundingClientRect().height,
        title: heading.textContent.replace('¶', '').trim(),
        opening: first.innerText,
        headings: [...article.querySelectorAll('h2, h3, h4')].map(h => h.textContent.replace('¶', '').trim()),
        rows: [...article.querySelectorAll('table')].map(t => [...t.tBodies].flatMap(b => [...b.rows]).map(r => r.innerText)),
      };
    }""")
    return PdfReader(io.BytesIO(page.pdf(**pdf.PDF_OPTIONS))), laid_out


@pytest.mark.parametrize("path", [LONG_HANDBOOK_PAGE, *STRATEGY_PAGES])
def test_a_page_prints_on_sensible_a4_sheets(print_page, example_url, path):
    reader, laid_out = print_to_pdf(print_page, example_url + path)
    sheets = [lines(sheet) for sheet in reader.pages]
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)     # A4 portrait
    assert reader.pages[0].mediabox.height == pytest.approx(842, abs=2)

    # No sheet wasted: about as many sheets as the content is long (breaks leave some space).
    needed = laid_out["height"] / PAPER_HEIGHT
    assert math.floor(needed) <= len(sheets) <= math.ceil(needed * 1.3) + 1, (len(sheets), needed)
    assert all(sheet for sheet in sheets), "a blank sheet"

    # The first sheet holds the top of the page, not just a heading.
    first = " ".join(sheets[0])
    assert flat(laid_out["title"]) in first
    assert " ".join(flat(laid_out["opening"]).split()[:8]) in first
    assert len(first.split()) >= 60, first

    # No sheet ends with a heading: each stays with what follows it.
    headings = set(map(flat, laid_out["headings"]))
    ends = [(number, sheet[-1]) for number, sheet in enumerate(sheets[:-1], start=1) if sheet[-1] in headings]
    assert not ends, f"sheets ending with a heading: {ends}"

    # Tables split between rows: every row's words are together on one sheet.
    sheet_words = [words(" ".join(sheet)) for sheet in sheets]
    for table in laid_out["rows"]:
        for row in table:
            assert any(words(row) <= found for found in sheet_words), f"a row split across sheets: {row[:80]!r}"


def test_a_long_tables_rows_go_on_over_the_sheets(print_page, example_url):
    """The long handbook page has tables that run on to the next sheet (so the test above splits tables),
    and a table that runs on repeats its column headings."""
    reader, laid_out = print_to_pdf(print_page, example_url + LONG_HANDBOOK_PAGE)
    sheet_words = [words(sheet.extract_text()) for sheet in reader.pages]
    running_on = 0
    for rows in laid_out["rows"]:
        on = {next(n for n, found in enumerate(sheet_words) if words(row) <= found) for row in rows}
        running_on += len(on) > 1
    assert running_on >= 2
    tops = [lines(sheet)[0] for sheet in reader.pages[1:]]
    assert sum(top.startswith(("Law What it does", "Guidance What it says")) for top in tops) >= 2, tops
