"""Printed output: the Pledge leaflet and the whole handbook as A4 PDFs."""

from __future__ import annotations

import sys

import pytest
from pypdf import PdfReader

from macros.council_file import load_council
from sites import FERNLEIGH, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import pdf  # noqa: E402

pytestmark = pytest.mark.browser


def flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def test_pledge_leaflet_has_every_promise(example_site, tmp_path):
    out = tmp_path / "leaflet.pdf"
    assert pdf.main(["leaflet", "--site", str(example_site), "--out", str(out)]) == 0
    reader = PdfReader(out)
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4 portrait
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    council, _ = load_council(FERNLEIGH)
    for promise in council.pledge.promises:
        assert flat(promise.promise) in text, promise.id
    assert council.council.name in text
    assert "Exit this page" not in text  # print styles hide the screen-only controls


def test_handbook_pdf_has_every_page_in_order(example_site, tmp_path):
    out = tmp_path / "handbook.pdf"
    paths = pdf.handbook_pages()
    assert paths[0] == "handbook/" and "handbook/briefings/sufficiency/" in paths
    assert pdf.main(["handbook", "--site", str(example_site), "--out", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) >= len(paths)
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    positions = [text.find(title) for title in ("The corporate parents' handbook", "Frequently asked questions",
                                                 "Topic briefings", "Glossary")]
    assert -1 not in positions and positions == sorted(positions)
    assert "5,880 babies came into care" in text  # an answer hidden on screen is printed open
