"""The web editor's configuration (docs/admin/config.yml), generated from the schema so it cannot drift.

`python -m macros cms --write` writes it; `python -m macros cms` prints it. The editor is Decap CMS
(docs/admin/, see the README, "Editing in the browser"). One "file" collection edits council.yml: every
section and field of macros/schema.py, with its description as help text, required or not, closed lists
as selects labelled from macros/data/words.yml, dates as dates, lists of sections as lists.

The `backend:` block at the top of the file (and `publish_mode:` if they add it) is the council web team's own
(which GitHub repository, which sign-in route, commits or pull requests): it is set once by hand and kept as it
is each time the rest is generated.
"""

from __future__ import annotations

import re
import typing
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from . import schema as s
from .council_file import _unwrap
from .nations import facts as nation_facts
from .types import SLUG
from .words import words

ROOT = Path(__file__).resolve().parent.parent
ADMIN = ROOT / "docs" / "admin"
CONFIG_FILE = ADMIN / "config.yml"
COUNCIL_FILE_IN_REPO = "council.yml"  # the editor edits this file of the repository

# Each closed list and the words.yml section holding its labels. A new closed list in the schema must be
# added here (a test fails until it is), so the editor never shows a bare code.
ENUM_WORDS: dict[type[Enum], str] = {
    s.CouncilKind: "council_kinds",
    s.Role: "roles",
    s.Area: "areas",
    s.Stage: "stages",
    s.PromiseKind: "promise_kinds",
    s.Verdict: "verdicts",
    s.Basis: "bases",
    s.EventKind: "event_kinds",
    s.CommitmentKind: "commitment_kinds",
    s.Priority: "priorities",
    s.ActionStatus: "action_statuses",
    s.Theme: "themes",
    s.Comparator: "comparators",
    s.Unit: "units",
    s.EvaluationSection: "evaluation_sections",
    s.Answer: "answers",
    s.Compliance: "compliance",
    s.Language: "languages",
}

LOCAL_BACKEND = "http://127.0.0.1:8081/api/v1"  # decap-server, started by `make cms-local`
SHORT_TEXT = 200  # ShortText's limit: longer text (Text) gets a box of several lines

PATTERN_WORDS = {SLUG: "Use lower-case letters, numbers and single hyphens only, such as your-say"}

# The sign-in settings used until the web team sets their own (docs/editing/web-editor.md).
DEFAULT_BACKEND: dict[str, Any] = {
    "name": "github",
    "repo": "your-organisation/your-repository",
    "branch": "main",
}

HEADER = """\
# The web editor's configuration (Decap CMS, /admin/).
# The backend block and publish_mode are yours: set them once (docs/editing/web-editor.md).
# Everything below them is GENERATED from macros/schema.py by `make cms`
# (python -m macros cms --write): do not edit it by hand; a test fails when it is stale.
"""


def enum_label(enum: type[Enum], member: Enum) -> str:
    """The label an editor sees for a closed-list member: the site's own words for it."""
    if enum is s.Nation:
        return nation_facts(member.value).name
    entry = words()[ENUM_WORDS[enum]][member.value]
    if isinstance(entry, dict):
        entry = entry.get("words") or entry.get("title")
    text = str(entry).format(nation="your nation", council="the council")
    return text[:1].upper() + text[1:]


def _label(name: str) -> str:
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def _inner(annotation: Any) -> Any:
    """The one type inside Optional/Annotated (None left out)."""
    parts = [a for a in _unwrap(annotation) if a is not type(None)]
    return parts[0] if len(parts) == 1 else annotation


def _metadata(annotation: Any) -> list[Any]:
    found: list[Any] = []
    for arg in [annotation, *typing.get_args(annotation)]:
        if typing.get_origin(arg) is typing.Annotated:
            found += list(arg.__metadata__) + _metadata(typing.get_args(arg)[0])
    return found


def _constraint(annotation: Any, info: Any, name: str) -> Any:
    for item in [*info.metadata, *_metadata(annotation)]:
        value = getattr(item, name, None)
        if value is not None:
            return value
        for inner in getattr(item, "metadata", []) or []:  # pydantic's FieldInfo inside Annotated
            value = getattr(inner, name, None)
            if value is not None:
                return value
    return None


def _pattern(info: Any, annotation: Any) -> str | None:
    return _constraint(annotation, info, "pattern")


def _closed_pattern(pattern: str | None) -> list[str] | None:
    """A pattern that is really a closed list, such as ^(in-force|announced)$."""
    match = re.fullmatch(r"\^\(([a-z0-9|-]+)\)\$", pattern or "")
    return match.group(1).split("|") if match else None


def _select(enum: type[Enum]) -> dict[str, Any]:
    return {"widget": "select", "options": [{"label": enum_label(enum, m), "value": m.value} for m in enum]}


def _scalar(kind: Any, info: Any, annotation: Any) -> dict[str, Any]:
    """The widget for one value (not a list, not a section)."""
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _select(kind)
    if kind is date:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D MMMM YYYY",
                "time_format": False, "picker_utc": True}
    if kind is bool:
        return {"widget": "boolean"}
    if kind is int:
        out: dict[str, Any] = {"widget": "number", "value_type": "int"}
        for key, name in (("min", "ge"), ("max", "le")):
            if _constraint(annotation, info, name) is not None:
                out[key] = _constraint(annotation, info, name)
        return out
    if kind is float:
        return {"widget": "number", "value_type": "float", "min": 0}
    pattern = _pattern(info, annotation)
    closed = _closed_pattern(pattern)
    if closed:
        return {"widget": "select", "options": closed}
    long_text = (_constraint(annotation, info, "max_length") or 0) > SHORT_TEXT
    out = {"widget": "text" if long_text else "string"}
    if pattern:
        out["pattern"] = [pattern, PATTERN_WORDS.get(pattern, "This is not in the form the hint asks for")]
    return out


def field_config(name: str, info: Any, in_optional_section: bool = False) -> dict[str, Any]:
    """One field of the editor's configuration, from one field of the schema.

    A field the schema requires inside a section that may be left out (such as a promise's
    `young_people_said`) is marked "needed when this section is used": the editor cannot say
    "required only if the section is there", and would otherwise refuse to save without it.
    The check (python -m macros check) still requires it whenever the section is there.
    """
    annotation = info.annotation
    out: dict[str, Any] = {"name": name, "label": _label(name)}
    if info.description:
        out["hint"] = info.description
    required = info.is_required()
    if required and in_optional_section:
        out["hint"] = f"{info.description or ''} Needed when this section is used.".strip()
        out["required"] = False
    elif not required:
        out["required"] = False
    kind = _inner(annotation)
    if typing.get_origin(kind) is list:
        item = _inner(typing.get_args(kind)[0])
        out["widget"] = "list"
        if isinstance(item, type) and issubclass(item, BaseModel):
            out["summary"] = _summary(item)
            out["collapsed"] = True
            out["fields"] = model_fields(item)
        elif isinstance(item, type) and issubclass(item, Enum):
            out.update(_select(item))
            out["multiple"] = True
        else:
            out["field"] = {"name": "item", "label": _label(name), **_scalar(item, info, typing.get_args(kind)[0])}
        min_length = _constraint(annotation, info, "min_length")
        max_length = _constraint(annotation, info, "max_length")
        if min_length:
            out["min"] = min_length
        if max_length:
            out["max"] = max_length
        return out
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        out["widget"] = "object"
        out["collapsed"] = True
        out["fields"] = model_fields(kind, in_optional_section or not required)
        return out
    out.update(_scalar(kind, info, annotation))
    if not required and info.default not in (None, PydanticUndefined) and not isinstance(info.default, (list, BaseModel)):
        out["default"] = info.default.value if isinstance(info.default, Enum) else info.default
    return out


def _summary(model: type[BaseModel]) -> str:
    """What a collapsed list item shows: its first one or two text fields."""
    names = [n for n in ("id", "role", "title", "name", "what", "question", "issue", "word", "you_said",
                         "held_on", "period", "against", "promise") if n in model.model_fields]
    return " — ".join("{{fields.%s}}" % n for n in names[:2]) or "{{fields.%s}}" % next(iter(model.model_fields))


def model_fields(model: type[BaseModel], in_optional_section: bool = False) -> list[dict[str, Any]]:
    return [field_config(name, info, in_optional_section) for name, info in model.model_fields.items()]


def generated() -> dict[str, Any]:
    """Everything in the configuration but the backend block."""
    return {
        "local_backend": {"url": LOCAL_BACKEND},
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        "site_url": "../",  # the site itself, from /admin/, wherever it is published (also under a path)
        "display_url": "../",
        "collections": [{
            "name": "council",
            "label": "Council",
            "description": "Every fact about the council on this site. Saving runs the same check as every change.",
            "format": "yml",
            "editor": {"preview": False},
            "files": [{
                "name": "council",
                "label": "council.yml",
                "file": COUNCIL_FILE_IN_REPO,
                "fields": model_fields(s.CouncilFile),
            }],
        }],
    }


class _Dumper(yaml.SafeDumper):
    pass


def _no_aliases(*_args: Any) -> bool:
    return True


_Dumper.ignore_aliases = _no_aliases  # type: ignore[method-assign]


OWN_KEYS = ("backend", "publish_mode")  # the web team's settings, kept as they are when the rest is generated


def current_own(path: Path = CONFIG_FILE) -> dict[str, Any]:
    """The settings the web team set in the committed file: its backend (or the placeholder) and, if set, its
    publish_mode (editorial_workflow: each save becomes a pull request, checked by CI before it is merged)."""
    data: dict[str, Any] = {}
    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    own = {key: data[key] for key in OWN_KEYS if key in data}
    if not isinstance(own.get("backend"), dict):
        own["backend"] = dict(DEFAULT_BACKEND)
    own.setdefault("publish_mode", "simple")
    return {key: own[key] for key in OWN_KEYS if key in own}


def config_text(own: dict[str, Any] | None = None) -> str:
    own = current_own() if own is None else own
    dump = lambda data: yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)  # noqa: E731
    return HEADER + dump(own) + "\n# --- generated from macros/schema.py below this line ---\n" + dump(generated())


def write(path: Path = CONFIG_FILE) -> Path:
    text = config_text(current_own(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
