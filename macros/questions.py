"""The handbook's question bank (data/questions.yml): one source for the handbook and the scorecard."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .language import data_file, per_language

QUESTIONS_FILE = Path(__file__).parent / "data" / "questions.yml"


ALL_NATIONS = ("england", "wales", "scotland", "northern-ireland")


@per_language
def bank() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Section id -> its questions in Markdown (project text, not council data), each with the nations
    it applies to (all, unless the data says `nations:`)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(data_file("questions.yml").read_text(encoding="utf-8"), Loader=loader)
    data.pop("translation", None)
    return {section: tuple((q, ALL_NATIONS) if isinstance(q, str) else (q["text"], tuple(q["nations"])) for q in items)
            for section, items in data.items()}


def markdown_list(section: str, nation: str) -> str:
    """The section's questions for a nation as a Markdown checklist, for the handbook page."""
    return "\n".join(f"- [ ] {q}" for q, where in bank()[section] if nation in where)


@per_language
def questions_for(section: str, nation: str = "england") -> tuple[str, ...]:
    """The section's questions for a nation as plain text (no Markdown links or emphasis), for the scorecard."""
    return tuple(_plain(q) for q, where in bank().get(section, ()) if nation in where)


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text)
