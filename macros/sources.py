"""Citations: the documents and laws pages cite by id in their front matter."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

SOURCES_FILE = Path(__file__).parent / "data" / "sources.yml"


@lru_cache(maxsize=1)
def citations() -> dict[str, str]:
    """id -> "Title. Publisher, year." for every known source."""
    data = yaml.load(SOURCES_FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return {
        key: f"{entry['title']}. {entry['publisher']}, {entry['year']}."
        for key, entry in data.items()
    }
