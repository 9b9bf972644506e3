"""Data from council.yml is data, never markup: a hostile council file cannot inject anything."""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import EXAMPLE, html_pages, page_text, run_build
from macros.escape import markdown_text, safe_href
from macros.lint import text_leaves
from macros.loader import read_yaml
from macros.schema import CouncilFile

PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(1)> | pipes | {{ jinja }} *star* [x](javascript:alert(1))"
URL_PAYLOADS = ["javascript:alert(1)", "http://example.com", "data:text/html,<script>alert(1)</script>"]


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def hostile_council() -> tuple[dict, int]:
    """The example council with the payload in every text field the schema accepts it in."""
    data = copy.deepcopy(read_yaml(EXAMPLE).data)
    changed = 0
    for path, _ in list(text_leaves(data)):
        if path[0] == "editorial":  # the banned-word list is never shown; a payload there bans itself
            continue
        trial = copy.deepcopy(data)
        _set(trial, path, PAYLOAD)
        try:
            CouncilFile.model_validate(trial)
        except ValidationError:
            continue
        data = trial
        changed += 1
    return data, changed


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    data, changed = hostile_council()
    assert changed > 60, "the payload should reach almost every text field"
    folder = tmp_path_factory.mktemp("hostile")
    council_file = folder / "hostile.yml"
    council_file.write_text(json.dumps(data, default=str, indent=1), encoding="utf-8")  # JSON is YAML
    result = run_build(council_file, folder / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / "site"


class Scan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False
        self.text: list[str] = []
        self.rows: list[int] = []
        self._cells = 0

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if any(name.startswith("on") for name in names):
            self.problems.append(f"<{tag}> with an event handler: {attrs}")
        for name, value in attrs:
            if name in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        self.in_script = tag == "script"
        if tag == "tr":
            self._cells = 0
        if tag in ("td", "th"):
            self._cells += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "tr":
            self.rows.append(self._cells)

    def handle_data(self, data):
        if self.in_script and "alert(1)" in data:
            self.problems.append("a script that runs alert(1)")
        if not self.in_script:
            self.text.append(data)


def test_no_live_markup_anywhere(hostile_site):
    pages = html_pages(hostile_site)
    assert len(pages) > 40
    for page in pages:
        scan = Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        assert scan.problems == [], f"{page}: {scan.problems}"


@pytest.mark.parametrize("path", ["contacts", "strategy/board", "young-people/pledge",
                                  "young-people/entitlements", "young-people/have-your-say",
                                  "handbook/governance", ""])
def test_payload_shows_as_text(hostile_site, path):
    scan = Scan()
    scan.feed(page_text(hostile_site, path))
    text = "".join(scan.text)
    assert "<script>alert(1)</script>" in text, "the payload should be shown, escaped, not dropped"
    assert "| pipes | {{ jinja }} *star*" in text


def test_tables_keep_their_shape(hostile_site):
    html = page_text(hostile_site, "strategy/board")
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert len(tables) >= 2
    for table in tables:
        scan = Scan()
        scan.feed(table)
        assert scan.rows and len(set(scan.rows)) == 1, scan.rows  # every row has as many cells


def test_markdown_text_neutralises_markdown_and_html():
    out = str(markdown_text("1. *a* | <b> {{ x }}\nline"))
    for raw in ("*", "|", "<", "{", "\n"):
        assert raw not in out
    assert out.startswith("&#49;")


@pytest.mark.parametrize("url", URL_PAYLOADS[:1] + ["data:text/html,x", "vbscript:x", " JAVASCRIPT:x"])
def test_only_safe_schemes_are_linked(url):
    assert safe_href(url) == ""


@pytest.mark.parametrize("url", ["https://www.gov.uk", "mailto:a@b.gov.uk", "tel:+441632960001"])
def test_safe_schemes_are_kept(url):
    assert safe_href(url) == url


@pytest.mark.parametrize("bad", URL_PAYLOADS)
def test_schema_refuses_unsafe_web_addresses(bad):
    data = copy.deepcopy(read_yaml(EXAMPLE).data)
    data["council"]["website"] = bad
    with pytest.raises(ValidationError):
        CouncilFile.model_validate(data)
