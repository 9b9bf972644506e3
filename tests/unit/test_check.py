"""`python -m macros check`: every mistake an editor can make gets a precise, friendly error."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import subprocess
import sys
import time

import pytest

from badfiles import bad_file, cases
from macros.council_file import load_council
from macros.problems import DataError
from macros.reader import read_yaml
from sites import FERNLEIGH, ROOT, label

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<msg>.+ — .+)$")


def check(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m macros check ARGS`, run in this process (quick); without a file it reads $COUNCIL_FILE,
    so tests always set it. test_the_command_runs_as_a_process runs the real command."""
    from macros.__main__ import main

    settings = {"COUNCIL_FILE": str(FERNLEIGH), **(env or {})}
    saved = {name: os.environ.get(name) for name in settings}
    out, err, here = io.StringIO(), io.StringIO(), os.getcwd()
    try:
        os.environ.update(settings)
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["check", *args])
            except SystemExit as usage:  # argparse's usage errors
                code = usage.code
    finally:
        os.chdir(here)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return subprocess.CompletedProcess(["python", "-m", "macros", "check", *args], code, out.getvalue(), err.getvalue())


def test_the_command_runs_as_a_process(tmp_path):
    """The real command, end to end: exit 1 for a bad file, 2 for a usage error (0 is checked in-process)."""
    def run(*args):
        return subprocess.run([sys.executable, "-m", "macros", "check", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, env=dict(os.environ, COUNCIL_FILE=str(FERNLEIGH)))
    bad = run(str(bad_file("bad-email", tmp_path)))
    assert bad.returncode == 1 and LINE.match(bad.stderr.splitlines()[0]) and "Traceback" not in bad.stderr
    assert run("--no-such-flag").returncode == 2


def shown(path) -> str:
    """How check names a file: relative to the project when inside it."""
    return label(path)


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_bad_file_gets_one_precise_error(tmp_path, case):
    path = bad_file(case.name, tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    started = time.monotonic()
    result = check(shown(path))
    assert time.monotonic() - started < 20
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.splitlines()[0]
    match = LINE.match(first)
    assert match, f"not FILE:LINE:COLUMN: field: problem — fix: {first!r}"
    assert match["file"] == shown(path)
    assert (int(match["line"]), int(match["col"])) == (case.line, case.column), first
    assert match["field"] == case.field
    assert case.words in match["msg"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "check must not touch the file"


def test_the_corpus_keeps_every_mistake_and_no_stray_file():
    names = {c.name for c in cases()}
    assert names >= {"syntax-error", "tab-indent", "duplicate-key", "wrong-type", "missing-field", "unknown-key",
                     "bad-date", "bad-email", "bad-phone", "unquoted-phone", "bad-enum", "http-link", "empty",
                     "not-a-mapping", "python-tag", "alias-bomb", "not-utf8"}
    standalone = sorted(c.file for c in cases() if c.file)
    on_disk = sorted(p.name for p in (ROOT / "tests" / "bad").glob("*.yml") if p.name != "cases.yml")
    assert on_disk == standalone, "every file in tests/bad/ is a case, and every case's file is there"


def test_every_error_is_reported_at_once(tmp_path):
    result = check(str(bad_file("wrong-type", tmp_path)))
    fields = [LINE.match(l)["field"] for l in result.stderr.splitlines() if LINE.match(l)]
    assert fields == ["board.membership", "board.old_membership"]
    assert "2 error(s)" in result.stderr


def test_huge_file_is_refused_quickly(tmp_path):
    huge = tmp_path / "huge.yml"
    huge.write_text("council:\n" + "  # padding\n" * 200_000, encoding="utf-8")
    result = check(str(huge))
    assert result.returncode == 1
    assert "more than the 1,000,000 bytes allowed" in result.stderr


def test_valid_example_exits_zero():
    result = check()  # no file given: the one named by $COUNCIL_FILE
    assert result.returncode == 0, result.stderr
    assert f"{FERNLEIGH}: valid" in result.stdout


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


def test_github_annotations(tmp_path):
    path = bad_file("bad-email", tmp_path)
    result = check(str(path), env={"GITHUB_ACTIONS": "true"})
    assert f"::error file={path},line=35,col=5::contacts[2].email: " in result.stdout


def test_yaml_1_2_no_is_text(tmp_path):
    path = tmp_path / "c.yml"
    path.write_text("answer: No\nswitch: off\nphone: '01632 960001'\n", encoding="utf-8")
    data = read_yaml(path).data
    assert data == {"answer": "No", "switch": "off", "phone": "01632 960001"}


def test_leading_zero_is_never_silently_lost(tmp_path):
    path = tmp_path / "c.yml"
    text = FERNLEIGH.read_text(encoding="utf-8")
    phone = load_council(FERNLEIGH)[0].contact("social_care").phone
    assert phone.startswith("0") and " " in phone
    path.write_text(text.replace(f'phone: "{phone}"', f"phone: {phone}"), encoding="utf-8")
    assert f"phone: {phone}\n" in path.read_text(encoding="utf-8")
    # unquoted with a space: YAML reads text, so the zero is kept
    result = check(str(path))
    assert result.returncode == 0
    council, _ = load_council(path)
    assert council.contact("social_care").phone == phone


def test_position_of_nested_list_items(tmp_path):
    path = tmp_path / "c.yml"
    text = FERNLEIGH.read_text(encoding="utf-8")
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
                            env=dict(os.environ, COUNCIL_FILE=str(FERNLEIGH)),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    council, located = load_council(FERNLEIGH)
    line, _ = located.where(("council", "website"))
    assert f"{shown(FERNLEIGH)}:{line}: {council.council.website}" in lines
    assert any(l.startswith(("docs/handbook/", "macros/data/handbook/england/")) and "https://www.legislation.gov.uk/" in l
               for l in lines)
    assert lines[-1].endswith("external link(s) to check by hand; nothing was fetched.")
