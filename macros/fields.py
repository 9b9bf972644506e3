"""The editors' field reference, generated from the schema so it cannot drift."""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .council_file import _unwrap
from .schema import CouncilFile


def _type_words(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin is list:
        return "list of " + _type_words(typing.get_args(annotation)[0])
    parts = [a for a in _unwrap(annotation) if a is not type(None)]
    if len(parts) != 1:
        return " or ".join(_type_words(p) for p in parts)
    kind = parts[0]
    if typing.get_origin(kind) is list:
        return _type_words(kind)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "one of: " + ", ".join(f"`{m.value}`" for m in kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return "section"
    names = {"str": "text", "date": "date (YYYY-MM-DD)", "int": "whole number", "bool": "true or false"}
    return names.get(getattr(kind, "__name__", str(kind)), getattr(kind, "__name__", str(kind)))


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
            example = f"default `{default}`"
        out.append((path, _type_words(info.annotation), "yes" if required else "no",
                    info.description or "", example))
        for sub in _models(info.annotation):
            is_list = "list of" in _type_words(info.annotation)
            out += rows(sub, f"{path}[]." if is_list else f"{path}.")
    return out


def field_reference() -> str:
    lines = [
        "| Field | Type | Required | What it means | Example |",
        "| --- | --- | --- | --- | --- |",
    ]
    for path, kind, required, meaning, example in rows(CouncilFile):
        lines.append(f"| `{path}` | {_cell(kind)} | {required} | {_cell(meaning)} | {_cell(example)} |")
    return "\n".join(lines) + "\n"
