"""Problems and positions: what is wrong, where (file, line, column), and how to fix it.

Every checker (reading YAML, the schema, data checks, page checks) reports a
`Problem`; `Located` maps a path in the data to its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Problem:
    """One mistake in a data file, with where it is and how to fix it."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}"

    def annotation(self) -> str:
        """The same problem as a GitHub Actions annotation."""
        kind = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        text = f"{self.field}: {self.message}".replace("%", "%25").replace("\n", "%0A")
        return f"::{kind} file={self.file},line={self.line},col={self.column}::{text}"


class DataError(Exception):
    """Raised when a data file cannot be used. Holds every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Located:
    """Plain Python data plus the line and column of every value and key."""

    data: Any
    values: dict[Path_, tuple[int, int]]
    keys: dict[Path_, tuple[int, int]]

    def where(self, path: Path_) -> tuple[int, int]:
        """The closest known position for a path (a missing field points at its parent)."""
        path = tuple(path)
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


def field_name(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


def shorten(value, limit: int = 60) -> str:
    """A value as a message quotes it: on one line, and cut short with … when long."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def reporter(problems: list[Problem], where: Callable[[Path_], tuple[int, int]], label: str):
    """A function that records a problem at a path in the data: report(path, message, severity)."""
    def report(path: Path_, message: str, severity: str = "warning") -> None:
        line, column = where(path)
        problems.append(Problem(label, line, column, field_name(path), message, severity))
    return report
