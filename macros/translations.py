"""The Welsh translation of the project's own words: where it lives, whether it matches the English, and
which parts a Welsh speaker has not yet reviewed.

- A page `docs/PATH.md` has its Welsh page beside it, `docs/PATH.cy.md` (mkdocs-static-i18n's suffix layout).
- A data file `macros/data/PATH.yml` (or `.md`) has its Welsh file at `macros/data/cy/PATH.yml`, the same
  structure with the words translated.
- Each Welsh page and data file says `translation: draft` or `translation: reviewed` (a Welsh speaker at the
  council has read and signed it off). `python -m macros check` lists the drafts; a council that sets
  `welsh_drafts: fail` in council.yml cannot publish with one left (`check --strict` and `mkdocs build --strict`
  both stop).

Parity (what a translator keeps exactly as it is, checked by the tests and `python -m macros translations`):
a page keeps its front matter keys and every value that is not words (title, description and summary are
words), every `{{ … }}` in the same order, and every heading id `{: #id }`. A data file keeps every key, every
list's length, every number, date and yes/no, and every text that is an id, a source id, an address or a
closed-list value (a single lowercase word or hyphenated slug, a link, an email address or a phone number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

PROJECT = Path(__file__).resolve().parent.parent
DOCS = PROJECT / "docs"
DATA = Path(__file__).resolve().parent / "data"
WELSH_DATA = DATA / "cy"
GLOSSARY = WELSH_DATA / "glossary.yml"
STATUSES = ("draft", "reviewed")
# Front matter that is words, translated; every other key keeps its English value.
PAGE_WORDS = frozenset({"title", "description", "summary"})
EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
HEADING_ID = re.compile(r"\{:[^}\n]*#([A-Za-z][\w-]*)[^}\n]*\}")
# Keys whose text is words even when it is one lowercase word (search keywords, "am", "pm"): translated.
WORD_KEYS = frozenset({"keywords", "region", "midday", "midnight", "am", "pm", "members"})
# The field reference's words (words.yml, field_reference:): "yes", "no", "section", "text", "float" are words.
WORD_KEYS = WORD_KEYS | {"yes", "no", "BaseModel", "str", "float"}
KEEP = re.compile(
    r"^(?:[a-z0-9]+(?:[-_][a-z0-9]+)*"        # an id, a slug or a closed-list value
    r"|https://\S+|mailto:\S+|tel:\S+"        # an address
    r"|[^@\s]+@[^@\s]+\.[a-z]+"               # an email address
    r"|[+0-9][0-9 ]{5,}"                      # a phone number
    r"|material/[a-z0-9-]+"                   # an icon
    r")$"
)


# The project's words a Welsh site prints (a council in Wales): each needs its Welsh file.
WELSH_DATA_NEEDED = ("words.yml", "questions.yml", "abbreviations.md", "nations/wales.yml", "entitlements/wales.yml",
                     "national/wales.yml", "care_leaver_groups/wales.yml")
WELSH_DATA_NEEDED += ("fields.yml",)   # the field reference's descriptions (field_problems)


@dataclass(frozen=True)
class Draft:
    path: str      # relative to the project
    status: str    # draft | reviewed | missing (no `translation:` line)


def welsh_page(english: Path) -> Path:
    return english.with_name(f"{english.stem}.cy{english.suffix}")


def english_pages() -> list[Path]:
    """Every page of the site in English (docs/**/*.md that is not itself a translation)."""
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".cy.md"))


def welsh_pages() -> list[Path]:
    return sorted(DOCS.rglob("*.cy.md"))


def welsh_data_files() -> list[Path]:
    return sorted(p for p in WELSH_DATA.rglob("*") if p.is_file() and p.suffix in (".yml", ".md") and p != GLOSSARY)


def english_data_file(welsh: Path) -> Path:
    return DATA / welsh.relative_to(WELSH_DATA)


def welsh_data_file(relative: str | Path) -> Path:
    """The Welsh file for `relative` (a path under macros/data/)."""
    return WELSH_DATA / relative


def front_matter(text: str) -> tuple[dict, str]:
    """A page's front matter (read as the page checks read it) and its body."""
    from .page_checks import _front_matter

    meta, lines = _front_matter(text)
    return meta, (text.split("---", 2)[2] if lines else text)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT))
    except ValueError:
        return str(path)


def page_problems(english: Path, welsh: Path) -> list[str]:
    """What a Welsh page changed that a translation must keep as it is."""
    en_meta, en_body = front_matter(english.read_text(encoding="utf-8"))
    cy_meta, cy_body = front_matter(welsh.read_text(encoding="utf-8"))
    where = _rel(welsh)
    problems = []
    if cy_meta.get("translation") not in STATUSES:
        problems.append(f"{where}: front matter needs `translation: draft` (or `reviewed` once a Welsh speaker signed it off)")
    for key in sorted(set(en_meta) | set(cy_meta) - {"translation"}):
        if key not in cy_meta:
            problems.append(f"{where}: front matter has no {key!r} (the English page has it)")
        elif key not in en_meta:
            problems.append(f"{where}: front matter has {key!r}, which the English page has not")
        elif key not in PAGE_WORDS and en_meta[key] != cy_meta[key]:
            problems.append(f"{where}: front matter {key!r} must stay {en_meta[key]!r} (it is not words)")
    en_calls = [" ".join(e.split()) for e in EXPRESSION.findall(en_body)]
    cy_calls = [" ".join(e.split()) for e in EXPRESSION.findall(cy_body)]
    if en_calls != cy_calls:
        missing = [c for c in en_calls if c not in cy_calls]
        extra = [c for c in cy_calls if c not in en_calls]
        detail = f"missing {missing[:3]}" if missing else (f"not in English {extra[:3]}" if extra else "in another order")
        problems.append(f"{where}: its {{{{ … }}}} must be the English page's, in the same order — {detail}")
    if numbers(EXPRESSION.sub("", en_body)) != numbers(EXPRESSION.sub("", cy_body)):
        en_n, cy_n = numbers(EXPRESSION.sub("", en_body)), numbers(EXPRESSION.sub("", cy_body))
        problems.append(f"{where}: must have the English page's figures: missing {sorted(set(en_n) - set(cy_n))}, "
                        f"extra {sorted(set(cy_n) - set(en_n))} (a fact never changes in translation)")
    en_ids, cy_ids = HEADING_ID.findall(en_body), HEADING_ID.findall(cy_body)
    if sorted(en_ids) != sorted(cy_ids):
        problems.append(f"{where}: heading ids must be the English page's: missing {sorted(set(en_ids) - set(cy_ids))}, "
                        f"extra {sorted(set(cy_ids) - set(en_ids))}")
    return problems


NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def numbers(text: str) -> list[str]:
    """The figures in a text (amounts, ages, dates, section numbers), in order of size: a translation keeps them all."""
    return sorted(NUMBER.findall(text))


def _walk(en: Any, cy: Any, where: str, key: str = "") -> Iterator[str]:
    if isinstance(en, dict):
        if not isinstance(cy, dict):
            yield f"{where}: must be a mapping, as in English"
            return
        for key in en:
            if key not in cy:
                yield f"{where}.{key}: missing (the English file has it)"
        for key in cy:
            if key not in en and not (where == "" and key == "translation"):
                yield f"{where}.{key}: not in the English file"
        for key in en:
            if key in cy:
                yield from _walk(en[key], cy[key], f"{where}.{key}", str(key))
    elif isinstance(en, list) and key in WORD_KEYS:   # search keywords: as many as the Welsh needs
        if not isinstance(cy, list) or not all(isinstance(word, str) for word in cy):
            yield f"{where}: must be a list of words"
    elif isinstance(en, list):
        if not isinstance(cy, list) or len(cy) != len(en):
            yield f"{where}: must be a list of {len(en)}, as in English"
            return
        for number, (a, b) in enumerate(zip(en, cy)):
            yield from _walk(a, b, f"{where}[{number}]", key)
    elif isinstance(en, str):
        if not isinstance(cy, str):
            yield f"{where}: must be text"
        elif key not in WORD_KEYS and KEEP.match(en.strip()) and en.strip() != cy.strip():
            yield f"{where}: must stay {en.strip()!r} (an id, address or closed-list value, not words)"
        elif en.count("{{") != cy.count("{{"):
            yield f"{where}: keep every {{{{ … }}}} of the English"
        elif numbers(en) != numbers(cy):
            yield f"{where}: must have the English's numbers {numbers(en)}, not {numbers(cy)} (a fact never changes in translation)"
    elif isinstance(en, (bool, int, float, date)) or en is None:
        if en != cy:
            yield f"{where}: must stay {en!r}"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def data_problems(welsh: Path) -> list[str]:
    """What a Welsh data file changed that a translation must keep as it is."""
    english = english_data_file(welsh)
    where = _rel(welsh)
    if not english.is_file():
        return [f"{where}: there is no English file {_rel(english)} for it to translate"]
    if welsh.suffix == ".md":   # the abbreviations: the same abbreviations, explained in Welsh
        en_abbr = re.findall(r"^\*\[([^\]]+)\]:", english.read_text(encoding="utf-8"), re.M)
        cy_abbr = re.findall(r"^\*\[([^\]]+)\]:", welsh.read_text(encoding="utf-8"), re.M)
        return [f"{where}: must not explain {a!r}, which is not in {_rel(english)}" for a in cy_abbr if a not in en_abbr]
    cy = load_yaml(welsh)
    problems = []
    if not isinstance(cy, dict) or cy.get("translation") not in STATUSES:
        problems.append(f"{where}: needs `translation: draft` at the top (or `reviewed` once a Welsh speaker signed it off)")
    problems += [f"{where}{p}" if p.startswith(":") else f"{where}: {p.lstrip('.')}" for p in _walk(load_yaml(english), cy, "")]
    return problems


def status(path: Path) -> str:
    if path.suffix == ".md" and path.is_relative_to(DOCS):
        value = front_matter(path.read_text(encoding="utf-8"))[0].get("translation")
    elif path.suffix == ".yml":
        loaded = load_yaml(path)
        value = loaded.get("translation") if isinstance(loaded, dict) else None
    else:
        return "reviewed"   # a snippet (abbreviations) is reviewed with the pages that use it
    return value if value in STATUSES else "missing"


def drafts() -> list[Draft]:
    """Every Welsh page and data file not yet reviewed by a Welsh speaker."""
    found = [Draft(_rel(p), status(p)) for p in [*welsh_pages(), *welsh_data_files(), GLOSSARY] if p.is_file()]
    return [d for d in found if d.status != "reviewed"]


@lru_cache(maxsize=1)
def glossary() -> dict:
    return load_yaml(GLOSSARY)


def avoided_words() -> dict[str, str]:
    """Each word the glossary says to avoid → the term to use instead (and its plural)."""
    return {word: term["cy"] + (f" / {term['plural']}" if "plural" in term else "")
            for term in glossary()["terms"] for word in term.get("avoid", [])}


def allowed_phrases() -> list[str]:
    """Official titles that contain a word to avoid (the law's own Welsh title): written as they are."""
    return [phrase for term in glossary()["terms"] for phrase in term.get("allow", [])]


def glossary_problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    for phrase in allowed_phrases():   # kept the same length, so lines are counted as they are
        text = text.replace(phrase, " " * len(phrase))
    problems = []
    for word, use in avoided_words().items():
        pattern = re.compile(rf"(?<![\w']){re.escape(word)}(?![\w'])", re.I if not word.isupper() else 0)
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{_rel(path)}:{line}: {word!r} — the glossary's term is {use!r} (macros/data/cy/glossary.yml)")
    return problems


def problems() -> list[str]:
    """Everything wrong with the Welsh translation as it stands (tests; `python -m macros translations`)."""
    found: list[str] = []
    for welsh in welsh_pages():
        english = welsh.with_name(welsh.name.replace(".cy.md", ".md"))
        if not english.is_file():
            found.append(f"{_rel(welsh)}: there is no English page {_rel(english)} for it to translate")
            continue
        found += page_problems(english, welsh)
    for welsh in welsh_data_files():
        if welsh.relative_to(WELSH_DATA) != Path(FIELDS):   # its English is the schema: field_problems
            found += data_problems(welsh)
    found += field_problems()
    for path in [*welsh_pages(), *welsh_data_files()]:
        found += glossary_problems(path)
    return found


# --- the editors' field reference in Welsh (macros/data/cy/fields.yml) ----------------------------------

FIELDS = "fields.yml"
WELSH_FIELDS = WELSH_DATA / FIELDS


def field_problems(welsh: Path | None = None) -> list[str]:
    """cy/fields.yml describes exactly the fields the schema has (the paths of fields.rows()), each in words
    that keep the English description's figures. Its English is the schema's `Field(description=...)`."""
    from .fields import rows
    from .schema import CouncilFile

    welsh = welsh or WELSH_FIELDS
    if not welsh.is_file():
        return []   # `check` asks for it when a council publishes in Welsh (WELSH_DATA_NEEDED)
    where = _rel(welsh) if welsh.is_relative_to(PROJECT) else str(welsh)
    loaded = load_yaml(welsh)
    if not isinstance(loaded, dict) or loaded.get("translation") not in STATUSES:
        return [f"{where}: needs `translation: draft` at the top (or `reviewed` once a Welsh speaker signed it off)"]
    described = loaded.get("fields")
    if not isinstance(described, dict):
        return [f"{where}: needs `fields:`, each field's path with its description in Welsh"]
    english = {path: meaning for path, _, _, meaning, _ in rows(CouncilFile)}
    problems = [f"{where}: fields.{path}: missing (the schema has this field)" for path in english if path not in described]
    problems += [f"{where}: fields.{path}: not a field of the schema" for path in described if path not in english]
    for path, text in described.items():
        if path not in english:
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: fields.{path}: needs its description in Welsh")
        elif numbers(english[path]) != numbers(text):
            problems.append(f"{where}: fields.{path}: must have the English's numbers {numbers(english[path])}, "
                            f"not {numbers(text)} (a fact never changes in translation)")
    return problems


# --- what `check` says about a council's languages ------------------------------------------------------

def council_problems(council, where, label: str) -> list:
    """Errors for a council's languages: Welsh outside Wales, and each text missing in a declared language
    (or written in one the council does not declare); then the Welsh drafts, listed (notices) or, with
    `publish_draft_translations: false`, warnings that a strict check or build refuses."""
    from .language import NAMES, Localised, localised_texts
    from .problems import Problem, field_name

    declared = [language.value for language in council.languages]
    problems = []

    def report(path, message, severity="error"):
        line, column = where(path)
        problems.append(Problem(label, line, column, field_name(path), message, severity))

    if len(set(declared)) != len(declared):
        report(("languages",), "a language is listed twice — list each once, such as [en, cy]")
    if "en" not in declared:
        report(("languages",), "the site must have English as well — write [en, cy] or [cy, en]")
    if "cy" in declared and council.council.nation.value != "wales":
        report(("languages",), "Welsh pages are written for councils in Wales only (they tell young people "
               "Wales's rights) — take cy out of languages")
    for path, value, is_name in localised_texts(council):
        if isinstance(value, Localised):
            for language in value.texts:
                if language not in declared:
                    report((*path, language), f"this is written in {NAMES[language]}, which languages does not list — "
                           f"add {language} to languages, or take this line out")
            for language in declared:
                if language not in value.texts:
                    report(path, f"there is no {NAMES[language]} text here — add '{language}: …' under it")
        elif len(declared) > 1 and not is_name:
            missing = " and ".join(f"'{language}: …'" for language in declared)
            report(path, f"this is written once, but the site is in {' and '.join(NAMES[l] for l in declared)} — "
                   f"write it in each, on lines {missing} under it")
    if "cy" in declared:
        for english in english_pages():
            if "admin" not in english.relative_to(DOCS).parts and not welsh_page(english).is_file():
                problems.append(Problem(_rel(english), 1, 1, "translation", f"this page has no Welsh page, and the "
                                        f"site is in Welsh too — translate it into {_rel(welsh_page(english))}"))
        for relative in WELSH_DATA_NEEDED:
            if not (WELSH_DATA / relative).is_file():
                problems.append(Problem(f"macros/data/{relative}", 1, 1, "translation", "the Welsh site needs this "
                                        f"file in Welsh — translate it into macros/data/cy/{relative}"))
        severity = "notice" if council.publish_draft_translations else "warning"
        for draft in drafts():
            path = PROJECT / draft.path
            line = next((n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                         if text.startswith("translation:")), 1)
            problems.append(Problem(draft.path, line, 1, "translation",
                                    "a Welsh speaker has not reviewed this translation yet (translation: draft) — "
                                    "when one has, set translation: reviewed", severity))
    return problems
