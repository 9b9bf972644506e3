"""A mistake in a page's macros is reported as one line, `docs/PAGE.md:LINE: what — fix`, never a traceback.

mkdocs-macros formats a rendering error with `mkdocs_macros.errors.format_error`
(a single-dispatch function); this module registers a one-line form for
template errors and for errors raised inside this project's macros, which
are wrapped so the error names the macro and the page's line.
"""

from __future__ import annotations

import functools
import traceback
from typing import Callable

from jinja2 import TemplateError


class PageError(Exception):
    """An error inside one of this project's macros, called from a page."""


def template_line(error: BaseException) -> int | None:
    """The line of the page's Markdown where the error happened (Jinja names that frame '<template>')."""
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == "<template>":
            line = frame.lineno
    return line


def front_matter_lines(path: str) -> int:
    """How many lines come before what the macros see: the front matter and the blank lines after it."""
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except OSError:
        return 0
    if lines[0] != "---":
        return 0
    end = next((n for n, line in enumerate(lines[1:], start=1) if line == "---"), None)
    if end is None:
        return 0
    return next((n for n in range(end + 1, len(lines)) if lines[n].strip()), end + 1)


def one_line(error: BaseException, page) -> str:
    line = template_line(error)
    if line:
        line += front_matter_lines(page.file.abs_src_path)
    where = f"docs/{page.file.src_path}" + (f":{line}" if line else "")
    return f"{where}: {error} — fix the macro call on this line (the README lists the macros)"


def guarded(name: str, function: Callable) -> Callable:
    """The macro, raising PageError (its name, arguments and the problem) instead of a bare exception."""
    @functools.wraps(function)
    def call(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as error:
            shown = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
            raise PageError(f"{name}({shown}): {error}") from None
    return call


def register() -> None:
    """Teach mkdocs-macros to report our errors in one line (idempotent)."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # another engine (Zensical) reports errors its own way
        return

    def short(error, markdown, page) -> str:
        return one_line(error, page)

    format_error.register(PageError)(short)
    format_error.register(TemplateError)(short)
