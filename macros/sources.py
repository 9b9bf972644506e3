"""Citations: the documents and laws pages cite by id in their front matter."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

SOURCES_FILE = Path(__file__).parent / "data" / "sources.yml"


@lru_cache(maxsize=1)
def citations() -> dict[str, str]:
    """id -> "Title. Publisher, year." for every known source."""
    data = YAML(typ="safe", pure=True).load(SOURCES_FILE.read_text(encoding="utf-8"))
    return {
        key: f"{entry['title']}. {entry['publisher']}, {entry['year']}."
        for key, entry in data.items()
    }
