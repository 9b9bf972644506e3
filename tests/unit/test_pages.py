"""The pages' sources: front matter, summary, sources and review dates (no build)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from macros.sources import citations
from sites import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
HANDBOOK = [p for p in PAGES if p.parts[len(DOCS.parts)] == "handbook"]
YOUNG = [p for p in PAGES if p.parts[len(DOCS.parts)] == "young-people"]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path} has no front matter"
    meta = yaml.safe_load(text.split("---", 2)[1])
    assert isinstance(meta, dict), f"{path}: front matter is not a mapping"
    return meta


def rel(path: Path) -> str:
    return str(path.relative_to(DOCS))


@pytest.mark.parametrize("path", PAGES, ids=rel)
def test_front_matter_parses_and_describes_the_page(path):
    meta = front_matter(path)  # a YAML error here would silently drop render_macros
    assert meta.get("title") or path.name == "index.md"
    assert 20 <= len(meta.get("description", "")) <= 160, f"{rel(path)}: description for search engines"
    text = path.read_text(encoding="utf-8")
    if "{{" in text:
        assert meta.get("render_macros") is True, f"{rel(path)} uses macros without render_macros: true"
        assert "{#" not in text, f"{rel(path)}: '{{#' starts a Jinja comment; write ids as {{: #id }}"


@pytest.mark.parametrize("path", PAGES, ids=rel)
def test_a_page_with_sources_or_a_review_date_renders_macros(path):
    """Under Zensical the theme reads the council's values (citations, month names) from the page, which
    only define_env can put there: a page the theme prints sources or a review date for must render macros."""
    meta = front_matter(path)
    if meta.get("sources") or meta.get("last_reviewed_on"):
        assert meta.get("render_macros") is True, f"{rel(path)}: add render_macros: true (make engines needs it)"


@pytest.mark.parametrize("path", HANDBOOK, ids=rel)
def test_handbook_page_has_summary_sources_and_review_date(path):
    meta = front_matter(path)
    assert meta.get("summary"), f"{rel(path)} needs a summary for a busy councillor"
    assert meta.get("sources"), f"{rel(path)} must cite its sources"
    unknown = [s for s in meta["sources"] if s not in citations()]
    assert not unknown, f"{rel(path)} cites unknown source ids {unknown}: add them to macros/data/sources.yml"
    assert isinstance(meta.get("last_reviewed_on"), date)
    assert re.fullmatch(r"\d+ (months?|years?)", str(meta.get("review_in", "")))


@pytest.mark.parametrize("path", YOUNG, ids=rel)
def test_young_people_page_has_review_date(path):
    meta = front_matter(path)
    assert isinstance(meta.get("last_reviewed_on"), date)


def test_abbreviations_stand_one_to_a_block():
    """macros/data/abbreviations.md is appended to every page. Python-Markdown reads one abbreviation from a
    block and hands the rest back to every block processor again, so a file with no blank lines costs the
    square of its length on each page (the whole site built 1.6 times slower). One definition to a block."""
    text = (ROOT / "macros" / "data" / "abbreviations.md").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip()]
    assert len(blocks) >= 50, "abbreviations.md has too few definitions to be the glossary"
    crowded = [b.splitlines()[0] for b in blocks if len(b.strip().splitlines()) > 1]
    assert crowded == [], f"put a blank line between these and the next definition: {crowded[:5]}"
