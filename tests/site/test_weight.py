"""Page weight: every page of your council's site loads light on a phone, and the search costs nothing until used.

Runs on the council file named by $COUNCIL_FILE (else council.yml), so any council's CI checks its own site:

    .venv/bin/python -m pytest tests/site/test_weight.py
    .venv/bin/python tests/weight.py site          (every page's first load, heaviest first)

The count (tests/weight.py) is what a browser fetches before anyone touches the page, compressed as
GitHub Pages sends it: the HTML, every stylesheet and script, icons and images, and Material's search
index and worker when the page would fetch them at load. tests/browser/test_weight.py opens the pages
in a real browser and checks that it fetches nothing this count leaves out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sites import ROOT
from weight import KB, OTHER_BUDGET, SEARCH_INDEX, YOUNG_PEOPLE_BUDGET, first_load, is_young_peoples, over_budget, pages

DOCS = ROOT / "docs"


def young_peoples_sources() -> set[str]:
    """The site addresses of the pages whose front matter says young_people: true."""
    found = set()
    for path in DOCS.rglob("*.md"):
        if path.name.endswith(".cy.md"):   # the example site is in English only
            continue
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---\n") else {}
        if (meta or {}).get("young_people"):
            rel = path.relative_to(DOCS).with_suffix("").as_posix()
            found.add("" if rel == "index" else rel.removesuffix("/index").removesuffix("index") + "/")
    return found


def test_young_peoples_pages_are_marked(your_council_site):
    """Every page under docs/young-people/ says young_people: true, and the built page carries the mark."""
    marked = {p for p in pages(your_council_site) if is_young_peoples(your_council_site, p)}
    assert marked, "no page of the built site is marked as a young people's page"
    assert marked == young_peoples_sources()
    under = {p for p in pages(your_council_site) if p.startswith("young-people/")}
    assert under <= marked, f"pages under young-people/ without young_people: true: {sorted(under - marked)}"


def test_young_peoples_pages_fit_55_kb(your_council_site):
    """Young people often read on a phone with little data: each of their pages loads in 55 KB or less."""
    heavy = over_budget(your_council_site, [p for p in pages(your_council_site)
                                            if is_young_peoples(your_council_site, p)])
    assert heavy == [], f"over {YOUNG_PEOPLE_BUDGET // KB} KB (compressed, first load):\n" + "\n".join(heavy)


def test_every_other_page_fits_100_kb_before_a_search(your_council_site):
    heavy = over_budget(your_council_site, [p for p in pages(your_council_site)
                                            if not is_young_peoples(your_council_site, p)])
    assert heavy == [], f"over {OTHER_BUDGET // KB} KB (compressed, before a search):\n" + "\n".join(heavy)


def test_no_page_fetches_the_search_index_or_another_site_at_load(your_council_site):
    problems = []
    for page in pages(your_council_site):
        load = first_load(your_council_site, page)
        if SEARCH_INDEX in load.files or any("/workers/search." in f for f in load.files):
            problems.append(f"/{page} fetches the search index or worker at load")
        problems += [f"/{page} asks another site for {url}" for url in load.outside]
    assert problems == [], "\n".join(problems)


def test_every_page_has_the_search(your_council_site):
    """Other pages have Material's search; young people's pages a link to the search page, which has it too."""
    assert (your_council_site / SEARCH_INDEX).is_file(), "the build wrote no search index"
    missing = []
    for page in pages(your_council_site):
        html = (your_council_site / (page if page.endswith(".html") else page + "index.html")).read_text("utf-8")
        if is_young_peoples(your_council_site, page):
            if not re.search(r'<a href="(\.\./)*search/\?q="[^>]*class="[^"]*cp-search-link', html):
                missing.append(f"/{page}: no link to the search page")
        elif 'name="search"' not in html:
            missing.append(f"/{page}: no search box")
    assert missing == [], "\n".join(missing)


def test_the_count_sees_the_search_index_where_it_would_be_fetched(your_council_site, tmp_path):
    """The count is honest: take search-on-demand.js away and the index and worker count again."""
    page = "handbook/"
    html = (your_council_site / page / "index.html").read_text(encoding="utf-8")
    without = html.replace('<script src="../assets/javascripts/search-on-demand.js"></script>', "")
    assert without != html
    copy = tmp_path / "site"
    (copy / "handbook").mkdir(parents=True)
    (copy / "handbook" / "index.html").write_text(without, encoding="utf-8")
    for rel in ("assets", "search"):
        (copy / rel).symlink_to(your_council_site / rel)
    load = first_load(copy, page)
    assert SEARCH_INDEX in load.files and any("/workers/search." in f for f in load.files)


# --------------------------------------------------------------------------- #
# Stylesheets only some pages need (config.extra.page_styles in mkdocs.yml)
# --------------------------------------------------------------------------- #

def page_styles() -> list[dict]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["extra"]["page_styles"]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has !!python/name and !ENV tags: keep them as plain strings here."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def own_classes(css: str) -> set[str]:
    return set(re.findall(r"\.(cp-[\w-]+)", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))


@pytest.mark.parametrize("sheet", page_styles(), ids=lambda s: Path(s["href"]).name)
def test_page_styles_list_every_class_of_their_stylesheet(sheet):
    """Each list names exactly the classes its stylesheet styles, so a page that uses one loads it."""
    css = (DOCS / sheet["href"]).read_text(encoding="utf-8")
    assert set(sheet["classes"]) == own_classes(css), (
        f"mkdocs.yml extra.page_styles for {sheet['href']} must list exactly its classes: "
        f"add {sorted(own_classes(css) - set(sheet['classes']))}, remove {sorted(set(sheet['classes']) - own_classes(css))}")
    rules = re.findall(r"([^{}]+)\{", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    everywhere = [s.strip() for rule in rules for s in rule.split(",") if "cp-" not in s and "@" not in s]
    assert everywhere == [], f"{sheet['href']} styles more than its own classes (put these in site.css): {everywhere}"


def test_pages_load_the_stylesheets_their_classes_need(your_council_site):
    missing = []
    for sheet in page_styles():
        name = Path(sheet["href"]).name
        for page in pages(your_council_site):
            html = (your_council_site / (page if page.endswith(".html") else page + "index.html")).read_text("utf-8")
            used = {c for attr in re.findall(r'class="([^"]*)"', html) for c in attr.split()}
            if used & set(sheet["classes"]) and not re.search(rf'<link rel="stylesheet" href="[^"]*/?{name}"', html):
                missing.append(f"/{page} uses {sorted(used & set(sheet['classes']))} but does not load {name}")
    assert missing == [], "\n".join(missing)
