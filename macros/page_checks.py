"""Content lint for the whole site: page reviews, banned words, external links.

- Every page's front matter says when it was last reviewed (`last_reviewed_on`)
  and how often it must be (`review_in: 6 months`), as GOV.UK's Tech Docs
  Template does. A page past its review date is reported as overdue.
- Banned words: "LAC" everywhere (the built-in list), plus the council's own
  list in council.yml (`editorial.banned_words`), some only for young people.
- External links are listed for a person to check: nothing is fetched.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Optional

import yaml

from .problems import Located, Problem, field_name
from .schema import BannedWord, CouncilFile

BUILT_IN = (BannedWord(word="LAC", instead="children in care"),
            BannedWord(word="LACs", instead="children in care"))
HANDBOOK_DATA = Path(__file__).resolve().parent / "data" / "handbook"  # the nations' passages for the handbook
YOUNG_PEOPLE_DATA = ("pledge", "entitlements", "young_people", "contacts")
_REVIEW_IN = re.compile(r"^\s*(\d+)\s+(month|months|year|years)\s*$")
_URL = re.compile(r"https://[^\s)\"'<>\]]+")


def add_months(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    day = min(start.day, [31, 29 if (start.year + year) % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month])
    return date(start.year + year, month + 1, day)


def review_due(last_reviewed_on: date, review_in: str) -> Optional[date]:
    match = _REVIEW_IN.match(str(review_in))
    if not match:
        return None
    count = int(match.group(1)) * (12 if match.group(2).startswith("year") else 1)
    return add_months(last_reviewed_on, count)


def pages(docs: Path) -> Iterator[Path]:
    for path in sorted(docs.rglob("*.md")):   # English pages: a Welsh page (.cy.md) mirrors one (macros/translations.py)
        if "includes" not in path.relative_to(docs).parts and not path.name.endswith(".cy.md"):
            yield path


@dataclass(frozen=True)
class PageText:
    """One page, read once for every page check: its text, front matter and the lines the front matter takes."""

    path: Path
    text: str
    meta: dict
    front: tuple[str, ...]
    young_people: bool  # under docs/young-people/


def read_pages(docs: Path) -> tuple[PageText, ...]:
    """Every page of the site, read once (cached until a page changes)."""
    paths = tuple(pages(docs))
    stamp = tuple((str(p), os.stat(p).st_mtime_ns, os.stat(p).st_size) for p in paths)
    return _read_pages(docs, stamp)


@lru_cache(maxsize=2)
def _read_pages(docs: Path, stamp: tuple) -> tuple[PageText, ...]:
    out = []
    for name, _, _ in stamp:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        meta, front = _front_matter(text)
        out.append(PageText(path, text, meta, tuple(front), path.relative_to(docs).parts[0] == "young-people"))
    return tuple(out)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _front_matter(text: str) -> tuple[dict, list[str]]:
    if not text.startswith("---\n"):
        return {}, []
    block = text.split("---", 2)[1]
    try:
        meta = yaml.load(block, Loader=_LOADER) or {}
    except yaml.YAMLError:
        return {}, block.splitlines()
    return (meta if isinstance(meta, dict) else {}), block.splitlines()


def page_review_problems(docs: Path, today: date, label: Callable[[Path], str]) -> list[Problem]:
    problems = []
    for page in read_pages(docs):
        path, meta, lines = page.path, page.meta, page.front
        line = next((n for n, l in enumerate(lines, start=1) if l.startswith("last_reviewed_on:")), 1)
        reviewed, every = meta.get("last_reviewed_on"), meta.get("review_in")
        if reviewed is None:
            continue
        if not isinstance(reviewed, date) or (every is not None and review_due(reviewed, every) is None):
            problems.append(Problem(label(path), line, 1, "last_reviewed_on",
                                    "write last_reviewed_on as YYYY-MM-DD and review_in as '6 months' or '1 year'"))
            continue
        due = review_due(reviewed, every) if every else None
        if due and due < today:
            problems.append(Problem(label(path), line, 1, "last_reviewed_on",
                                    f"this page was due for review on {due.isoformat()} — review it, "
                                    "then set last_reviewed_on to the date you did", "overdue"))
    return problems


def page_shape_problems(docs: Path, label: Callable[[Path], str]) -> list[Problem]:
    """What the theme's templates rely on: a heading (for "In short") and the young people's flag."""
    problems = []
    for page in read_pages(docs):
        path, text, meta, front = page.path, page.text, page.meta, page.front
        body = text.split("\n")[len(front) + 2:] if front else text.split("\n")
        if not any(line.startswith("# ") for line in body):
            problems.append(Problem(label(path), len(front) + 3 if front else 1, 1, "heading",
                                    "the page has no heading — start it with '# ' and its title", "error"))
        young = page.young_people
        if bool(meta.get("young_people")) != young:
            message = ("a young people's page needs 'young_people: true' in its front matter "
                       "(it gives the page Exit this page and the help bar) — add it" if young else
                       "only pages under young-people/ may say 'young_people: true' — remove it")
            problems.append(Problem(label(path), 1, 1, "young_people", message, "error"))
    return problems


@lru_cache(maxsize=None)
def _word_pattern(word: str) -> re.Pattern:
    flags = 0 if word.isupper() else re.IGNORECASE  # "LAC" is an abbreviation; "placement" any case
    return re.compile(rf"(?<![\w-]){re.escape(word)}s?(?![\w-])", flags)


def banned_word_problems(council: CouncilFile, located: Located, label: str, docs: Path,
                         page_label: Callable[[Path], str]) -> list[Problem]:
    words = [*BUILT_IN, *council.editorial.banned_words]
    problems: list[Problem] = []
    for page in read_pages(docs):
        path, young = page.path, page.young_people
        lowered = page.text.lower()
        present = [b for b in words if (young or not b.young_people_only) and b.word.lower() in lowered
                   and _word_pattern(b.word).search(page.text)]
        if not present:
            continue
        for number, line in enumerate(page.text.splitlines(), start=1):
            for banned in present:
                hit = _word_pattern(banned.word).search(line)
                if hit:
                    problems.append(Problem(page_label(path), number, hit.start() + 1, "text",
                                            f"'{hit.group()}' is on the banned list — say '{banned.instead}'"))
    # The handbook's passages for the council's nation are published on its site too.
    for where, text in passage_files(council.council.nation.value):
        present = [b for b in words if not b.young_people_only and b.word.lower() in text.lower()]
        for number, line in enumerate(text.splitlines(), start=1) if present else ():
            for banned in present:
                hit = _word_pattern(banned.word).search(line)
                if hit:
                    problems.append(Problem(where, number, hit.start() + 1, "passages",
                                            f"'{hit.group()}' is on the banned list — say '{banned.instead}'"))
    for path, value in text_leaves(located.data):
        if path[:1] == ("editorial",):
            continue
        young = path[:1] and path[0] in YOUNG_PEOPLE_DATA
        lowered = value.lower()
        for banned in words:
            if banned.young_people_only and not young or banned.word.lower() not in lowered:
                continue
            hit = _word_pattern(banned.word).search(value)
            if hit:
                line, column = located.where(path)
                problems.append(Problem(label, line, column, field_name(path),
                                        f"'{hit.group()}' is on the banned list — say '{banned.instead}'"))
    return problems


def text_leaves(node, path=()):
    """(path, text) for every text value in loaded YAML data."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from text_leaves(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from text_leaves(value, path + (index,))
    elif isinstance(node, str):
        yield path, node


def passage_files(nation: str) -> Iterator[tuple[str, str]]:
    """(label, text) of each of the nation's handbook passage files (macros/data/handbook/NATION/)."""
    for path in sorted((HANDBOOK_DATA / nation).rglob("*.yml")):
        yield str(path.relative_to(HANDBOOK_DATA.parents[2])), path.read_text(encoding="utf-8")


def external_links(located: Located, label: str, docs: Path, page_label: Callable[[Path], str]) -> list[tuple[str, str]]:
    """(where, url) for every https link in the pages, the nation's handbook passages and the data,
    for a person to check."""
    found: list[tuple[str, str]] = []
    texts = [(page_label(page.path), page.text) for page in read_pages(docs)]
    nation = located.data.get("council", {}).get("nation") if isinstance(located.data, dict) else None
    if isinstance(nation, str) and (HANDBOOK_DATA / nation).is_dir():
        texts += list(passage_files(nation))
    for where, text in texts:
        for number, line in enumerate(text.splitlines(), start=1):
            for url in _URL.findall(line):
                found.append((f"{where}:{number}", url.rstrip(".,;")))
    for path, value in text_leaves(located.data):
        for url in _URL.findall(value):
            line, _ = located.where(path)
            found.append((f"{label}:{line}", url.rstrip(".,;")))
    return found
