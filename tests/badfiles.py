"""The corpus of broken council files (tests/bad/cases.yml): each one a small change to a good file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from sites import BAD, FERNLEIGH

CASES_FILE = BAD / "cases.yml"
BASE = FERNLEIGH


@dataclass(frozen=True)
class Case:
    name: str
    line: int
    column: int
    field: str
    words: str
    file: Optional[str] = None     # a standalone file in tests/bad/
    replace: Optional[str] = None  # …or this text of the base, found exactly once,
    with_: Optional[str] = None    # …becomes this


@lru_cache(maxsize=1)
def cases() -> tuple[Case, ...]:
    entries = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    found = []
    for entry in entries:
        entry = dict(entry)
        if "with" in entry:
            entry["with_"] = entry.pop("with")
        case = Case(**entry)
        assert (case.file is None) != (case.replace is None), f"{case.name}: give either `file` or `replace`"
        found.append(case)
    names = [c.name for c in found]
    assert len(names) == len(set(names)), "two cases share a name"
    return tuple(found)


def case(name: str) -> Case:
    return next(c for c in cases() if c.name == name)


def patched(base_text: str, old: str, new: str, what: str = "the change") -> str:
    """The base with `old` (which must occur exactly once) replaced by `new`."""
    count = base_text.count(old)
    assert count == 1, f"{what}: {old!r} occurs {count} times in the base, not once"
    return base_text.replace(old, new)


def bad_file(name: str, folder: Path) -> Path:
    """The broken file for a case: a standalone file in tests/bad/, or the base changed, written in `folder`."""
    c = case(name)
    if c.file is not None:
        return BAD / c.file
    path = folder / f"{c.name}.yml"
    text = patched(BASE.read_text(encoding="utf-8"), c.replace, c.with_, c.name)
    path.write_text(text, encoding="utf-8")
    return path
