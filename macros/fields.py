"""The editors' field reference, generated from the schema so it cannot drift.

Its words (headings, type words, yes/no, default) come from words.yml (`field_reference:`) in the language
being built. Each field's meaning comes from the schema's `Field(description=...)` in English, the single
source of truth, and from macros/data/cy/fields.yml in Welsh (one description for each path `rows()` gives;
`python -m macros translations` checks they match).
"""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .council_file import _unwrap
from .language import ENGLISH, current, data_file, label_of, per_language
from .problems import DataError, Problem
from .schema import CouncilFile
from .words import words


def _said() -> dict[str, Any]:
    """The field reference's words in the language being built (words.yml, field_reference:)."""
    return words()["field_reference"]


def _type_words(annotation: Any) -> str:
    said = _said()
    origin = typing.get_origin(annotation)
    if origin is list:
        return said["list_of"].format(kind=_type_words(typing.get_args(annotation)[0]))
    parts = [a for a in _unwrap(annotation) if a is not type(None)]
    if len(parts) != 1:
        found = [_type_words(p) for p in parts]
        text = found[0]
        for other in found[1:]:
            text = said["either"].format(first=text, second=other)
        return text
    kind = parts[0]
    if typing.get_origin(kind) is list:
        return _type_words(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return said["one_of"].format(values=", ".join(f"`{m.value}`" for m in kind))
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return said["types"]["BaseModel"]
    name = getattr(kind, "__name__", str(kind))
    return said["types"].get(name, name)


def _is_list(annotation: Any) -> bool:
    """A list of sections (its fields are named `path[].name`), also inside Optional or a union."""
    return any(typing.get_origin(a) is list for a in [annotation, *_unwrap(annotation)])


def _models(annotation: Any) -> list[type[BaseModel]]:
    found = []
    for a in _unwrap(annotation):
        if typing.get_origin(a) is list:
            found += _models(typing.get_args(a)[0])
        elif isinstance(a, type) and issubclass(a, BaseModel):
            found.append(a)
    return found


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def rows(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str, str, str, str]]:
    out = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        required = info.is_required()
        example = ""
        if info.examples:
            example = f"`{info.examples[0]}`"
        elif not required and info.default not in (None, PydanticUndefined) and not isinstance(info.default, (list, BaseModel)):
            default = info.default.value if isinstance(info.default, Enum) else info.default
            example = _said()["default"].format(value=f"`{default}`")
        out.append((path, _type_words(info.annotation), _said()["yes" if required else "no"],
                    info.description or "", example))
        for sub in _models(info.annotation):
            is_list = _is_list(info.annotation)
            out += rows(sub, f"{path}[]." if is_list else f"{path}.")
    return out


FIELDS_FILE = "fields.yml"   # macros/data/cy/fields.yml: each field's description in Welsh


@per_language
def translated_descriptions() -> dict[str, str]:
    """Each field's description in the language being built, by its path (`contacts[].what_they_do`), from
    macros/data/LANGUAGE/fields.yml. English has none: its descriptions are the schema's."""
    path = data_file(FIELDS_FILE)
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): value for key, value in (loaded.get("fields") or {}).items()}


def descriptions() -> dict[str, str]:
    """Each field's description, by path, in the language being built."""
    if current() == ENGLISH:
        return {path: meaning for path, _, _, meaning, _ in rows(CouncilFile)}
    translated = translated_descriptions()
    missing = [path for path, *_ in rows(CouncilFile) if not translated.get(path)]
    if missing:
        label = label_of(data_file(FIELDS_FILE))
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise DataError([Problem(label, 1, 1, "fields", f"no description for {', '.join(missing[:5])}{more} — "
                                 "describe every field of the schema (python -m macros translations lists them)")])
    return translated


def field_reference() -> str:
    said = _said()
    meanings = descriptions()
    lines = [
        f"| {said['field']} | {said['type']} | {said['required']} | {said['meaning']} | {said['example']} |",
        "| --- | --- | --- | --- | --- |",
    ]
    for path, kind, required, _, example in rows(CouncilFile):
        lines.append(f"| `{path}` | {_cell(kind)} | {required} | {_cell(meanings[path])} | {_cell(example)} |")
    return "\n".join(lines) + "\n"
