"""Every bad input gets one clear answer with a position, fast, and nothing ever crashes.

The corpus: the fixture council with one mistake each (a careless editor), and
shapes an attacker might send. `check` answers each with exit 1, a
`FILE:LINE:COLUMN: field: problem — fix` line, no traceback, in under 2 s.
The fuzz test mutates the example file at random (fixed seed) and asks
`check` for an answer each time.
"""

from __future__ import annotations

import io
import os
import random
import re
import subprocess
import sys
import resource
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from macros.__main__ import main
from macros import readability
from macros.check import check
from sites import english_only

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "tests" / "fixtures" / "afoncwm.yml"
LINE = re.compile(r"^(?P<file>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<msg>.+ — .+)$", re.M)


def base() -> str:
    """The Welsh fixture as an English-only council writes it: each case adds one mistake to it."""
    return english_only(BASE.read_text(encoding="utf-8"))


SHORT = re.search(r"^  short_name: (.+)$", BASE.read_text(encoding="utf-8"), re.M).group(1)


def short_name(new: str):
    """Replace the fixture's short_name line (its value is read from the fixture, not written here)."""
    return replaced(f"short_name: {SHORT}", new.format(name=SHORT))


def replaced(old: str, new: str, count: int = 1):
    def edit(text: str) -> str:
        assert old in text, f"the fixture no longer has {old!r}"
        return text.replace(old, new, count)
    return edit


def appended(extra: str):
    return lambda text: text + extra


# name, how the file is made (an edit of the fixture, or whole text/bytes), the field and words expected
CASES = [
    # what a careless editor does
    ("impossible-date", replaced("review_date: 2028-01-31", "review_date: 2027-02-30"), "board.review_date", "there is no 30 February 2027"),
    ("month-13", replaced("review_date: 2028-01-31", "review_date: 2027-13-01"), "board.review_date", "no month 13"),
    ("date-words", replaced("review_date: 2028-01-31", "review_date: next March"), "board.review_date", "YYYY-MM-DD"),
    ("bcc-in-email", replaced("email: annwyl@afoncwm.gov.wales", "email: annwyl?bcc=spy@evil.example@afoncwm.gov.wales"), "young_people.dear_corporate_parent.email", "email"),
    ("ampersand-email", replaced("email: annwyl@afoncwm.gov.wales", "email: a&b=c@afoncwm.gov.wales"), "young_people.dear_corporate_parent.email", "change what an email link does"),
    ("backslash-url", replaced("website: https://", "website: https://evil.example\\\\@"), "council.website", "backslash"),
    ("credentials-url", replaced("website: https://", "website: https://user:pass@"), "council.website", "user name"),
    ("http-url", replaced("website: https://", "website: http://"), "council.website", "https://"),
    ("javascript-url", replaced("website: https://www.afoncwm.gov.wales", "website: javascript:alert(1)"), "council.website", "https://"),
    ("site-url-query", appended(""), None, None),  # replaced below: needs a site_url line
    ("unknown-nation", replaced("nation: wales", "nation: cymru"), "council.nation", "use one of"),
    ("typo-key", replaced("  short_name:", "  shortname:"), "council.shortname", "did you mean 'short_name'"),
    ("unquoted-phone", None, "contacts[0].phone", "leading zero"),
    ("duplicate-key", short_name("short_name: {name}\n  short_name: Other"), "(file)", "appears twice"),
    ("tab-indent", replaced("  short_name:", "\tshort_name:"), "(file)", "tab"),
    ("unclosed-quote", short_name('short_name: "{name}'), "(file)", "not closed"),
    ("empty-name", short_name('short_name: ""'), "council.short_name", "empty"),
    ("true-as-text", short_name("short_name: true"), "council.short_name", "yes/no"),
    ("number-as-text", short_name("short_name: 2024"), "council.short_name", "number"),
    ("list-for-text", short_name("short_name: [a, b]"), "council.short_name", "text"),
    ("missing-section", lambda t: re.sub(r"(?ms)^board:\n.*?(?=^\S)", "", t), "board", "required but missing"),
    ("missing-nation", replaced("  nation: wales\n", ""), "council.nation", "required but missing — add 'nation: england'"),
    ("bad-slug", replaced("- id: listen", "- id: Listen Here"), "pledge.promises[0].id", "lower-case"),
    ("bad-icon", replaced("icon: material/ear-hearing", "icon: material/no-such-icon-here"), "pledge.promises[0].icon", "no icon"),
    ("bad-verdict", replaced("      review_by: 2027-06-01\n", "      review_by: 2027-06-01\n      young_people_said: {verdict: great, checked_on: 2026-01-01}\n"), "pledge.promises[0].young_people_said.verdict", "use one of"),
    ("age-too-high", appended("entitlements:\n  local_offer:\n    - {id: x, title: X, area: money, stages: [leaving-care], what_you_get: Money., who_can_get_it: You., how_to_ask: Ask., up_to_age: 99}\n"), "entitlements.local_offer[0].up_to_age", "out of range"),
    ("huge-amount", appended("entitlements:\n  local_offer:\n    - {id: x, title: X, area: money, stages: [leaving-care], what_you_get: Money., who_can_get_it: You., how_to_ask: Ask., amount: '£2,000,000'}\n"), "entitlements.local_offer[0].amount", "more than any entitlement pays"),
    ("unknown-improves", appended("entitlements:\n  local_offer:\n    - {id: x, title: X, area: money, stages: [leaving-care], what_you_get: Money., who_can_get_it: You., how_to_ask: Ask., improves: no-such-thing}\n"), "entitlements.local_offer[0].improves", "no national entitlement"),
    ("nan-figure", appended(""), None, None),  # replaced below: performance cases
    ("not-a-mapping", "- just\n- a list\n", "(file)", "not named sections"),
    ("single-value", "hello\n", "(file)", "not named sections"),
    ("only-comments", "# nothing here\n# at all\n", "(file)", "empty"),
    ("empty", "", "(file)", "empty"),
    ("bom-and-empty", "\ufeff\n", "(file)", "empty"),
    ("not-utf8", b"council:\n  name: Caf\xe9\n", "(file)", "UTF-8"),
    ("utf16", "council:\n  name: x\n".encode("utf-16"), "(file)", "UTF-8"),
    # what an attacker sends
    ("alias", "a: &x [1]\nb: *x\n", "(file)", "anchors"),
    ("alias-bomb", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n", "(file)", "anchors"),
    ("python-tag", "council: !!python/object/apply:os.system ['true']\n", "(file)", "tags such as"),
    ("custom-tag", "council: !secret x\n", "(file)", "tags such as"),
    ("deep-flow", "a: " + "[" * 1000 + "]" * 1000 + "\n", "(file)", "nested more than"),
    ("deep-flow-unclosed", "a: " + "[" * 30000 + "\n", "(file)", "nested more than"),
    ("deep-mapping-flow", "a: " + "{b: " * 5000 + "\n", "(file)", "nested more than"),
    ("deep-block", "".join("  " * i + "a:\n" for i in range(300)), "(file)", "nested more than"),
    ("deep-sequence", "".join("  " * i + "-\n" for i in range(300)), "(file)", "nested more than"),
    ("huge-integer", "a: " + "9" * 5000 + "\n", "(file)", "characters long"),
    ("huge-float", "a: 1." + "5" * 5000 + "\n", "(file)", "characters long"),
    ("nul", "council:\n  name: a\x00b\n", "(file)", "U+0000"),
    ("escape-char", "council:\n  name: a\x1b[31mb\n", "(file)", "U+001B"),
    ("uffff", "council:\n  name: a\uffffb\n", "(file)", "U+FFFF"),
    ("c1-control", "council:\n  name: a\x85b\n", "(file)", "U+0085"),
    ("too-big", "a: " + "x" * 1_000_001 + "\n", "(file)", "more than the 1,000,000 bytes"),
    ("long-value-shortened", short_name("short_name: " + "x" * 300), "council.short_name", "shorten it"),
    ("long-bad-email", replaced("email: annwyl@afoncwm.gov.wales", "email: " + "y" * 5000), "young_people.dear_corporate_parent.email", "…"),
    ("key-is-list", "? [a, b]\n: c\n", "(file)", "a list or section is used as a name"),
    ("just-colon", ":\n", "(file)", None),
    ("stray-bracket", short_name("short_name: ]{name}"), "(file)", "cannot read"),
    ("colon-in-value", short_name("short_name: {name}: the best"), "(file)", "colon"),
    ("bad-indent", short_name("  short_name: {name}"), "(file)", None),
]

PERFORMANCE = ("performance:\n  indicators:\n    - id: moves\n      theme: placements\n      title: Three moves\n"
               "      unit: percent\n      source: Return\n      as_of: 2026-10-01\n      values:\n        - {{period: 2025-26, value: {v}{extra}}}\n")
SITE_URL = "  website: https://www.afoncwm.gov.wales\n"
CASES = [c for c in CASES if c[0] not in ("site-url-query", "nan-figure")] + [
    ("site-url-query", replaced(SITE_URL, SITE_URL + "  site_url: https://rhianta.afoncwm.gov.wales/?x=1\n"), "council.site_url", "? or #"),
    ("nan-figure", appended(PERFORMANCE.format(v=".nan", extra="")), "performance.indicators[0].values[0].value", "not a figure"),
    ("infinite-figure", appended(PERFORMANCE.format(v=".inf", extra="")), "performance.indicators[0].values[0].value", "not a figure"),
    ("negative-figure", appended(PERFORMANCE.format(v="-3", extra="")), "performance.indicators[0].values[0].value", "below zero"),
    ("percent-over-100", appended(PERFORMANCE.format(v="140", extra="")), "performance.indicators[0].values[0].value", "more than 100%"),
    ("numerator-over-denominator", appended(PERFORMANCE.format(v="50", extra=", numerator: 9, denominator: 4")),
     "performance.indicators[0].values[0].numerator", "more than all of them"),
    ("negative-count", appended(PERFORMANCE.format(v="50", extra=", numerator: -1, denominator: 4")),
     "performance.indicators[0].values[0].numerator", "below zero"),
    ("float-count", appended(PERFORMANCE.format(v="50", extra=", numerator: 1.5, denominator: 4")),
     "performance.indicators[0].values[0].numerator", "whole number"),
]


def unquoted_phone(text: str) -> str:
    match = re.search(r'phone: "(0[0-9 ]+)"', text)
    assert match, "the fixture has no quoted phone number"
    return text.replace(match.group(0), "phone: " + match.group(1).replace(" ", ""), 1)


CASES = [(n, unquoted_phone if n == "unquoted-phone" else make, f, w) for n, make, f, w in CASES]


def write_case(tmp_path: Path, name: str, make) -> Path:
    path = tmp_path / f"{name}.yml"
    if isinstance(make, bytes):
        path.write_bytes(make)
    elif isinstance(make, str):
        path.write_text(make, encoding="utf-8", newline="")
    else:
        path.write_text(make(base()), encoding="utf-8")
    return path


def run_check(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(["check", *args])
        except SystemExit as usage:  # argparse's usage errors exit 2
            code = usage.code
    return code, err.getvalue() + out.getvalue()


def test_the_corpus_is_large():
    assert len(CASES) >= 60


def children_cpu_seconds() -> float:
    """CPU time used by finished child processes: what a command costs, however busy the machine is."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.parametrize("name,make,field,words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_one_positioned_answer_fast(tmp_path, name, make, field, words):
    path = write_case(tmp_path, name, make)
    started = time.process_time()
    code, output = run_check(str(path))
    assert time.process_time() - started < 2, "check took more than 2 seconds of CPU time"
    assert code == 1, output
    assert "Traceback" not in output
    found = [m for m in LINE.finditer(output) if m.group("file") == str(path)]
    assert found, f"no FILE:LINE:COLUMN: field: problem — fix line in:\n{output}"
    if field:
        assert any(m.group("field") == field for m in found), output
    if words:
        assert any(words in m.group("msg") for m in found), output
    assert all(len(line) < 600 for line in output.splitlines()), "a message repeats a whole long value"


@pytest.mark.parametrize("name", ["deep-flow-unclosed", "huge-integer", "nul"])
def test_hostile_files_never_crash_the_command(tmp_path, name):
    """In a real process: no segmentation fault, no traceback, exit 1."""
    make = next(c[1] for c in CASES if c[0] == name)
    path = write_case(tmp_path, name, make)
    started = children_cpu_seconds()
    result = subprocess.run([sys.executable, "-m", "macros", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert children_cpu_seconds() - started < 3, "the command took more than 3 seconds of CPU time"
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert LINE.search(result.stderr)


def test_a_folder_a_device_and_a_pipe_are_refused_before_reading(tmp_path):
    fifo = tmp_path / "pipe.yml"
    os.mkfifo(fifo)
    for target, words in ((tmp_path, "folder"), (Path("/dev/zero"), "not a regular file"), (fifo, "not a regular file")):
        started = time.process_time()
        code, output = run_check(str(target))
        assert time.process_time() - started < 2
        assert words in output and code in (1, 2), output


def test_comments_and_wrapped_quotes_are_never_blamed(tmp_path):
    text = base().replace(f"short_name: {SHORT}",
                          f"# note: 'phone' must be quoted\n  short_name: \"{SHORT[:3]}\n    {SHORT[3:]}\"")
    text = text.replace("  kind: welsh-county-borough", "  kind: [welsh")
    path = tmp_path / "wrapped.yml"
    path.write_text(text, encoding="utf-8")
    code, output = run_check(str(path))
    assert code == 1
    match = LINE.search(output)
    wrong_line = text.splitlines().index("  kind: [welsh") + 1
    assert int(match.group("line")) >= wrong_line, output


MUTATIONS = ["", "[", "]", "{", "}", '"', "'", ":", ": ", "- ", "#", "&a ", "*a", "!!str ", "\t", "\x00", "|",
             ">", "%", "@", "`", ".nan", "-1", "1e999", "9" * 40, "2027-02-30", "yes", "~", "\\", "\u202e",
             "https://", "mailto:x@y", "?bcc=", "<script>", "{{ x }}"]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    kind = rng.randrange(7)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 3:
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(MUTATIONS) + lines[i][at:]
    elif kind == 4:
        lines[i] = " " * rng.randrange(8) + lines[i].lstrip()
    elif kind == 5 and ": " in lines[i]:
        key = lines[i].split(": ", 1)[0]
        lines[i] = f"{key}: {rng.choice(MUTATIONS)}"
    else:
        return text[: rng.randrange(len(text))]
    return "\n".join(lines)


def test_fuzz_never_gives_a_traceback_a_crash_or_a_hang(tmp_path):
    """Random mutations of the example file (fixed seed): every one gets an answer, quickly."""
    rng = random.Random(20261201)
    text = (ROOT / "tests" / "fixtures" / "afoncwm.yml").read_text(encoding="utf-8")
    path = tmp_path / "fuzz.yml"
    readability.warm()  # the reading-age dictionary loads once a process (about a second): not a hang
    slowest = 0.0
    for case in range(300):
        mutated = text
        for _ in range(rng.randrange(1, 4)):
            mutated = mutate(mutated, rng)
        path.write_text(mutated, encoding="utf-8")
        started = time.process_time()
        try:
            council, problems = check(path, docs=None)
        except Exception as error:  # noqa: BLE001 - the point is that nothing escapes
            pytest.fail(f"case {case} raised {type(error).__name__}: {error}\n--- file ---\n{mutated[:2000]}")
        slowest = max(slowest, time.process_time() - started)
        assert council is not None or problems, f"case {case}: no council and no problem"
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1 and " — " in problem.message, (case, str(problem))
    assert slowest < 2
