"""Escaping: data from council.yml is data, never markup.

- In HTML (components), Jinja's autoescape does it (see components.py).
- In Markdown (a page writes `{{ council.name }}`), `markdown_text` turns every
  character Markdown or HTML would act on into a character reference, so
  `*`, `_`, `|`, `[`, `<` and `{{` show as themselves.
- Links keep only https:, mailto: and tel: addresses.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

SAFE_SCHEMES = ("https", "mailto", "tel")
_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+!|~^=&\"'$%:")


def markdown_text(value: str) -> Markup:
    """Text that shows as written in Markdown or HTML, on one line."""
    text = " ".join(str(value).split())
    out = [f"&#{ord(c)};" if c in _MARKDOWN_SPECIAL else c for c in text]
    if out and not text[0].isalpha():  # "1. " or "- " would start a list
        out[0] = f"&#{ord(text[0])};"
    return Markup("".join(out))


def safe_href(url: str) -> str:
    """The address if its scheme is allowed, else an empty string (no link)."""
    url = str(url).strip()
    if urlsplit(url).scheme.lower() in SAFE_SCHEMES:
        return url
    return ""


def long_date(value: date) -> str:
    """31 March 2027: the GOV.UK style for dates (month names from the site's words)."""
    from .words import words

    return words().long_date(value)


class SafeView:
    """Read-only view of validated data for pages: every text it yields is escaped.

    `{{ council.name }}` in a page goes through `markdown_text`; lists and
    sections come back as views too; dates in GOV.UK style.
    """

    __slots__ = ("_value",)

    def __init__(self, value: Any):
        self._value = value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return wrap(getattr(self._value, name))

    def __getitem__(self, key: Any) -> Any:
        return wrap(self._value[key])

    def __iter__(self):
        return (wrap(v) for v in self._value)

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __str__(self) -> str:
        return str(wrap(str(self._value)))

    def __html__(self) -> str:
        return self.__str__()


def wrap(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):  # enums
        return markdown_text(value.value)
    if isinstance(value, str):
        return markdown_text(value)
    if isinstance(value, date):
        return Markup(escape(long_date(value)))
    return SafeView(value)
