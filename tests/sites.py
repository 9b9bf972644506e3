"""Helpers shared by the tests: where things are, building a site, reading its pages.

The engine's tests build the fixture councils in tests/fixtures/; only the
"your council" tests (tests/site/test_your_council.py, tests/browser/…) read
the council file a council keeps for itself: $COUNCIL_FILE, else council.yml.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
FERNLEIGH = FIXTURES / "fernleigh.yml"  # the example council, as a fixture
WALES = FIXTURES / "afoncwm.yml"        # a second, sparse council in Wales
SCOTLAND = FIXTURES / "glenmorach.yml"   # a council in Scotland
NORTHERN_IRELAND = FIXTURES / "loughbeg.yml"  # a Health and Social Care Trust in Northern Ireland
BAD = TESTS / "bad"
PROJECTS = TESTS / "projects"

# `make site` and CI build exactly as the README says (`mkdocs build --strict`, no other setting):
# a strict build stops on what `check --strict` stops on, and a page's macro error stops any build.
STRICT_ENV: dict = {}
# A build without --strict (warnings reported, not fatal): give a recipe or start_build this environment.
RELAXED_ENV = {"BUILD_STRICT": "0"}


def without_section(text: str, section: str) -> str:
    """A council file's text with one top-level section (the last in the file) left out."""
    start = text.index(f"\n{section}:\n")
    rest = text[start + 1:].splitlines(keepends=True)[1:]
    assert all(line.startswith((" ", "#")) or not line.strip() for line in rest), f"{section} is not the last section"
    return text[:start + 1]


def english_only(text: str) -> str:
    """A bilingual council file's text as an English-only council would write it: no `languages:` line, and
    each text that is written `en: …` / `cy: …` written once, in English (lines and order otherwise kept)."""
    text = re.sub(r"(?m)^languages: \[[a-z, ]+\]\n", "", text)
    text = re.sub(r"(?m)^(\s*)(- )?([a-z_]+:)\n\s+en: (.*)\n\s+cy: .*\n", r"\1\2\3 \4\n", text)
    return re.sub(r"(?m)^(\s*)- en: (.*)\n\s+cy: .*\n", r"\1- \2\n", text)


def your_council_file() -> Path:
    """The council file a council keeps for itself: $COUNCIL_FILE, else council.yml in the project."""
    name = os.environ.get("COUNCIL_FILE") or "council.yml"
    path = Path(name)
    if not path.is_absolute():
        path = Path.cwd() / path if (Path.cwd() / path).exists() else ROOT / path
    return path


def label(path: Path) -> str:
    """A path as people type it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def build_command(out: Path, strict: bool = True) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-d", str(out)]


def build_env(council_file: Path, extra_env: dict | None = None) -> dict:
    """`COUNCIL_FILE=… mkdocs build --strict`, exactly as the README says. A value of None unsets a variable."""
    env = {**os.environ, "COUNCIL_FILE": str(council_file), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return {k: v for k, v in env.items() if v is not None}


def run_build(council_file: Path, out: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    return start_build(council_file, out, extra_env).wait()


@dataclass
class Build:
    """A site build running in the background; `wait()` gives its result."""

    council_file: Path
    out: Path
    process: subprocess.Popen
    logs: tuple[Path, Path]
    result: subprocess.CompletedProcess | None = None

    def wait(self) -> subprocess.CompletedProcess:
        if self.result is None:
            code = self.process.wait(timeout=300)
            stdout, stderr = (log.read_text(encoding="utf-8", errors="replace") for log in self.logs)
            self.result = subprocess.CompletedProcess(self.process.args, code, stdout, stderr)
        return self.result


def start_build(council_file: Path, out: Path, extra_env: dict | None = None) -> Build:
    """Start `mkdocs build --strict -d OUT` for a council file; its messages go to files beside OUT."""
    out.parent.mkdir(parents=True, exist_ok=True)
    logs = (out.parent / f"{out.name}.stdout", out.parent / f"{out.name}.stderr")
    with logs[0].open("w") as stdout, logs[1].open("w") as stderr:
        strict = (extra_env or {}).get("BUILD_STRICT") != "0"
        process = subprocess.Popen(build_command(out, strict), cwd=ROOT, env=build_env(council_file, extra_env),
                                   stdout=stdout, stderr=stderr)
    return Build(council_file, out, process, logs)


# Builds shared by the whole run, by name: given a folder to write in, a recipe
# returns (council file, extra environment). tests/conftest.py starts the ones
# the collected tests need in the background, side by side; test modules may
# add their own here when they are imported.
RECIPES: dict[str, Callable[[Path], tuple[Path, dict]]] = {}


def page_text(site: Path, url_path: str) -> str:
    path = site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else site / url_path
    return path.read_text(encoding="utf-8")


# The web editor (docs/admin/, Decap CMS): a standalone page for the council's editors, not a page of the public
# site. It has its own Content-Security-Policy (it may reach api.github.com); tests/site/test_admin_config.py and
# tests/browser/test_admin.py test it. Only this one folder is left out of the public pages below.
ADMIN = "admin"


def is_admin(site: Path, page: Path) -> bool:
    return page.relative_to(site).parts[:1] == (ADMIN,)


def html_pages(site: Path) -> list[Path]:
    """The public pages: every HTML page but 404.html and the web editor (admin/)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and not is_admin(site, p))


def page_address(site: Path, page: Path) -> str:
    """A built page as a visitor sees its address: /young-people/pledge/."""
    folder = page.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


class Text(HTMLParser):
    """The visible text of a page's main content."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


MACRO_ERRORS = ("Macro Syntax Error", "Macro Rendering Error")


def macro_problems(site: Path) -> list[str]:
    """Pages that publish a macro error or a raw template instead of their content."""
    found = []
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        where = page_address(site, page)
        found += [f"{where} shows “{error}”" for error in MACRO_ERRORS if error in html]
        text = visible_text(html)
        found += [f"{where} shows template code “{mark}”" for mark in ("{{", "{%") if mark in text]
    return found


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every link between the site's own pages that leads nowhere, or to an anchor that is not there."""
    parsed: dict[str, Links] = {}
    exists: dict[str, str | None] = {}  # a link's target → the file it opens (None: nothing there)

    def target_file(path: str) -> str | None:
        if path not in exists:
            if os.path.isdir(path):
                index = os.path.join(path, "index.html")
                exists[path] = index if os.path.isfile(index) else None
            else:
                exists[path] = path if os.path.exists(path) else None
        return exists[path]

    def links_of(path: str) -> Links:
        if path not in parsed:
            parsed[path] = _parse(Path(path))
        return parsed[path]

    broken = []
    for page in html_pages(site):
        here = str(page)
        where = page_address(site, page)
        for href in links_of(here).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            target = os.path.normpath(os.path.join(page.parent, unquote(parts.path))) if parts.path else here
            found = target_file(target)
            if found is None:
                broken.append(f"the page {where} links to “{href}”, which does not exist")
                continue
            if parts.fragment and found.endswith(".html") and parts.fragment not in links_of(found).ids:
                broken.append(f"the page {where} links to “{href}”, but that page has no part “#{parts.fragment}”")
    return broken
