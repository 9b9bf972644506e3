"""Citations: the documents and laws pages cite by id in their front matter."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

SOURCES_FILE = Path(__file__).parent / "data" / "sources.yml"
MORE_SOURCES = Path(__file__).parent / "data" / "sources"  # more of the same, one file per nation


def source_files() -> list[Path]:
    return [SOURCES_FILE, *sorted(MORE_SOURCES.glob("*.yml"))]


@lru_cache(maxsize=1)
def citations() -> dict[str, str]:
    """id -> "Title. Publisher, year." for every known source."""
    found: dict[str, str] = {}
    for path in source_files():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for key, entry in data.items():
            if key in found:
                raise ValueError(f"{path.name}: the source id {key!r} is used twice — give one of them another id")
            found[key] = f"{entry['title']}. {entry['publisher']}, {entry['year']}."
    return found
