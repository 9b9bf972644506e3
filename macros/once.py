"""What define_env works out once per build, when an engine calls it once per page (Zensical).

Zensical (0.0.73) runs macros/__init__.py afresh for every page it renders (zensical/extensions/macros.py,
_load_module), so nothing kept there lasts from one page to the next; this module is imported once per
process and stays in sys.modules. `checked` keeps the result of checking the council file and the pages
(check.py), which is most of what define_env costs per page, for as long as none of the files the checks
read has changed (the council file, docs/, macros/data/: their sizes and modification times). Under MkDocs
define_env runs once per build and does not use this (macros/__init__.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

PROJECT = Path(__file__).resolve().parent.parent
TREES = [PROJECT / "docs", PROJECT / "macros" / "data"]
_results: dict[tuple, object] = {}


def stamp(path: Path) -> tuple:
    """The sizes and modification times of a file, or of every file under a folder."""
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    found = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            continue
        found.append((str(file), info.st_size, info.st_mtime_ns))
    return tuple(found)


def checked(path: Path, strict: bool, compute: Callable[[], object]) -> tuple[object, bool]:
    """(compute(), True), or (its earlier result, False) when nothing it reads has changed."""
    key = (str(path), strict, stamp(Path(path)), *(stamp(tree) for tree in TREES))
    if key in _results:
        return _results[key], False
    _results.clear()
    _results[key] = compute()
    return _results[key], True
