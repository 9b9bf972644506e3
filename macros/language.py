"""The language being built, and where its words are.

A council in Wales may publish its site in Welsh and English (`languages: [en, cy]` in council.yml).
mkdocs-static-i18n then builds the site once per language, in one process, one after the other; define_env
runs at the start of each and says which language it is (`use`). Everything that reads the project's own
words asks `current()`: the site's words (words.yml), a nation's facts and entitlements, the handbook's
passages and the questions come from `macros/data/cy/…` while Welsh is built (`data_file`). A Welsh file
that is missing is an error, never English in its place.

It is one setting for the whole build, as a locale is for gettext (Django's `translation.activate` works the
same way): the views and components stay as they were, and read words in the language being built.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from .problems import DataError, Problem

DATA = Path(__file__).resolve().parent / "data"
ENGLISH, WELSH = "en", "cy"
LANGUAGES = (ENGLISH, WELSH)
NAMES = {ENGLISH: "English", WELSH: "Cymraeg"}

_current = ENGLISH
_root = ""


def current() -> str:
    """The language being built: "en" unless a Welsh build is under way."""
    return _current


def root() -> str:
    """Where the language being built lives in the site: "" for the main language, "cy/" for the other."""
    return _root


def use(language: str, main: str = ENGLISH) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: the site is built in {', '.join(LANGUAGES)}")
    global _current, _root
    _current = language
    _root = "" if language == main else f"{language}/"


@contextmanager
def using(language: str) -> Iterator[None]:
    """Build (or test) in `language`, then go back to the language before."""
    global _current, _root
    before = (_current, _root)
    use(language)
    try:
        yield
    finally:
        _current, _root = before


def data_file(relative: str | Path, language: str | None = None) -> Path:
    """The file of the project's words `relative` (a path under macros/data/) in the language being built."""
    language = language or current()
    english = DATA / relative
    if language == ENGLISH:
        return english
    translated = DATA / language / relative
    if not translated.is_file():
        label = f"macros/data/{language}/{Path(relative).as_posix()}"
        raise DataError([Problem(label, 1, 1, "(file)", f"there is no {NAMES[language]} translation of "
                                 f"macros/data/{Path(relative).as_posix()} — translate it into {label} "
                                 f"(README: Welsh), or take {language} out of languages")])
    return translated


def label_of(path: Path) -> str:
    """A data file's path as messages name it (macros/data/…)."""
    return str(path.relative_to(DATA.parent.parent))


def is_translation(path: Path) -> bool:
    return any(Path(path).resolve().is_relative_to(DATA / language) for language in LANGUAGES if language != ENGLISH)


# --- text a council writes in more than one language ---------------------------------------------------

class Localised(str):
    """A text in council.yml written in several languages: `{en: "…", cy: "…"}` (schema: Text, ShortText, Name).

    It is the English text (so every check and view that reads text reads English, as for an English-only
    council), and holds every language's text: `in_language` gives the council with each such text in the
    language being built, which is what the pages print."""

    texts: dict

    def __new__(cls, texts: dict | None = None, **by_language: str) -> "Localised":
        texts = dict(texts or {}, **by_language)
        made = super().__new__(cls, texts.get(ENGLISH) or next(iter(texts.values())))
        made.texts = texts
        return made

    def text(self, language: str) -> str:
        return self.texts.get(language) or self.texts.get(ENGLISH) or str(self)

    def __reduce__(self):   # kept in the cache on disk (macros/cache.py) like any text
        return (Localised, (self.texts,))


def in_language(value: Any, language: str) -> Any:
    """`value` (the validated council, or any part of it) with every Localised text in `language`.

    A text written once (a plain string) is the same in every language: for an English-only council
    nothing changes. `check` has made sure each Localised text has every declared language."""
    if isinstance(value, Localised):
        return str.__str__(value.text(language))
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            before = getattr(value, name)
            after = in_language(before, language)
            if after is not before:
                changes[name] = after
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, (list, tuple)):
        items = [in_language(item, language) for item in value]
        if any(a is not b for a, b in zip(items, value)):
            return type(value)(items)
        return value
    if isinstance(value, dict):
        items = {key: in_language(item, language) for key, item in value.items()}
        return items if any(items[key] is not value[key] for key in value) else value
    return value


def localised_texts(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any, bool]]:
    """Every text field of the council: (path, value, is_name) where value is a str or a Localised, and
    is_name says it may be written once for every language (schema: Name)."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name not in value.model_fields_set:   # a default: the project's own words, in every language
                continue
            item = getattr(value, name)
            mark = _mark(field.metadata) or _mark_in(field.annotation)
            if mark is not None:
                yield from _texts(item, (*path, name), bool(getattr(mark, "name_field", False)))
            else:
                yield from localised_texts(item, (*path, name))
    elif isinstance(value, (list, tuple)):
        for number, item in enumerate(value):
            yield from localised_texts(item, (*path, number))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from localised_texts(item, (*path, key))


def _texts(value: Any, path: tuple, is_name: bool) -> Iterator[tuple[tuple, Any, bool]]:
    if isinstance(value, (str, Localised)):
        yield path, value, is_name
    elif isinstance(value, (list, tuple)):
        for number, item in enumerate(value):
            yield from _texts(item, (*path, number), is_name)


def _mark(metadata: Any) -> Any:
    return next((m for m in metadata or () if hasattr(m, "text_field") and hasattr(m, "name_field")), None)


def _mark_in(annotation: Any) -> Any:
    """The text mark inside Optional[Text], list[Text] and the like."""
    from typing import get_args

    found = _mark(getattr(annotation, "__metadata__", None))
    if found is not None:
        return found
    for inner in get_args(annotation):
        found = _mark_in(inner)
        if found is not None:
            return found
    return None


def per_language(function):
    """`functools.lru_cache` for a loader of the project's words: one answer per language built."""
    import functools

    @functools.lru_cache(maxsize=None)
    def cached(language, *args):
        return function(*args)

    @functools.wraps(function)
    def wrapper(*args):
        return cached(current(), *args)

    wrapper.cache_clear = cached.cache_clear
    return wrapper
