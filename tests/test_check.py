"""`python -m macros check`: every mistake an editor can make gets a precise, friendly error."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.loader import DataError, read_yaml

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "bad"
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<msg>.+ — .+)$")


def check(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros", "check", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env=dict(os.environ, **(env or {})),
    )


# file, line, column, field, words the message must contain
CORPUS = [
    ("syntax-error.yml", 12, 15, "(file)", "quote mark opened here is not closed"),
    ("tab-indent.yml", 12, 1, "(file)", "tab"),
    ("duplicate-key.yml", 13, 3, "(file)", "'short_name' appears twice"),
    ("wrong-type.yml", 100, 3, "board.membership", "should be a list"),
    ("missing-field.yml", 10, 1, "council.nation", "required but missing"),
    ("unknown-key.yml", 24, 5, "contacts[0].emial", "did you mean 'email'"),
    ("bad-date.yml", 125, 3, "board.review_date", "YYYY-MM-DD"),
    ("bad-email.yml", 35, 5, "contacts[2].email", "not an email address"),
    ("bad-phone.yml", 34, 5, "contacts[2].phone", "not a UK phone number"),
    ("unquoted-phone.yml", 34, 5, "contacts[2].phone", "leading zero"),
    ("bad-enum.yml", 13, 3, "council.nation", "did you mean 'england'"),
    ("http-link.yml", 15, 3, "council.website", "https://"),
    ("empty.yml", 1, 1, "(file)", "empty"),
    ("not-a-mapping.yml", 1, 1, "(file)", "not named sections"),
    ("python-tag.yml", 1, 10, "(file)", "tags such as"),
    ("alias-bomb.yml", 1, 4, "(file)", "anchors"),
    ("not-utf8.yml", 11, 35, "(file)", "UTF-8"),
]


@pytest.mark.parametrize("name,line,col,field,words", CORPUS, ids=[c[0] for c in CORPUS])
def test_bad_file_gets_one_precise_error(name, line, col, field, words):
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    result = check(f"tests/bad/{name}")
    assert time.monotonic() - started < 20
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.splitlines()[0]
    match = LINE.match(first)
    assert match, f"not FILE:LINE:COLUMN: field: problem — fix: {first!r}"
    assert match["file"] == f"tests/bad/{name}"
    assert (int(match["line"]), int(match["col"])) == (line, col)
    assert match["field"] == field
    assert words in match["msg"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "check must not touch the file"


def test_every_error_is_reported_at_once():
    result = check("tests/bad/wrong-type.yml")
    fields = [LINE.match(l)["field"] for l in result.stderr.splitlines() if LINE.match(l)]
    assert fields == ["board.membership", "board.old_membership"]
    assert "2 error(s)" in result.stderr


def test_huge_file_is_refused_quickly(tmp_path):
    huge = tmp_path / "huge.yml"
    huge.write_text("council:\n" + "  # padding\n" * 200_000, encoding="utf-8")
    result = check(str(huge))
    assert result.returncode == 1
    assert "more than the 1,000,000 allowed" in result.stderr


def test_valid_example_exits_zero():
    result = check()
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_usage_errors_exit_two(tmp_path):
    assert check("--no-such-flag").returncode == 2
    assert check(str(tmp_path)).returncode == 2
    unknown = subprocess.run([sys.executable, "-m", "macros", "frobnicate"], cwd=ROOT,
                             capture_output=True, text=True)
    assert unknown.returncode == 2


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    result = check(str(tmp_path / "nope.yml"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr


def test_github_annotations():
    result = check("tests/bad/bad-email.yml", env={"GITHUB_ACTIONS": "true"})
    assert "::error file=tests/bad/bad-email.yml,line=35,col=5::contacts[2].email: " in result.stdout


def test_yaml_1_2_no_is_text(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text("answer: No\nswitch: off\nphone: '01632 960001'\n", encoding="utf-8")
    data = read_yaml(path).data
    assert data == {"answer": "No", "switch": "off", "phone": "01632 960001"}


def test_leading_zero_is_never_silently_lost(tmp_path):
    path = tmp_path / "c.yml"
    text = (ROOT / "council.yml").read_text(encoding="utf-8")
    path.write_text(text.replace('phone: "01632 960100"', "phone: 01632 960100"), encoding="utf-8")
    # unquoted with a space: YAML reads text, so the zero is kept
    result = check(str(path))
    assert result.returncode == 0
    from macros.loader import load_council
    council, _ = load_council(path)
    assert council.contact("social_care").phone == "01632 960100"


def test_position_of_nested_list_items(tmp_path):
    path = tmp_path / "c.yml"
    text = (ROOT / "council.yml").read_text(encoding="utf-8")
    path.write_text(text.replace("      owner: advocacy\n", "      owner: advocates\n"), encoding="utf-8")
    result = check(str(path))
    line = next(LINE.match(l) for l in result.stderr.splitlines() if LINE.match(l))
    assert line["field"] == "pledge.promises[5].owner"
    assert text.splitlines()[int(line["line"]) - 1].strip() == "owner: advocacy"


def test_read_yaml_raises_data_error_not_yaml_error(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text("a: [1, 2\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    assert caught.value.problems[0].line >= 1


@pytest.mark.parametrize("text,expected", [
    ("No", "No"), ("yes", "yes"), ("on", "on"), ("true", True), ("False", False), ("~", None),
    ("012", 12), ("0o17", 15), ("0x1F", 31), ("1:20", "1:20"), ("1.5", 1.5), ("1e3", 1000.0),
    ("2026-03-31", __import__("datetime").date(2026, 3, 31)), ("2026-02-30", "2026-02-30"),
    ("'01632 960001'", "01632 960001"), ('"true"', "true"), ("01632 960001", "01632 960001"),
])
def test_yaml_1_2_core_schema(tmp_path, text, expected):
    path = tmp_path / "c.yml"
    path.write_text(f"value: {text}\n", encoding="utf-8")
    assert read_yaml(path).data["value"] == expected


def test_external_links_are_listed_not_fetched():
    result = subprocess.run([sys.executable, "-m", "macros", "links"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "council.yml:15: https://www.fernleigh.gov.uk" in lines
    assert any(l.startswith("docs/handbook/") and "https://www.legislation.gov.uk/" in l for l in lines)
    assert lines[-1].endswith("external link(s) to check by hand; nothing was fetched.")
