"""Find runs of words a page shares with the source documents.

The handbook must be written in the project's own words: facts, figures and
structure may carry over, sentences may not. A run of RUN_LENGTH or more
consecutive words in common with any source is reported, except inside the
titles of laws and publications (listed in copycheck_allowed.txt).

Run it on Markdown or built HTML while writing:

    python tests/copycheck.py docs/handbook/*.md

The source documents are *.txt files in ../shared/sources/ beside the project.
Without them nothing can be compared: the check says so and never passes.
"""

from __future__ import annotations

import html
import re
import sys
from functools import lru_cache
from pathlib import Path

RUN_LENGTH = 12
ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIR = ROOT.parent / "shared" / "sources"
ALLOWED_FILE = Path(__file__).with_name("copycheck_allowed.txt")

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-case words, ignoring punctuation, markup and apostrophe style."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).lower().replace("’", "'")
    return _WORD.findall(text)


def _runs(ws: list[str], n: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def source_files(sources_dir: Path = SOURCES_DIR) -> list[Path]:
    return sorted(sources_dir.glob("*.txt"))


def missing_sources_reason(sources_dir: Path = SOURCES_DIR) -> str | None:
    """Why the check cannot run (no source documents), or None when it can."""
    if source_files(sources_dir):
        return None
    where = "there is no such folder" if not sources_dir.is_dir() else "it holds no *.txt files"
    return (f"the copy check was NOT run: it looked for the source documents in {sources_dir} "
            f"and {where}. Put the sources there to check the handbook is in the project's own words.")


@lru_cache(maxsize=1)
def source_runs(sources_dir: Path = SOURCES_DIR) -> frozenset[tuple[str, ...]]:
    reason = missing_sources_reason(sources_dir)
    if reason:
        raise FileNotFoundError(reason)  # never report "nothing copied" when nothing was compared
    runs: set[tuple[str, ...]] = set()
    for path in source_files(sources_dir):
        runs |= _runs(words(path.read_text(encoding="utf-8", errors="replace")))
    allowed = _allowed_runs()
    return frozenset(runs - allowed)


def _allowed_runs() -> set[tuple[str, ...]]:
    allowed: set[tuple[str, ...]] = set()
    if ALLOWED_FILE.exists():
        for line in ALLOWED_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                allowed |= _runs(words(line))
    return allowed


def copied_runs(text: str, sources_dir: Path = SOURCES_DIR) -> list[str]:
    """Each maximal run of RUN_LENGTH+ words that `text` shares with a source."""
    ws = words(text)
    known = source_runs(sources_dir)
    hits: list[str] = []
    i = 0
    while i <= len(ws) - RUN_LENGTH:
        if tuple(ws[i : i + RUN_LENGTH]) in known:
            j = i + RUN_LENGTH
            while j < len(ws) and tuple(ws[j - RUN_LENGTH + 1 : j + 1]) in known:
                j += 1
            hits.append(" ".join(ws[i:j]))
            i = j
        else:
            i += 1
    return hits


def main(argv: list[str]) -> int:
    reason = missing_sources_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    bad = 0
    for name in argv:
        for run in copied_runs(Path(name).read_text(encoding="utf-8")):
            bad += 1
            print(f"{name}: copied: “{run}”")
    print(f"{bad} copied run(s) of {RUN_LENGTH}+ words")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
