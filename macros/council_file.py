"""Find a council file, read it, validate it against the schema, and explain every mistake.

One loader for the build and for `python -m macros check`: each validation
error names its place, `council.yml:12:5: contacts[2].email: what is wrong — how to fix it`.
"""

from __future__ import annotations

import calendar
import difflib
import re
import os
import types
import typing
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from .problems import DataError, Located, Path_, Problem, field_name, shorten
from .cache import cached
from .language import is_translation
from .reader import read_bytes, read_yaml
from .schema import CouncilFile

PROJECT = Path(__file__).resolve().parent.parent


def council_path(explicit: Optional[str] = None) -> Path:
    """The file given, else $COUNCIL_FILE, else council.yml in the project."""
    name = explicit or os.environ.get("COUNCIL_FILE") or str(PROJECT / "council.yml")
    return Path(name)


def label_for(path: Path) -> str:
    """How errors name the file: as the editor wrote it, relative when inside the project."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def validate(located: Located, model: type[BaseModel], label: str) -> BaseModel:
    try:
        return model.model_validate(located.data)
    except ValidationError as err:
        problems = [
            _explain(error, located, model, label) for error in err.errors(include_url=False)
        ]
        problems.sort(key=lambda p: (p.line, p.column))
        raise DataError(problems) from None


def _explain(error: dict, located: Located, model: type[BaseModel], label: str) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    given = shorten(error.get("input"))
    line, column = located.where(loc)
    message = error["msg"]
    if kind == "missing":
        parent = loc[:-1]
        line, column = located.where(parent)
        example = _example(model, parent, str(loc[-1]))
        message = (f"'{loc[-1]}' is required but missing — add '{loc[-1]}:{example}' "
                   f"to {'this section' if parent else 'the file'}")
        return Problem(label, line, column, field_name(loc), message)
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        fix = (f"did you mean '{guess[0]}'?" if guess
               else "remove it, or use one of: " + ", ".join(allowed))
        message = f"'{loc[-1]}' is not a field here — {fix}"
    elif kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"'{given}' is not allowed here — use one of: {expected.replace(chr(39), '')}"
        guess = difflib.get_close_matches(
            str(error.get("input")), [e.strip(" '") for e in expected.replace(" or ", ", ").split(",")], n=1
        )
        if guess:
            message += f" (did you mean '{guess[0]}'?)"
    elif kind.startswith("date") or kind == "datetime_from_date_parsing":
        message = _date_message(error.get("input"))
    elif kind == "string_type":
        message = "expected text — write it as text (in quotes if it looks like a number, date or yes/no)"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"'{given}' is not a whole number — write digits only, for example 21"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"'{given}' is not true or false — write true or false"
    elif kind == "list_type":
        message = "this should be a list — put each item on its own line starting with '- '"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = "this should be a section of named fields — write each as name: value on its own line"
    elif kind == "too_short":
        message = "this list is empty — add at least one item"
    elif kind == "string_too_short":
        message = "this is empty — write something, or remove the field if it is optional"
    elif kind in ("string_too_long", "too_long") and isinstance(error.get("input"), str):
        message = f"this is longer than {error.get('ctx', {}).get('max_length')} characters — shorten it"
    elif kind == "string_pattern_mismatch":
        message = (f"'{given}' is not in the right form — use lower-case letters, "
                   "digits and hyphens, like our-promise-1")
    elif kind == "finite_number":
        message = f"'{given}' is not a figure (it is infinite or 'not a number') — write a number, such as 74.5"
    elif kind == "greater_than_equal" and error.get("ctx", {}).get("ge") == 0:
        message = f"{given} is below zero — a figure cannot be negative: check the sign"
    elif kind in ("greater_than_equal", "less_than_equal"):
        message = f"{given} is out of range — {error['msg'].lower()}"
    elif "—" not in message:
        message = f"{message} — check this value against the field reference"
    return Problem(label, line, column, field_name(loc), shorten(message, 400))


def _date_message(given: Any) -> str:
    """Why a date is not a date: an impossible day says so; anything else is shown the form."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(given).strip())
    if match:
        year, month, day = map(int, match.groups())
        if not 1 <= month <= 12:
            return f"'{given}' has no month {month} — the middle number is the month, 01 to 12"
        last = calendar.monthrange(year, month)[1]
        return (f"there is no {day} {calendar.month_name[month]} {year}: {calendar.month_name[month]} {year} "
                f"has {last} days — check the day")
    return f"'{shorten(given)}' is not a date — write it as YYYY-MM-DD, for example 2026-03-31"


def _unwrap(annotation: Any) -> list[Any]:
    """The model or list types inside an annotation (Optional, Annotated, list)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found += _unwrap(arg)
        return found
    return [annotation]


def _example(model: type[BaseModel], parent: Path_, name: str) -> str:
    """An example value for a missing field (' england', ' 2026-03-31'), or '' when it is a section or list."""
    for owner in _models_at(model, parent):
        field = owner.model_fields.get(name)
        if field is None:
            continue
        if field.examples:
            return f" {field.examples[0]}"
        kinds = _unwrap(field.annotation)
        for kind in kinds:
            if isinstance(kind, type) and issubclass(kind, Enum):
                return f" {next(iter(kind)).value}"
            if kind is date:
                return " 2026-03-31"
            if kind is bool:
                return " true"
    return ""


def _fields_at(model: type[BaseModel], path: Path_) -> set[str]:
    names: set[str] = set()
    for annotation in _models_at(model, path):
        names |= set(annotation.model_fields)
    return names


def _models_at(model: type[BaseModel], path: Path_) -> list[type[BaseModel]]:
    """The section models a path in the data leads to."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for annotation in current:
            if isinstance(part, int):
                if typing.get_origin(annotation) is list:
                    following += _unwrap(typing.get_args(annotation)[0])
            elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
                field = annotation.model_fields.get(part)
                if field is not None:
                    following += _unwrap(field.annotation)
        current = [a for c in following for a in _unwrap(c)]
    return [a for a in current if isinstance(a, type) and issubclass(a, BaseModel)]


# --- the council file, cached -------------------------------------------------


_CACHE: dict[tuple[str, int, int], tuple[CouncilFile, Located]] = {}


def load_council(path: Path | str, label: Optional[str] = None) -> tuple[CouncilFile, Located]:
    """The validated council and its positions; cached by path, size and modification time.

    Zensical calls define_env once per page: the cache keeps that cheap.
    """
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise DataError([Problem(label or str(path), 1, 1, "(file)",
                                 "the file does not exist — check COUNCIL_FILE or the path given")]) from None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = validated(path, label or str(path), CouncilFile)  # type: ignore[assignment]
    return _CACHE[key]


def validated(path: Path, label: str, model: type[BaseModel]) -> tuple[BaseModel, Located]:
    """A data file read and validated, or the same result kept on disk from an earlier build
    of the same bytes by the same code (macros/cache.py)."""
    raw = read_bytes(path, label)

    def compute() -> tuple[BaseModel, Located]:
        located = read_yaml(path, label)
        if is_translation(path) and isinstance(located.data, dict):
            # A translation's own line (translation: draft | reviewed, macros/translations.py), not data
            located = Located({k: v for k, v in located.data.items() if k != "translation"}, located.values, located.keys)
        return validate(located, model, label), located

    return cached(f"{model.__name__}", label.encode() + b"\0" + raw, compute)
