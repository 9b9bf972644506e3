"""Page weight: what a browser fetches to show a built page, compressed as GitHub Pages serves it.

Used by tests/site/test_weight.py (the static count, every page of any council's site) and
tests/browser/test_weight.py (the same pages in a real browser, whose requests prove the count).

    .venv/bin/python tests/weight.py SITE_DIR        prints every page's first load, heaviest first

What counts (everything fetched before anyone interacts with the page):
- the page's HTML;
- every stylesheet (print ones too: browsers fetch them at load), every script with a src,
  every image, icon, preload and prefetch the HTML names, and what those stylesheets import
  or point to with url() (data: URLs are inside the file already);
- Material's search: its bundle fetches search/search_index.json and starts the search
  worker at load whenever the page has a form named "search", unless the page first loads
  assets/javascripts/search-on-demand.js, which holds both back until a search starts.
Text files are counted gzip -9 compressed (GitHub Pages compresses text); images as they are.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

KB = 1024
YOUNG_PEOPLE_BUDGET = 55 * KB   # every young people's page, first load
OTHER_BUDGET = 100 * KB         # every other page, before a search

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".map")
TAG = re.compile(r"<(link|script|img|source|iframe|video|audio)\b([^>]*)>", re.I)
ATTR = re.compile(r'([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|([^\s>]+)))?')
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                 "manifest"}
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
ON_DEMAND = "assets/javascripts/search-on-demand.js"
SEARCH_INDEX = "search/search_index.json"


@lru_cache(maxsize=None)
def _size(path: Path, mtime: float) -> int:
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSED:
        return len(gzip.compress(data, compresslevel=9, mtime=0))
    return len(data)


def transfer_size(path: Path) -> int:
    """Bytes on the wire for one file of the built site: gzip -9 for text, as is for the rest."""
    return _size(path, path.stat().st_mtime)


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "") for m in ATTR.finditer(text)}


@dataclass
class Load:
    """A page's first load: each file fetched (site-relative path) and its compressed size."""

    page: str
    files: dict[str, int] = field(default_factory=dict)
    outside: list[str] = field(default_factory=list)   # anything asked of another host (must stay empty)

    @property
    def total(self) -> int:
        return sum(self.files.values())

    def describe(self) -> str:
        parts = ", ".join(f"{name} {size / KB:.1f}" for name, size in sorted(self.files.items(), key=lambda i: -i[1]))
        return f"/{self.page}: {self.total / KB:.1f} KB ({parts})"


def first_load(site: Path, page: str) -> Load:
    """What a browser fetches at load for the page at site-relative address `page` ("" or "handbook/")."""
    site = site.resolve()
    page = page.strip("/")
    html_path = site / page / "index.html" if page and not page.endswith(".html") else site / (page or "index.html")
    base = "http://site/" + (page + "/" if page and not page.endswith(".html") else page)
    load = Load(page)

    def add(url: str, base_url: str) -> Path | None:
        absolute = urljoin(base_url, url)
        parts = urlsplit(absolute)
        if parts.scheme in ("data", "blob", "about", "javascript"):
            return None
        if parts.netloc != "site":
            load.outside.append(absolute)
            return None
        rel = parts.path.lstrip("/")
        target = site / rel
        if target.is_dir() or rel == "" or rel.endswith("/"):
            target = target / "index.html"
            rel = rel + ("" if rel.endswith("/") or rel == "" else "/") + "index.html"
        if rel in load.files or not target.is_file():
            return None
        load.files[rel] = transfer_size(target)
        return target

    html = html_path.read_text(encoding="utf-8")
    load.files[str(html_path.relative_to(site))] = transfer_size(html_path)
    scripts: list[str] = []
    for tag, body in TAG.findall(html):
        attrs = _attrs(body)
        tag = tag.lower()
        if tag == "link":
            rels = set(attrs.get("rel", "").lower().split())
            if rels & FETCHED_LINKS and attrs.get("href"):
                target = add(attrs["href"], base)
                if target is not None and "stylesheet" in rels:
                    _stylesheet(target, site, add)
        elif tag == "script" and attrs.get("src"):
            add(attrs["src"], base)
            scripts.append(urlsplit(urljoin(base, attrs["src"])).path.lstrip("/"))
        else:
            for name in ("src", "poster"):
                if attrs.get(name):
                    add(attrs[name], base)
            for candidate in attrs.get("srcset", "").split(","):
                if candidate.strip():
                    add(candidate.split()[0], base)
    for _, body in re.findall(r"<(style)\b[^>]*>(.*?)</style>", html, re.S | re.I):
        for url in _css_urls(body):
            add(url, base)
    material = [i for i, s in enumerate(scripts) if BUNDLE.search(s)]
    if material and re.search(r'<form\b[^>]*\bname="search"', html):
        held_back = ON_DEMAND in scripts and scripts.index(ON_DEMAND) < material[0]
        if not held_back:
            config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
            add(json.loads(config.group(1))["search"], base)
            add("/" + SEARCH_INDEX, base)
    return load


def _css_urls(css: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in CSS_URL.finditer(css)]


def _stylesheet(path: Path, site: Path, add) -> None:
    base = "http://site/" + str(path.relative_to(site))
    for url in _css_urls(path.read_text(encoding="utf-8", errors="replace")):
        target = add(url, base)
        if target is not None and target.suffix == ".css":
            _stylesheet(target, site, add)


def pages(site: Path) -> list[str]:
    """Every public page of a built site, as site-relative addresses ("", "handbook/", …); 404.html too.

    Not the web editor (admin/): a tool for editors with its own policy and its own (locked) bundle, not a page
    the public or young people load."""
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("admin/"):
            continue
        if rel.endswith("/index.html") or rel == "index.html":
            found.append(rel[: -len("index.html")])
        else:
            found.append(rel)
    return found


def is_young_peoples(site: Path, page: str) -> bool:
    """A young people's page: its front matter says young_people: true, which the theme marks on <body>."""
    html = (site / page / "index.html" if not page.endswith(".html") else site / page).read_text(encoding="utf-8")
    return re.search(r"<body\b[^>]*\bdata-cp-young-people\b", html) is not None


def budget(site: Path, page: str) -> int:
    """A page's budget: 55 KB for a young people's page, 100 KB for any other."""
    return YOUNG_PEOPLE_BUDGET if is_young_peoples(site, page) else OTHER_BUDGET


def over_budget(site: Path, addresses: list[str]) -> list[str]:
    """What each of these pages loads, for those over their budget."""
    return [load.describe() for load in (first_load(site, page) for page in addresses)
            if load.total > budget(site, load.page)]

def main(argv: list[str]) -> int:
    site = Path(argv[1] if len(argv) > 1 else "site")
    loads = []
    for page in pages(site):
        load = first_load(site, page)
        loads.append((is_young_peoples(site, page) or page.startswith("young-people/"), load))
    for young, load in sorted(loads, key=lambda i: -i[1].total):
        budget = YOUNG_PEOPLE_BUDGET if young else OTHER_BUDGET
        mark = "OVER" if load.total > budget else "ok"
        print(f"{mark:4} {'YP ' if young else '   '}{load.describe()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
