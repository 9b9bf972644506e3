"""`check` warns when a young people's text in council.yml reads above Flesch-Kincaid grade 4 (a reading
age of 9), at the text's line and column, and says what to change (macros/readability.py)."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros import readability
from macros.check import check
from macros.data_checks import reader_problems
from macros.reader import read_yaml
from macros.schema import CouncilFile

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
DOCS = ROOT / "docs"
HARD = ("Participation in the consultation necessitates considerable preparation, "
        "and applications are evaluated individually by the administration.")
PLAIN = "Ask your worker. They will tell you when we meet. You can come and see what it is like."


def grade_warnings(path: Path, data: dict) -> dict[str, str]:
    council = CouncilFile.model_validate(data)
    located = read_yaml(path)
    return {p.field: p.message for p in reader_problems(council, located.where, path.name, DOCS)
            if p.severity == "warning" and "school grade" in p.message}


@pytest.fixture
def fernleigh() -> dict:
    return copy.deepcopy(read_yaml(FIXTURES / "fernleigh.yml").data)


@pytest.mark.parametrize("fixture", ["fernleigh.yml", "afoncwm.yml", "glenmorach.yml", "loughbeg.yml"])
def test_no_fixture_has_a_text_too_hard_for_young_people(fixture):
    path = FIXTURES / fixture
    assert grade_warnings(path, read_yaml(path).data) == {}


@pytest.mark.parametrize("where,set_text", [
    ("pledge.promises[1].promise", lambda d, t: d["pledge"]["promises"][1].update(promise="We will " + t)),
    ("pledge.promises[0].young_people_said.quote", lambda d, t: d["pledge"]["promises"][0]["young_people_said"].update(quote=t)),
    ("entitlements.local_offer[0].title", lambda d, t: d["entitlements"]["local_offer"][0].update(title=t)),
    ("entitlements.local_offer[2].how_to_ask", lambda d, t: d["entitlements"]["local_offer"][2].update(how_to_ask=t)),
    ("young_people.children_in_care_council.meets", lambda d, t: d["young_people"]["children_in_care_council"].update(meets=t)),
    ("young_people.dear_corporate_parent.how", lambda d, t: d["young_people"]["dear_corporate_parent"].update(how=t)),
])
def test_a_hard_text_warns_and_says_what_to_change(fernleigh, where, set_text):
    set_text(fernleigh, HARD)
    found = grade_warnings(FIXTURES / "fernleigh.yml", fernleigh)
    assert list(found) == [where], found
    message = found[where]
    assert "above grade 4" in message and "use shorter sentences and everyday words" in message
    assert "'consultation'" in message or "'applications'" in message  # names the long words


def test_a_plain_text_does_not_warn(fernleigh):
    fernleigh["young_people"]["children_in_care_council"]["how_to_join"] = PLAIN
    assert readability.grade_of(PLAIN) <= readability.MOST
    assert grade_warnings(FIXTURES / "fernleigh.yml", fernleigh) == {}


def test_short_texts_and_names_are_judged_fairly():
    assert readability.grade_of("Independent Reviewing Officers") is None           # too short to grade
    long_name = "Ask your Independent Reviewing Officer or your personal adviser when you next see them."
    assert readability.grade_of(long_name) > readability.MOST                         # by the bare formula
    names = ["Independent Reviewing Officer", "personal adviser"]
    assert readability.grade_of(long_name, names) <= readability.MOST                 # names count as one word
    assert {"personal adviser", "IRO", "Independent Reviewing Officer"} <= readability.abbreviations()


def test_the_warning_has_its_line_and_column_and_is_an_error_only_when_strict(tmp_path):
    text = (FIXTURES / "afoncwm.yml").read_text(encoding="utf-8")
    # the English text (a bilingual council's en: line): its reading age is measured
    text = text.replace("Write to the councillors who look after you.", HARD, 1)
    assert HARD in text
    path = tmp_path / "council.yml"
    path.write_text(text, encoding="utf-8")
    line, column = next((n, row.index(HARD) + 1) for n, row in enumerate(text.splitlines(), start=1) if HARD in row)
    _, problems = check(path, docs=None)
    found = [p for p in problems if p.field == "young_people.dear_corporate_parent.how"]
    assert [(p.line, p.column, p.severity) for p in found] == [(line, column, "warning")]
    _, strict = check(path, strict=True, docs=None)
    assert [p.severity for p in strict if p.field == "young_people.dear_corporate_parent.how"] == ["error"]
    assert str(found[0]).startswith(f"{found[0].file}:{line}:{column}: young_people.dear_corporate_parent.how: "
                                    "warning: this reads at school grade")  # as `python -m macros check` prints it


def test_textstat_is_not_loaded_to_build_an_unchanged_file():
    """The grades are cached: a second check of the same texts never imports textstat (slow to load)."""
    code = ("import sys; from macros.check import check; from pathlib import Path; "
            "check(Path('tests/fixtures/afoncwm.yml'), docs=None); print('textstat' in sys.modules)")
    env = {**os.environ, "COUNCIL_CACHE": "1"}
    first = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    again = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert again.stdout.strip() == "False", (first.stdout, first.stderr, again.stdout, again.stderr)
