"""The handbook's question bank (data/questions.yml): one source for the handbook and the scorecard."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

QUESTIONS_FILE = Path(__file__).parent / "data" / "questions.yml"


@lru_cache(maxsize=1)
def bank() -> dict[str, tuple[str, ...]]:
    """Section id -> its questions, in Markdown (project text, not council data)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(QUESTIONS_FILE.read_text(encoding="utf-8"), Loader=loader)
    return {section: tuple(items) for section, items in data.items()}


def markdown_list(section: str) -> str:
    """The section's questions as a Markdown checklist, for the handbook page."""
    return "\n".join(f"- [ ] {q}" for q in bank()[section])


@lru_cache(maxsize=None)
def questions_for(section: str) -> tuple[str, ...]:
    """The section's questions as plain text (no Markdown links or emphasis), for the scorecard."""
    return tuple(_plain(q) for q in bank().get(section, ()))


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text)
