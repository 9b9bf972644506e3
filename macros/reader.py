"""Read YAML safely into plain data with the line and column of every value.

- libyaml (PyYAML's C parser) for speed, with YAML 1.2 core-schema meaning
  applied here: `No` stays the text "No", `0123` is a number only in full;
  duplicate keys are errors.
- Refuses what an editor never needs and an attacker might use: anchors and
  aliases (the "billion laughs"), tags such as `!!python/object`, tabs for
  indentation, files that are not UTF-8, files over MAX_BYTES.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

import yaml
from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import DataError, Located, Path_, Problem

MAX_BYTES = 1_000_000
MAX_DEPTH = 12          # council.yml nests 5 deep; anything far deeper is a mistake or an attack
MAX_NUMBER_CHARS = 30   # the longest number council.yml needs is a few digits
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_KEY_LINE = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:(?:\s|$)")


def read_bytes(path: Path, label: str) -> bytes:
    """The file's bytes, refusing anything that is not a regular file or is too big, before reading it."""
    def fail(message: str) -> DataError:
        return DataError([Problem(label, 1, 1, "(file)", message)])

    try:
        info = os.stat(path)
    except OSError as err:
        raise fail(f"cannot read the file ({err.strerror}) — check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("this is a folder, not a file — give the council file, such as council.yml")
    if not stat.S_ISREG(info.st_mode):
        raise fail("this is not a regular file (it is a device, pipe or socket) — give the council file, such as council.yml")
    too_big = (f"the file is more than the {MAX_BYTES:,} bytes allowed — "
               "a council.yml is a few hundred lines; check that the right file was saved")
    if info.st_size > MAX_BYTES:
        raise fail(too_big)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise fail(f"cannot read the file ({err.strerror}) — check the path") from None
    if len(raw) > MAX_BYTES:
        raise fail(too_big)
    return raw


# --- reading YAML ---------------------------------------------------------------


def read_yaml(path: Path, label: Optional[str] = None) -> Located:
    """Read a YAML file into plain data with positions, or raise DataError."""
    label = label or str(path)

    def fail(line: int, column: int, message: str, field: str = "(file)") -> DataError:
        return DataError([Problem(label, line, column, field, message)])

    raw = read_bytes(path, label)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise fail(
            line, column,
            "this is not UTF-8 text — save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
        ) from None
    text = text.lstrip("\ufeff")
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise fail(1, 1, "the file is empty — start from the example council.yml in the project")

    control = _CONTROL.search(text)
    if control:
        before = text[: control.start()]
        raise fail(
            before.count("\n") + 1, control.start() - (before.rfind("\n") + 1) + 1,
            f"there is an invisible control character here (U+{ord(control.group()):04X}) — "
            "delete it (it often comes from copying text out of another program)",
        )

    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise fail(
                number, indent.index("\t") + 1,
                "a tab is used for indenting — YAML needs spaces: replace the tab with spaces",
            )

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        _refuse_unsafe_events(text, label, loader)
        root = yaml.compose(text, Loader=loader)
    except DataError:
        raise
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        unclosed = _runaway_quote(text, loader)
        if unclosed:
            raise fail(*unclosed, "a quote mark opened here is not closed — "
                       "add the closing quote at the end of the value") from None
        raise fail(line, column, _yaml_message(err)) from None
    except YAMLError as err:  # pragma: no cover - libyaml raises marked errors for files
        raise fail(1, 1, f"this is not valid YAML ({err}) — check the indentation") from None

    if not isinstance(root, MappingNode):
        kind = "a list" if isinstance(root, SequenceNode) else "a single value"
        raise fail(
            1, 1,
            f"the file holds {kind}, not named sections — it must start with 'council:' "
            "and the other sections, as in the example council.yml",
        )
    values: dict[Path_, tuple[int, int]] = {(): (1, 1)}
    keys: dict[Path_, tuple[int, int]] = {}
    return Located(_plain(root, (), values, keys, label), values, keys)


def _refuse_unsafe_events(text: str, label: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataError([Problem(label, *where, "(file)",
                    f"lists and sections are nested more than {MAX_DEPTH} deep here — council.yml never "
                    "needs this: check the brackets and indentation")])
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        if isinstance(event, AliasEvent):
            raise DataError([Problem(label, *where, "(file)",
                "aliases (*name) are not allowed — write the value out in full")])
        if isinstance(event, (ScalarEvent, CollectionStartEvent)):
            if getattr(event, "anchor", None):
                raise DataError([Problem(label, *where, "(file)",
                    f"anchors (&{event.anchor}) are not allowed — write each value out in full")])
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                raise DataError([Problem(label, *where, "(file)",
                    f"tags such as {tag} are not allowed — remove it; "
                    "put text in quotes if it must stay text")])


def _runaway_quote(text: str, loader: type) -> Optional[tuple[int, int]]:
    """Where a quote that was never closed opened: the quoted value ran on over lines that are
    clearly fields of their own (`nation: england`). Comments and values that wrap are never blamed."""
    found = None
    try:
        for token in yaml.scan(text, Loader=loader):
            if getattr(token, "style", None) in ('"', "'") and token.end_mark.line > token.start_mark.line:
                lines = text.splitlines()[token.start_mark.line + 1: token.end_mark.line + 1]
                if any(_KEY_LINE.match(line) for line in lines):
                    found = (token.start_mark.line + 1, token.start_mark.column + 1)
    except YAMLError:
        pass
    return found


def _yaml_message(err: MarkedYAMLError) -> str:
    problem = (err.problem or str(err)).strip()
    if "duplicate key" in problem:
        key = problem.split('"')[1] if '"' in problem else ""
        return (f"the key '{key}' appears twice in the same section — keep one "
                "(the second would silently replace the first)")
    if "cannot start any token" in problem:
        return f"YAML cannot read this ({problem}) — put the value in quotes"
    if "mapping values are not allowed" in problem:
        return ("a colon followed by a space inside a value confuses YAML — "
                "put the whole value in quotes")
    if "expected <block end>" in problem or "block mapping" in problem:
        return f"the indentation does not line up ({problem}) — indent each field with the same number of spaces as its neighbours"
    if "found unexpected end of stream" in problem or "while scanning a quoted" in str(err.context or ""):
        return "a quoted value is not closed — add the closing quote mark"
    return f"YAML cannot read this ({problem}) — check the indentation and quotes around this line"


# YAML 1.2 core schema, for plain (unquoted) scalars only.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_LONG_NUMBER = re.compile(r"^[-+]?\.?[0-9][0-9a-fA-FxXoO._]*(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATETIME = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
                       r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$")


def scalar(node: ScalarNode) -> Any:
    """A scalar's value under YAML 1.2's core schema (plus dates, as ruamel.yaml and editors expect)."""
    text = node.value
    if node.style:  # quoted or block: always text (plain is None, or "" from libyaml)
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text, 10)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if text.lower() in (".inf", "+.inf", "-.inf", ".nan"):
        return float(text.replace(".", "", 1))
    if _DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text  # "2026-02-30": left as text, so the date field says what is wrong
    if _DATETIME.match(text):
        try:
            return datetime.fromisoformat(text.replace("t", "T").replace("Z", "+00:00"))
        except ValueError:
            return text
    return text


def _plain(node: Node, path: Path_, values: dict, keys: dict, label: str) -> Any:
    values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, ScalarNode):
                raise DataError([Problem(label, *where, "(file)",
                    "a list or section is used as a name here — a name is plain words, like short_name: Anytown")])
            key = scalar(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise DataError([Problem(label, *where, "(file)",
                    f"the key '{key}' appears twice in the same section — keep one "
                    "(the second would silently replace the first)")])
            child = path + (key,)
            keys[child] = where
            values[child] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            out[key] = _plain(value_node, child, values, keys, label)
        return out
    if isinstance(node, SequenceNode):
        return [_plain(item, path + (index,), values, keys, label) for index, item in enumerate(node.value)]
    if not node.style and len(node.value) > MAX_NUMBER_CHARS and _LONG_NUMBER.match(node.value):
        raise DataError([Problem(label, node.start_mark.line + 1, node.start_mark.column + 1, "(file)",
            f"this number is {len(node.value):,} characters long — numbers in council.yml are short: "
            "check for a paste error, or put text in quotes")])
    return scalar(node)


