"""The Pledge leaflet on A5 (tools/pdf.py leaflet --size A5, `make leaflet`): the page laid out for A5
paper (not an A4 page shrunk), every promise and what young people said, the help numbers (999,
Childline, the council's out-of-hours team, an advocate), and nothing wider than the paper."""

from __future__ import annotations

import sys

import pytest
from pypdf import PdfReader

from macros.council_file import load_council
from macros.schema import Role
from sites import FERNLEIGH, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import pdf  # noqa: E402

pytestmark = pytest.mark.browser

MM = 72 / 25.4                                   # PDF points in a millimetre
A5_TEXT_WIDTH = round((148 - 20) * 96 / 25.4)    # CSS pixels inside A5's 10 mm margins: 484


def flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def leaflets(example_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("leaflets")
    out = {}
    for size in ("A4", "A5"):
        out[size] = folder / f"leaflet-{size}.pdf"
        assert pdf.main(["leaflet", "--site", str(example_site), "--size", size, "--out", str(out[size])]) == 0
    return {size: PdfReader(path) for size, path in out.items()}


def test_the_a5_leaflet_is_on_a5_paper(leaflets):
    for sheet in leaflets["A5"].pages:
        assert float(sheet.mediabox.width) / MM == pytest.approx(148, abs=1)
        assert float(sheet.mediabox.height) / MM == pytest.approx(210, abs=1)
    assert all(flat(sheet.extract_text()) for sheet in leaflets["A5"].pages), "a blank sheet"


def test_the_a5_leaflet_has_every_promise_and_the_help_numbers(leaflets):
    council, _ = load_council(FERNLEIGH)
    text = flat(" ".join(sheet.extract_text() for sheet in leaflets["A5"].pages))
    assert council.council.name in text
    for promise in council.pledge.promises:
        assert flat(promise.promise) in text, promise.id
        if promise.measure:
            assert flat(promise.measure) in text, promise.id           # folded away on screen, printed open
        if promise.young_people_said and promise.young_people_said.quote:
            assert flat(promise.young_people_said.quote) in text, promise.id
    numbers = ["999", "0800 1111", council.contact(Role.out_of_hours).phone, council.contact(Role.advocacy).phone]
    assert all(number in text for number in numbers), [n for n in numbers if n not in text]
    assert "Exit this page" not in text  # the screen's controls are not printed


def test_the_a5_leaflet_is_laid_out_for_a5_not_shrunk_from_a4(leaflets):
    """A shrunk A4 page would have lines as long as A4's; laid out for A5 they are about 128/180 of them."""
    def longest_line(reader):
        return max(len(line) for sheet in reader.pages for line in sheet.extract_text().splitlines())

    assert longest_line(leaflets["A5"]) < 0.85 * longest_line(leaflets["A4"])
    assert len(leaflets["A5"].pages) > len(leaflets["A4"].pages)


def test_nothing_is_wider_than_a5_paper(browser, example_url):
    page = browser.new_page(viewport={"width": A5_TEXT_WIDTH, "height": 700})
    page.emulate_media(media="print")
    page.goto(example_url + "young-people/pledge/", wait_until="load")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.evaluate("document.documentElement.classList.add('cp-print-a5')")
    wider = page.evaluate("""width => [...document.querySelectorAll('article *')]
      .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > width + 1)
      .map(e => e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.'))""", A5_TEXT_WIDTH)
    assert page.evaluate("document.documentElement.scrollWidth") <= A5_TEXT_WIDTH + 1
    assert wider == []
    page.close()
