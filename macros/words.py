"""The site's own words (data/words.yml): labels for every closed list, and fixed phrases.

Loaded once and checked: every member of every closed list in the schema has
its label (a test fails when one is missing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .language import data_file, per_language

WORDS_FILE = Path(__file__).parent / "data" / "words.yml"


@dataclass(frozen=True)
class Words:
    data: dict[str, Any]

    def __getitem__(self, section: str) -> Any:
        return self.data[section]

    def label(self, section: str, member: Any) -> str:
        """The label of a closed-list member (an enum or its value)."""
        return self.data[section][getattr(member, "value", member)]

    def long_date(self, value: date) -> str:
        """31 March 2027: the GOV.UK style for dates."""
        return f"{value.day} {self.data['months'][value.month - 1]} {value.year}"


@per_language
def words() -> Words:
    """The site's words in the language being built (macros/data/cy/words.yml for Welsh)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(data_file("words.yml").read_text(encoding="utf-8"), Loader=loader)
    data.pop("translation", None)
    return Words(data)
