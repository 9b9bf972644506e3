"""The whole handbook as one PDF (make handbook-pdf, tools/pdf.py): a contents list at the start, every title
a link to its page; links between pages stay inside the PDF; bookmarks. No chromium fixture here: the tool
starts its own."""

from __future__ import annotations

import html
import re
import sys

import pytest
from pypdf import PdfReader

from sites import ROOT, page_text

sys.path.insert(0, str(ROOT / "tools"))
import pdf  # noqa: E402

pytestmark = pytest.mark.browser


def flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def title(site, path: str) -> str:
    """A page's title as the site shows it: its heading."""
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page_text(site, path), re.S).group(1)
    text = re.sub(r"<a class=\"headerlink\".*?</a>|<[^>]+>", "", heading)
    return flat(html.unescape(text))


@pytest.fixture(scope="module", params=["example_site", "wales_site"])
def handbook(request, tmp_path_factory):
    site = request.getfixturevalue(request.param)
    out = tmp_path_factory.mktemp("handbook") / "handbook.pdf"
    assert pdf.main(["handbook", "--site", str(site), "--out", str(out)]) == 0
    return site, PdfReader(out)


def test_contents_lists_every_page_in_order_each_linked_to_it(handbook):
    site, reader = handbook
    paths = pdf.handbook_pages()
    titles = [title(site, path) for path in paths]
    first = flat(reader.pages[0].extract_text())
    assert "Contents" in first
    positions = [first.find(t, first.find("Contents")) for t in titles]
    assert -1 not in positions, [t for t, p in zip(titles, positions) if p == -1]
    assert positions == sorted(positions)

    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    targets = [reader.get_destination_page_number(reader.named_destinations[link["/Dest"]]) for link in links]
    assert len(targets) == len(titles)
    assert targets == sorted(targets) and targets[0] == 1  # page 0 is the contents
    for name, target in zip(titles, targets):
        opening = flat(reader.pages[target].extract_text())[:300]
        assert name in opening, f"the contents' link to {name!r} opens a page starting {opening[:80]!r}"


def test_every_page_has_a_bookmark_and_no_link_leads_to_the_tools_own_server(handbook):
    site, reader = handbook

    def flatten(items):
        for item in items:
            yield from flatten(item) if isinstance(item, list) else [item.title]

    bookmarks = [flat(t) for t in flatten(reader.outline)]
    for path in pdf.handbook_pages():
        assert title(site, path) in bookmarks
    addresses = [a.get_object()["/A"].get("/URI", "") for sheet in reader.pages for a in sheet.get("/Annots", [])
                 if "/A" in a.get_object()]
    inside = sum("/Dest" in a.get_object() for sheet in reader.pages for a in sheet.get("/Annots", []))
    assert inside > len(pdf.handbook_pages())  # the contents, and links between pages in the text
    assert addresses and not [a for a in addresses if "127.0.0.1" in a or "localhost" in a]
    assert all(a.startswith(("https:", "mailto:", "tel:")) for a in addresses), sorted(set(addresses))[:5]
