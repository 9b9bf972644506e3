"""The editors' field reference in Welsh (macros/fields.py field_reference()).

English: the table's words come from words.yml (field_reference:) and each field's meaning from the schema,
exactly as before. Welsh: the words come from cy/words.yml and each meaning from macros/data/cy/fields.yml;
`translations.field_problems` checks that file names exactly the schema's fields and keeps their figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from macros import fields, language, translations
from macros.fields import field_reference, rows
from macros.problems import DataError
from macros.schema import CouncilFile

ROOT = Path(__file__).resolve().parents[2]
WELSH_FIELDS = ROOT / "macros" / "data" / "cy" / "fields.yml"
WELSH_WORDS = ROOT / "macros" / "data" / "cy" / "words.yml"


def table(markdown: str) -> list[list[str]]:
    """The table's rows, each a list of its cells (a `|` inside a cell is written `\\|`)."""
    found = []
    for line in markdown.splitlines():
        cells = line.replace("\\|", "\0").strip().strip("|").split("|")
        found.append([cell.strip().replace("\0", "|") for cell in cells])
    return found


def welsh_descriptions() -> dict[str, str]:
    return yaml.safe_load(WELSH_FIELDS.read_text(encoding="utf-8"))["fields"]


def english_descriptions() -> dict[str, str]:
    return {name: getattr(info, "description") for name, info in _fields(CouncilFile)}


def _fields(model, prefix=""):
    """Every field of the schema with its path, walked here independently of fields.rows()."""
    import typing

    from pydantic import BaseModel

    def models(annotation):
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return [(annotation, False)]
        found = []
        for arg in typing.get_args(annotation):
            found += [(m, is_list or origin is list) for m, is_list in models(arg)]
        return found

    for name, info in model.model_fields.items():
        yield f"{prefix}{name}", info
        for sub, is_list in models(info.annotation):
            yield from _fields(sub, f"{prefix}{name}[]." if is_list else f"{prefix}{name}.")


def test_the_english_table_is_as_before_with_the_schemas_descriptions():
    lines = table(field_reference())
    assert lines[0] == ["Field", "Type", "Required", "What it means", "Example"]
    assert lines[1] == ["---"] * 5
    english = english_descriptions()
    body = lines[2:]
    assert [row[0] for row in body] == [f"`{path}`" for path in english]
    for row in body:
        assert row[3] == english[row[0].strip("`")].replace("\n", " ")
        assert row[2] in ("yes", "no")
    reference = field_reference()
    assert "| `contacts[].role` | one of: `director_of_childrens_services`" in reference
    assert "| `contacts` | list of section | yes |" in reference and "| `events` | list of section | no |" in reference
    assert "| `council.name` | text | yes |" in reference
    assert "| date (YYYY-MM-DD) |" in reference and "| whole number |" in reference
    assert "| true or false | no |" in reference and "default `False`" in reference


def test_the_welsh_table_has_welsh_words_and_every_welsh_description():
    with language.using("cy"):
        reference = field_reference()
    lines = table(reference)
    assert lines[0] == ["Maes", "Math", "Gofynnol", "Beth mae'n ei olygu", "Enghraifft"]
    welsh, english = welsh_descriptions(), english_descriptions()
    body = lines[2:]
    assert [row[0].strip("`") for row in body] == list(english)
    for row in body:
        path = row[0].strip("`")
        assert row[3] == welsh[path]
        assert row[2] in ("ydy", "nac ydy")
    left = [path for path, text in english.items() if text.replace("\n", " ") in reference]
    assert not left, f"English descriptions in the Welsh table: {left}"
    for english_word in ("| list of", "| section |", "| text |", "one of:", "| yes |", "| no |", "default `",
                         "whole number", "true or false"):
        assert english_word not in reference
    assert "| rhestr (adran) |" in reference and "| un o: `england`" in reference
    assert "rhagosodiad: `False`" in reference
    # the values an editor types stay as they are
    assert "`Anytown Borough Council`" in reference


def test_the_language_goes_back_to_english_after_welsh():
    english = field_reference()
    with language.using("cy"):
        field_reference()
    assert field_reference() == english


def test_a_welsh_build_without_a_description_stops_naming_the_field(monkeypatch):
    welsh = dict(welsh_descriptions())
    del welsh["contacts[].what_they_do"]
    monkeypatch.setattr(fields, "translated_descriptions", lambda: welsh)
    with language.using("cy"), pytest.raises(DataError, match=r"contacts\[\]\.what_they_do"):
        field_reference()


def test_the_welsh_descriptions_pass_the_parity_check():
    assert translations.field_problems() == []
    assert "fields.yml" in translations.WELSH_DATA_NEEDED
    assert not [p for p in translations.problems() if "cy/fields.yml" in p]


def _write(folder: Path, descriptions: dict) -> Path:
    path = folder / "fields.yml"
    path.write_text(yaml.safe_dump({"translation": "draft", "fields": descriptions}, allow_unicode=True),
                    encoding="utf-8")
    return path


def test_the_parity_check_names_a_missing_and_an_extra_path(tmp_path):
    welsh = dict(welsh_descriptions())
    del welsh["board.quorum"]
    welsh["board.colour"] = "Lliw'r bwrdd."
    found = translations.field_problems(_write(tmp_path, welsh))
    assert len(found) == 2, found
    assert any("board.quorum" in p and "missing" in p for p in found)
    assert any("board.colour" in p and "not a field" in p for p in found)


def test_the_parity_check_wants_words_and_the_english_figures(tmp_path):
    welsh = dict(welsh_descriptions())
    welsh["council.name"] = "  "
    welsh["performance.indicators[].values[].period"] = "Y flwyddyn neu'r cyfnod, fel 2024-25."
    found = translations.field_problems(_write(tmp_path, welsh))
    assert len(found) == 2, found
    assert any("council.name" in p and "description" in p for p in found)
    assert any("values[].period" in p and "2025" in p for p in found)


def test_problems_checks_the_welsh_fields_with_the_schema(monkeypatch, tmp_path):
    """problems() checks cy/fields.yml with field_problems, not against an English data file (it has none)."""
    welsh = dict(welsh_descriptions())
    del welsh["events[].place"]
    monkeypatch.setattr(translations, "WELSH_FIELDS", _write(tmp_path, welsh))
    found = [p for p in translations.problems() if "fields" in p]
    assert len(found) == 1 and "events[].place" in found[0] and "missing" in found[0], found


def test_the_reference_words_are_the_same_keys_in_both_languages():
    english = yaml.safe_load((ROOT / "macros" / "data" / "words.yml").read_text(encoding="utf-8"))["field_reference"]
    welsh = yaml.safe_load(WELSH_WORDS.read_text(encoding="utf-8"))["field_reference"]
    assert set(english) == set(welsh) and set(english["types"]) == set(welsh["types"])
    assert [r[0] for r in rows(CouncilFile)] == list(welsh_descriptions())
