"""Field types for council.yml: text, phone numbers, emails, web addresses.

Each type validates what an editor typed and, when it is wrong, says how to
fix it. Messages use the form "what is wrong — how to fix it"; the loader adds
the file, line, column and field path.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import AfterValidator, BeforeValidator, Field, Strict, StringConstraints, ValidationError, WrapValidator
from pydantic_core import PydanticCustomError

from .problems import shorten

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _not_a_number(value: Any) -> Any:
    """Text fields refuse YAML numbers and booleans instead of converting them."""
    if isinstance(value, bool):
        raise PydanticCustomError(
            "text_was_boolean",
            "YAML read this as yes/no, not text — put the words in quotes",
        )
    if isinstance(value, (int, float)):
        raise PydanticCustomError(
            "text_was_number",
            "YAML read this as a number, not text — put it in quotes so nothing (such as a leading zero) is lost",
        )
    if isinstance(value, date):
        raise PydanticCustomError(
            "text_was_date", "YAML read this as a date, not text — put it in quotes"
        )
    return value


class _InLanguages:
    """Marks a text a council may write in each of its languages (issue 15): `{en: "…", cy: "…"}`.

    `text_field` texts must be in every language the council declares (`check` says which is missing);
    `name_field` texts (a person's name, an amount, a period) may be written once for every language."""

    def __init__(self, kind: str) -> None:
        self.text_field = kind == "text"
        self.name_field = kind == "name"

    def __get_pydantic_json_schema__(self, core_schema, handler):
        one = handler(core_schema)
        return {"anyOf": [one, {"type": "object", "description": "The same text in each language of the site.",
                                "properties": {"en": one, "cy": one}, "additionalProperties": False,
                                "minProperties": 1}]}


def _in_languages(value: Any, handler: Any) -> Any:
    """A text, or the same text in several languages (each checked as a text): `{en: "…", cy: "…"}`."""
    from .language import LANGUAGES, Localised

    if not isinstance(value, dict):
        return handler(value)
    unknown = [key for key in value if key not in LANGUAGES]
    if unknown or not value:
        raise PydanticCustomError(
            "language_unknown",
            "'{key}' is not a language of the site — write the text under en: (English) and cy: (Welsh)",
            {"key": str(unknown[0]) if unknown else "(nothing)"},
        )
    texts = {}
    for language, text in value.items():
        try:
            texts[language] = handler(text)
        except ValidationError as err:
            first = err.errors(include_url=False)[0]
            problem = {
                "string_too_short": "this is empty — write the text, or take the line out",
                "too_short": "this is empty — write the text, or take the line out",
                "string_too_long": f"this is longer than {first.get('ctx', {}).get('max_length')} characters — shorten it",
                "string_type": "expected text — write it as text (in quotes if it looks like a number, date or yes/no)",
            }.get(first["type"], first["msg"])
            raise PydanticCustomError("language_text", "{language}: {problem}",
                                      {"language": language, "problem": problem}) from None
    return Localised(texts)


_TEXT, _NAME = _InLanguages("text"), _InLanguages("name")


def _text(max_length: int, mark: _InLanguages) -> Any:
    """A text field: never a YAML number, date or yes/no; trimmed; not empty; at most `max_length` characters;
    in one language or in each of the site's languages (`mark` says whether it must be in each)."""
    return Annotated[
        str,
        BeforeValidator(_not_a_number),
        Strict(),
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        WrapValidator(_in_languages),
        mark,
    ]


Text = _text(4000, _TEXT)
"""Plain text, in each of the site's languages. Shown as written, never as markup."""

ShortText = _text(200, _TEXT)

Name = _text(200, _NAME)
"""A short text that is usually the same in every language (a person's name, an amount, a period):
written once, or once per language."""

Slug = Annotated[str, Strict(), StringConstraints(pattern=SLUG, max_length=60)]


def _phone(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        raise PydanticCustomError(
            "phone_unquoted",
            "an unquoted phone number is read as a number and loses its leading zero — "
            'put it in quotes, for example "01632 960001"',
        )
    if not isinstance(value, str):
        raise PydanticCustomError("phone_type", "expected a phone number — write it in quotes")
    text = value.strip()
    if not re.fullmatch(r"\+?[0-9 ()-]{3,20}", text):
        raise PydanticCustomError(
            "phone",
            "'{value}' is not a phone number — use digits and spaces only, for example \"01632 960001\"",
            {"value": shorten(text)},
        )
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        number = None
    digits = re.sub(r"\D", "", text)
    national_length = len(digits) - 2 if digits.startswith("44") else len(digits)
    if number is None or not (
        phonenumbers.is_valid_number(number)
        # Ofcom's drama range (01632 960xxx) is not "valid" but is a full-length number
        or (phonenumbers.is_possible_number(number) and national_length in (10, 11))
        or shortnumberinfo.is_valid_short_number_for_region(number, "GB")
    ):
        raise PydanticCustomError(
            "phone",
            "'{value}' is not a UK phone number — check the digits, for example \"01632 960001\" or \"0800 1111\"",
            {"value": shorten(text)},
        )
    return text


Phone = Annotated[str, BeforeValidator(_phone)]
"""A UK phone number, written in quotes: "01632 960001"."""


@lru_cache(maxsize=None)
def tel_href(phone: str) -> str:
    """The tel: link for a phone number that passed validation."""
    number = phonenumbers.parse(phone, "GB")
    if phonenumbers.is_possible_number(number) and len(re.sub(r"\D", "", phone)) > 6:
        return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return "tel:" + re.sub(r"\D", "", phone)


def _email(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("email_type", "expected an email address in text")
    from email_validator import EmailNotValidError, validate_email  # only when validating (not on a cached build)

    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as err:
        raise PydanticCustomError(
            "email",
            "'{value}' is not an email address ({reason}) — write it like name@council.gov.uk",
            {"value": shorten(value), "reason": str(err).rstrip(".")},
        ) from None
    if re.search(r"[?#&=%/\\\s]", result.normalized):
        raise PydanticCustomError(
            "email_link",
            "'{value}' has a character (such as ? or &) that would change what an email link does — "
            "write just the address, like name@council.gov.uk",
            {"value": shorten(value)},
        )
    return result.normalized


Email = Annotated[str, BeforeValidator(_email)]


def _https_url(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("url_type", "expected a web address in text")
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme != "https":
        raise PydanticCustomError(
            "url_scheme",
            "'{value}' is not a secure web address — it must start with https://",
            {"value": shorten(text)},
        )
    if "\\" in text or parts.username is not None or parts.password is not None:
        raise PydanticCustomError(
            "url_parts",
            "'{value}' has a backslash or a user name in it, which changes where the link goes — "
            "copy the address again from the browser's address bar",
            {"value": shorten(text)},
        )
    if not parts.hostname or "." not in parts.hostname or re.search(r"[\s<>\"'`]", text):
        raise PydanticCustomError(
            "url",
            "'{value}' is not a web address — write it in full, like https://www.example.gov.uk/page",
            {"value": shorten(text)},
        )
    return text


HttpsUrl = Annotated[str, BeforeValidator(_https_url)]
"""A web address starting with https://."""


def _site_url(value: Any) -> str:
    text = _https_url(value)
    if urlsplit(text).query or urlsplit(text).fragment or "?" in text or "#" in text:
        raise PydanticCustomError(
            "site_url", "'{value}' has a ? or # in it — the site's address is just where it lives, "
            "like https://corporateparenting.anytown.gov.uk/", {"value": shorten(text)})
    return text


SiteUrl = Annotated[str, BeforeValidator(_site_url)]
"""Where the site itself is published: https://, with no ? or #."""

Figure = Annotated[float, Field(ge=0, allow_inf_nan=False)]
"""A figure: a number that is not negative, not infinite and not NaN."""


def icons_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / ".icons"


def _icon(value: str) -> str:
    if not (icons_dir() / f"{value}.svg").is_file():
        raise PydanticCustomError(
            "icon",
            "there is no icon called '{value}' — pick one from Material's icon search "
            "(https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/) "
            "and write it like material/home-heart",
            {"value": shorten(value)},
        )
    return value


Icon = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=r"^(material|fontawesome/[a-z]+|octicons|simple)/[a-z0-9-]+$"),
    AfterValidator(_icon),
    Field(examples=["material/home-heart"]),
]
"""An icon bundled with Material for MkDocs (no download)."""


def _clock(value: Any) -> Any:
    """A time of day written "HH:MM" (24-hour clock); nothing else, so 1800 cannot become 00:30."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*", value)
        if match:
            from datetime import time

            return time(int(match.group(1)), int(match.group(2)))
    raise PydanticCustomError(
        "clock_time",
        "'{value}' is not a time of day — write it as \"HH:MM\" in quotes on the 24-hour clock, for example \"18:00\"",
        {"value": shorten(str(value))},
    )


ClockTime = Annotated[Any, BeforeValidator(_clock), Field(json_schema_extra={"type": "string", "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$"})]
"""A time of day, "HH:MM" in quotes: "18:00"."""
