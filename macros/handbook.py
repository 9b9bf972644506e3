"""The handbook's words that differ by nation (macros/data/handbook/NATION/PAGE.yml).

A handbook page in docs/handbook/ holds the words every nation shares. Where
the law, a body, a role or a figure differs, the page asks for a passage by
key, `{{ handbook('key') }}` on a line of its own, and each nation's file for
that page gives its own text. Short names (the inspectorate, the main Act…)
come from `nation.terms` in macros/data/nations/NATION.yml.

A nation's file for docs/handbook/briefings/education.md is
macros/data/handbook/NATION/briefings/education.yml:

    checked_on: 2026-12-02      # when the passages were last checked against their sources
    sources: [sswba-2014]       # ids in macros/data/sources.yml, added to the page's Sources
    passages:
      key: |
        Markdown (macros allowed, for example {{ council.short_name }})
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import Field

from .council_file import validated
from .language import data_file as language_file, label_of, per_language
from .problems import DataError, Problem
from .schema import Model, Nation
from .sources import citations

DATA = Path(__file__).parent / "data" / "handbook"
DOCS = Path(__file__).resolve().parent.parent / "docs"
KEY = r"[a-z0-9]+(?:-[a-z0-9]+)*"
CALL = re.compile(r"""\{\{-?\s*handbook\(\s*["'](%s)["']\s*\)\s*-?\}\}""" % KEY)


class HandbookText(Model):
    """One nation's passages for one handbook page."""

    checked_on: date = Field(description="When every passage in this file was last checked against its sources.")
    sources: list[str] = Field(default_factory=list, description="Ids in macros/data/sources.yml, shown in the page's Sources.")
    passages: dict[str, str] = Field(description="Markdown passages by key, as the page asks for them.")


def data_file(nation: str, page: str) -> Path:
    """The nation's file for a page given as its path under docs/ (handbook/briefings/education.md)."""
    parts = Path(page.replace(".cy.md", ".md")).parts   # a Welsh page asks for the same passages, in Welsh
    if "handbook" not in parts:
        raise ValueError(f"{page} is not a handbook page: only pages under docs/handbook/ have nation passages")
    relative = Path(*parts[parts.index("handbook") + 1:]).with_suffix(".yml")
    return DATA / nation / relative


def language_data_file(nation: str, page: str) -> Path:
    """The nation's file for a page in the language being built (macros/data/cy/handbook/… for Welsh)."""
    return language_file(data_file(nation, page).relative_to(DATA.parent))


@per_language
def text(nation: str, page: str) -> HandbookText:
    path = data_file(nation, page)
    label = str(path.relative_to(DATA.parent.parent.parent))
    if not path.is_file():
        raise DataError([Problem(label, 1, 1, "passages", f"there is no file for {page} in {nation}'s handbook",
                                 f"write {label} with the passages {page} asks for")])
    path = language_data_file(nation, page)
    result, _ = validated(path, label_of(path), HandbookText)
    assert isinstance(result, HandbookText)
    unknown = [s for s in result.sources if s not in citations()]
    if unknown:
        raise DataError([Problem(label, 1, 1, "sources", f"unknown source id {s!r}",
                                 "add it to macros/data/sources.yml or use an id listed there") for s in unknown])
    return result


def passage(nation: str, page: str, key: str) -> str:
    """The nation's passage `key` for the page; a clear error when it is missing."""
    found = text(nation, page)
    if key not in found.passages:
        label = label_of(language_data_file(nation, page))
        raise KeyError(f"{label} has no passage {key!r} — add it under passages:")
    return found.passages[key].strip()


def calls(page: Path) -> list[tuple[int, int, str]]:
    """(line, column, key) of every handbook('key') in a page."""
    found = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        for match in CALL.finditer(line):
            found.append((number, match.start() + 1, match.group(1)))
    return found


def pages() -> list[Path]:
    """The handbook's English pages (a Welsh page, PAGE.cy.md, asks for the same passages: macros/translations.py)."""
    return sorted(p for p in (DOCS / "handbook").rglob("*.md") if not p.name.endswith(".cy.md"))


def check_handbook_data() -> list[str]:
    """Every nation answers every passage a page asks for, and has nothing no page asks for (used by the tests)."""
    problems: list[str] = []
    wanted: dict[str, set[str]] = {}
    for page in pages():
        keys = {key for _, _, key in calls(page)}
        if keys:
            wanted[str(page.relative_to(DOCS))] = keys
    for nation in Nation:
        for page, keys in wanted.items():
            try:
                have = set(text(nation.value, page).passages)
            except DataError as err:
                problems += [str(p) for p in err.problems]
                continue
            label = data_file(nation.value, page).relative_to(DATA.parent.parent.parent)
            problems += [f"{label}: no passage {k!r}, which docs/{page} asks for" for k in sorted(keys - have)]
            problems += [f"{label}: passage {k!r} is not asked for by docs/{page}" for k in sorted(have - keys)]
        for path in sorted((DATA / nation.value).rglob("*.yml")):
            page = str(Path("handbook") / path.relative_to(DATA / nation.value).with_suffix(".md"))
            if page not in wanted:
                problems.append(f"{path.relative_to(DATA.parent.parent.parent)}: docs/{page} asks for no passages")
    return problems
