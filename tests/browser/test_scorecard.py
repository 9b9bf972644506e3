"""The performance scorecard in Chromium: printed on A4 (at most 8 pages for the example council, no empty first
page, no scrollbars, charts kept whole), read on a 390px phone (no text below 12px, tables scroll in their own box),
every chart with a title, a description and its table, none of a single bar, and no accessibility findings."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from browser import VIEWPORTS, WCAG_TAGS
from macros.council_file import load_council
from sites import FERNLEIGH

pytestmark = pytest.mark.browser

PAGE = "strategy/performance/"
MAX_PAGES = 8


@pytest.fixture(scope="module")
def example():
    return load_council(FERNLEIGH)[0]


def printed(browser, url: str, **options) -> PdfReader:
    page = browser.new_page()
    page.goto(url + PAGE, wait_until="load")
    pdf = page.pdf(format="A4", **options)
    page.close()
    return PdfReader(io.BytesIO(pdf))


@pytest.mark.parametrize("margins", [None, "15mm"], ids=["page-margins", "15mm-margins"])
def test_performance_page_prints_on_at_most_8_a4_pages(browser, example_url, example, margins):
    options = {"margin": dict.fromkeys(("top", "bottom", "left", "right"), margins)} if margins else {}
    reader = printed(browser, example_url, **options)
    pages = len(reader.pages)
    assert 2 <= pages <= MAX_PAGES, f"the performance page printed on {pages} A4 pages"
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4 portrait
    text = [" ".join(p.extract_text().split()) for p in reader.pages]
    # no empty first page: it starts the summary, and every page carries figures
    assert "Every figure at a glance" in text[0] and example.performance.indicators[0].title in text[0]
    assert all(len(t) > 200 for t in text[:-1]), [len(t) for t in text]
    # every indicator is in the printed summary and its detail
    everything = " ".join(text)
    for indicator in example.performance.indicators:
        assert everything.count(indicator.title) >= 1, indicator.id


def test_print_keeps_charts_whole_and_tables_without_scrollbars(browser, example_url):
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto(example_url + PAGE)
    page.emulate_media(media="print")
    found = page.evaluate("""() => ({
        wraps: [...document.querySelectorAll('.cp-table-wrap')].map(w => [getComputedStyle(w).overflowX,
                                                                          w.scrollWidth - w.clientWidth]),
        whole: [...document.querySelectorAll('.cp-indicator, figure.cp-chart')].map(e => getComputedStyle(e).breakInside),
        rows: [...document.querySelectorAll('.cp-table-wrap tr')].map(r => getComputedStyle(r).breakInside),
        heads: [...document.querySelectorAll('.cp-table-wrap thead')].map(h => getComputedStyle(h).display),
    })""")
    page.close()
    assert found["wraps"] and all(overflow == "visible" and extra <= 1 for overflow, extra in found["wraps"]), found["wraps"]
    assert found["whole"] and set(found["whole"]) == {"avoid"}
    assert found["rows"] and set(found["rows"]) == {"avoid"}
    assert set(found["heads"]) == {"table-header-group"}  # a table split over two pages repeats its headings


CHARTS = """() => [...document.querySelectorAll('figure.cp-chart')].map(f => {
    const svg = f.querySelector('svg.cp-chart__plot');
    const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
    const section = f.closest('section.cp-indicator');
    return {
        indicator: f.dataset.indicator,
        caption: (f.querySelector('figcaption') || {}).textContent || '',
        title: (document.getElementById(ids[0]) || {}).textContent || '',
        desc: (document.getElementById(ids[1]) || {}).textContent || '',
        titleIsSvgTitle: (document.getElementById(ids[0]) || {}).tagName === 'title',
        key: [...f.querySelectorAll('.cp-chart__key li')].map(li => li.textContent.trim()),
        bars: [...svg.querySelectorAll('rect.cp-bar')].map(r => [r.dataset.series, r.dataset.group, r.dataset.value,
                                                                 r.getBBox().width]),
        axes: [...svg.querySelectorAll('.cp-axis-title')].map(t => t.textContent),
        cells: section ? [...section.querySelectorAll('table.cp-figures tbody tr')].flatMap(tr =>
            [...tr.querySelectorAll('td[data-value]')].map(td => [td.dataset.series, tr.querySelector('th').textContent,
                                                                 td.dataset.value])) : [],
    };
})"""


def test_every_chart_has_a_title_description_key_axes_and_table_and_more_than_one_bar(browser, example_url, example):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(example_url + PAGE)
    charts = page.evaluate(CHARTS)
    page.close()
    assert len(charts) >= 12
    nation = "England"  # the example council's nation
    for chart in charts:
        name = chart["indicator"]
        assert chart["caption"] and chart["title"] and chart["titleIsSvgTitle"], name
        assert chart["desc"], name
        assert len(chart["bars"]) >= 2, f"{name} is a chart of one bar"
        assert all(width >= 0 for *_, width in chart["bars"])
        assert len(chart["axes"]) == 2 and all(chart["axes"]), name
        assert chart["key"] == list(dict.fromkeys(series for series, *_ in chart["bars"])), name
        assert chart["key"].count(nation) <= 1
        assert sorted(tuple(b[:3]) for b in chart["bars"]) == sorted(map(tuple, chart["cells"])), name
        for series, _, value, _ in chart["bars"]:
            assert f"{series} {value}" in chart["desc"], name


SMALL_TEXT = """() => {
    const small = [];
    const article = document.querySelector('.md-content');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, el = node.parentElement;
        if (!node.textContent.trim() || !el || el.closest('title, desc, .cp-visually-hidden, caption')) continue;
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
        let size = parseFloat(getComputedStyle(el).fontSize);
        const svg = el.closest('svg');
        if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
            size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        }
        if (size < 12) small.push([node.textContent.trim().slice(0, 40), Math.round(size * 10) / 10]);
    }
    return small;
}"""


def test_readable_on_a_390px_phone(browser, example_url):
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(example_url + PAGE)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]  # the page never scrolls sideways
    small = page.evaluate(SMALL_TEXT)
    assert small == [], f"text below 12px at 390px: {small[:10]}"
    wide = page.evaluate("""() => [...document.querySelectorAll('.cp-table-wrap')].map(w => [
        getComputedStyle(w).overflowX, w.scrollWidth > w.clientWidth, w.getAttribute('tabindex'), w.getAttribute('role')])""")
    assert any(scrolls for _, scrolls, _, _ in wide)  # the summary is wider than a phone: it scrolls in its own box
    assert all(overflow == "auto" and tab == "0" and role == "region" for overflow, _, tab, role in wide)
    page.close()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_performance_page_has_no_accessibility_findings(browser, example_url, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport=VIEWPORTS[viewport])
    page.goto(example_url + PAGE)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    page.close()
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
    assert found == [], found
