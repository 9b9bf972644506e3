"""Find, load and check a council file: shared by the build and the command line."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Optional

from .checks import content_problems
from .lint import banned_word_problems, page_review_problems
from .loader import DataError, Problem, load_council
from .schema import CouncilFile

PROJECT = Path(__file__).resolve().parent.parent


def council_path(explicit: Optional[str] = None) -> Path:
    """The file given, else $COUNCIL_FILE, else council.yml in the project."""
    name = explicit or os.environ.get("COUNCIL_FILE") or str(PROJECT / "council.yml")
    return Path(name)


def label_for(path: Path) -> str:
    """How errors name the file: as the editor wrote it, relative when inside the project."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def today() -> date:
    """Today, or $COUNCIL_TODAY (YYYY-MM-DD) so builds and tests can be reproduced."""
    fixed = os.environ.get("COUNCIL_TODAY")
    return date.fromisoformat(fixed) if fixed else date.today()


DOCS = PROJECT / "docs"


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
    problems = content_problems(council, located.where, label, today())
    if docs is not None and docs.is_dir():
        problems += page_review_problems(docs, today(), label_for)
        problems += banned_word_problems(council, located, label, docs, label_for)
    escalate = {"warning"} if strict else set()
    if fail_on_overdue:
        escalate.add("overdue")
    problems = [Problem(p.file, p.line, p.column, p.field, p.message,
                        "error" if p.severity in escalate else p.severity) for p in problems]
    return council, problems


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
