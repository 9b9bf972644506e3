"""Every page of the example and the fixture site: 0 Nu HTML Checker errors, 0 pa11y (HTML_CodeSniffer, WCAG 2 AA) errors.

A second pair of eyes beside axe (tests/test_browser.py): the Nu HTML Checker reads the HTML as written, and
HTML_CodeSniffer finds things axe does not (unnamed checkboxes, forms without a submit button).
Both tools come from package-lock.json (`make test` runs `npm ci`); the checker needs Java, pa11y Debian's chromium.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = ROOT / "node_modules" / "pa11y"
PA11Y_PAGES = Path(__file__).resolve().parent / "pa11y-pages.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SITES = {"example": ROOT / "council.yml", "fixture": ROOT / "tests" / "fixtures" / "afoncwm.yml"}

# Genuine false positives, matched narrowly: (checker, page or "*", exact message). None today.
NOT_ERRORS: set[tuple[str, str, str]] = set()


def build(council_file: Path, out: Path) -> Path:
    """`mkdocs build --strict`; a council whose missing contacts stop a strict build is built without --strict
    (what the checkers read does not depend on it)."""
    env = dict(os.environ, COUNCIL_FILE=str(council_file), NO_MKDOCS_2_WARNING="1")
    for strict in (["--strict"], []):
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *strict, "-d", str(out)],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode == 0:
            return out
    raise AssertionError(f"{council_file.name} did not build:\n{result.stderr[-4000:]}")


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("validity")
    return {name: build(council_file, folder / name) for name, council_file in SITES.items()}


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_paths(site: Path) -> list[str]:
    """URL paths of every page, "" for the home page (404.html is served for missing pages, not browsed to)."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                  if p.relative_to(site).parts[:1] != ("admin",))  # the web editor (Decap CMS) is not a public page


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def needs(path: Path, what: str) -> None:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make test` (it runs `npm ci`) to install {what}")


@pytest.mark.parametrize("name", SITES)
def test_nu_html_checker_finds_no_errors(built_sites, name):
    needs(VNU, "the Nu HTML Checker")
    if not shutil.which("java"):
        pytest.fail("java is missing: run `make test` (it installs Debian's default-jre-headless)")
    site = built_sites[name]
    files = html_files(site)
    assert len(files) > 40, f"only {len(files)} pages built"
    # One JVM for the whole site: it is slow to start. The report goes to stderr; exit status 1 means errors.
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr[-4000:]
    messages = json.loads(result.stderr)["messages"]
    errors = []
    for m in messages:
        page = m.get("url", "").removeprefix("file:").removeprefix(str(site) + "/") or "(whole run)"
        if ("vnu", page, m["message"]) in NOT_ERRORS or ("vnu", "*", m["message"]) in NOT_ERRORS:
            continue
        errors.append(f"{page}:{m.get('lastLine', '?')}: {m['message']}")
    assert not errors, f"{len(errors)} Nu HTML Checker errors in the {name} site:\n" + "\n".join(errors)


@pytest.mark.parametrize("name", SITES)
def test_pa11y_finds_no_wcag2aa_errors(built_sites, name):
    needs(PA11Y, "pa11y")
    if not shutil.which("node"):
        pytest.fail("node is missing: install Node.js 20 or later")
    site = built_sites[name]
    pages = page_paths(site)
    assert len(pages) > 40, f"only {len(pages)} pages built"
    with serve(site) as base:
        result = subprocess.run(["node", str(PA11Y_PAGES), base, *pages], cwd=ROOT, capture_output=True, text=True,
                                timeout=600, env=dict(os.environ, CHROMIUM=CHROMIUM))
    assert result.returncode == 0, result.stderr[-4000:]
    found = json.loads(result.stdout)
    assert sorted(found) == pages, "pa11y did not report on every page"
    errors = []
    for page, issues in sorted(found.items()):
        for issue in issues:
            if ("pa11y", page, issue["message"]) in NOT_ERRORS or ("pa11y", "*", issue["message"]) in NOT_ERRORS:
                continue
            errors.append(f"/{page}: {issue['code']}: {issue['selector']}: {issue['message']}\n    {issue['context'][:200]}")
    assert not errors, f"{len(errors)} pa11y (HTML_CodeSniffer, WCAG2AA) errors in the {name} site:\n" + "\n".join(errors)
