"""Check a council file: load it, run the data checks and the page checks, apply strictness.

Shared by the build (`define_env`) and the command line (`python -m macros check`),
so both mean the same thing by "valid" and by "strict".
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Optional

from .council_file import PROJECT, label_for, load_council
from . import translations
from .data_checks import content_problems
from .language import ENGLISH, in_language
from .page_checks import banned_word_problems, page_review_problems, page_shape_problems
from .problems import DataError, Problem, field_name
from .schema import CouncilFile

DOCS = PROJECT / "docs"


def today() -> date:
    """Today, or $COUNCIL_TODAY (YYYY-MM-DD) so builds and tests can be reproduced."""
    fixed = os.environ.get("COUNCIL_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


def check(path: Path, strict: bool = False, fail_on_overdue: bool = False,
          docs: Optional[Path] = DOCS) -> tuple[Optional[CouncilFile], list[Problem]]:
    """Load and check a council file (and the pages in `docs`). Returns the council and every problem.

    Severities: error; warning (an error with `strict`); overdue (a review or
    action date has passed: an error with `fail_on_overdue`); notice (a part
    not written yet: never an error).
    """
    label = label_for(path)
    try:
        council, located = load_council(path, label)
    except DataError as err:
        return None, err.problems
    # The checks of content read the council in English; its languages are checked as they are written.
    problems = translations.council_problems(council, located.where, label)
    if errors(problems):
        return council, problems
    english = in_language(council, ENGLISH)
    problems += content_problems(english, english_where(located), label, today(), docs)
    problems += welsh_sentence_problems(council, located, label)
    if docs is not None and docs.is_dir():
        problems += page_review_problems(docs, today(), label_for)
        problems += page_shape_problems(docs, label_for)
        problems += banned_word_problems(english, located, label, docs, label_for)
    escalate = {"warning"} if strict else set()
    if fail_on_overdue:
        escalate.add("overdue")
    problems = [Problem(p.file, p.line, p.column, p.field, p.message,
                        "error" if p.severity in escalate else p.severity) for p in problems]
    return council, problems


def welsh_sentence_problems(council: CouncilFile, located, label: str) -> list[Problem]:
    """What young people read in Welsh has short sentences too (the reading-age grade is for English only)."""
    from .data_checks import hard_to_read, young_peoples_texts
    from .language import WELSH

    if WELSH not in [item.value for item in council.languages]:
        return []
    found = []
    for path, text in young_peoples_texts(in_language(council, WELSH)):
        problem = hard_to_read(text)
        welsh = (*path, WELSH)
        if problem and welsh in located.values:
            line, column = located.values[welsh]
            found.append(Problem(label, line, column, field_name(welsh), problem, "warning"))
    return found


def english_where(located):
    """Where a text is, for the checks that read it in English: a text written in two languages is found at
    its `en:` line."""
    def where(path):
        english = (*tuple(path), "en")
        return located.values[english] if english in located.values else located.where(path)
    return where


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
