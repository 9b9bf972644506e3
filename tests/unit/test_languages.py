"""A council's languages (issue 15): texts written in English and Welsh, what `check` says about them, the
language being built, and the Welsh translation of the project's own words (macros/translations.py)."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from macros import language, translations
from macros.__main__ import main
from macros.check import check, errors
from macros.language import Localised, in_language, using
from macros.problems import DataError
from macros.schema import Contact
from macros.words import words
from sites import FERNLEIGH, WALES, english_only

BILINGUAL = WALES.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "council.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), start=1) if needle in row)


def problems_of(path: Path, strict: bool = False):
    return check(path, strict=strict, docs=None)[1]


def test_the_welsh_fixture_is_bilingual_and_valid():
    council, problems = check(WALES, docs=None)
    assert errors(problems) == []
    assert [item.value for item in council.languages] == ["en", "cy"]
    texts = list(language.localised_texts(council))
    assert sum(isinstance(value, Localised) for _, value, _ in texts) >= 25


def test_a_missing_welsh_text_is_an_error_at_its_place(tmp_path):
    cy = "      cy: Mae dy weithiwr cymdeithasol yn y tîm hwn.\n"
    assert cy in BILINGUAL
    text = BILINGUAL.replace(cy, "", 1)
    path = write(tmp_path, text)
    found = [p for p in errors(problems_of(path)) if p.field == "contacts[0].what_they_do"]
    assert len(found) == 1
    line = line_of(text, "what_they_do:")
    assert (found[0].line, found[0].column) == (line, 5)
    assert "no Cymraeg text here" in found[0].message and "'cy: …'" in found[0].message
    assert str(found[0]).startswith(f"{path}:{line}:5: contacts[0].what_they_do: ")


def test_each_missing_welsh_text_is_its_own_error(tmp_path):
    welsh_lines = [row for row in BILINGUAL.splitlines(keepends=True) if row.lstrip().startswith("cy: ")]
    assert len(welsh_lines) >= 25
    text = BILINGUAL
    for row in welsh_lines[:3]:
        text = text.replace(row, "", 1)
    found = errors(problems_of(write(tmp_path, text)))
    assert len(found) == 3 and len({(p.line, p.column) for p in found}) == 3
    assert all("Cymraeg" in p.message for p in found)


def test_a_text_written_once_on_a_bilingual_site_is_an_error(tmp_path):
    text = BILINGUAL.replace("  how_tested:\n    en: Every page was checked with an automated tool and by keyboard.\n"
                             "    cy: Cafodd pob tudalen ei gwirio gydag offeryn awtomatig a gyda bysellfwrdd.\n",
                             "  how_tested: Every page was checked with an automated tool and by keyboard.\n", 1)
    assert text != BILINGUAL
    found = errors(problems_of(write(tmp_path, text)))
    assert [(p.field, p.line) for p in found] == [("accessibility.how_tested", line_of(text, "how_tested:"))]
    assert "written once" in found[0].message and "'en: …' and 'cy: …'" in found[0].message


def test_a_name_may_be_written_once():
    assert isinstance(yaml.safe_load(BILINGUAL)["council"]["short_name"], str)   # written once, and valid
    assert errors(problems_of(WALES)) == []


def test_welsh_on_an_english_only_site_is_an_error(tmp_path):
    text = BILINGUAL.replace("languages: [en, cy]\n", "", 1)
    found = errors(problems_of(write(tmp_path, text)))
    assert found and all("languages does not list" in p.message for p in found)
    assert all(p.field.endswith(".cy") for p in found)


def test_welsh_outside_wales_is_an_error(tmp_path):
    text = BILINGUAL.replace("nation: wales", "nation: england", 1).replace("kind: welsh-county-borough", "kind: county", 1)
    found = errors(problems_of(write(tmp_path, text)))
    assert [p.field for p in found] == ["languages"]
    assert "councils in Wales only" in found[0].message


def test_an_unknown_language_is_an_error_with_its_place(tmp_path):
    text = BILINGUAL.replace("      cy: Mae dy weithiwr", "      fr: Mae dy weithiwr", 1)
    found = errors(problems_of(write(tmp_path, text)))
    assert len(found) == 1 and "'fr' is not a language of the site" in found[0].message
    assert found[0].line == line_of(text, "what_they_do:") or found[0].line == line_of(text, "fr: Mae")


def test_an_english_only_council_is_as_it_was():
    council, problems = check(FERNLEIGH, docs=None)
    assert errors(problems) == [] and [item.value for item in council.languages] == ["en"]
    assert in_language(council, "en") is council and in_language(council, "cy") is council
    assert not any(p.field == "translation" for p in problems)   # no Welsh drafts listed for it


def test_in_language_gives_plain_text_in_the_language_built():
    council, _ = check(WALES, docs=None)
    welsh, english = in_language(council, "cy"), in_language(council, "en")
    assert welsh.contacts[0].what_they_do == "Mae dy weithiwr cymdeithasol yn y tîm hwn."
    assert english.contacts[0].what_they_do == "Your social worker is part of this team."
    assert type(welsh.contacts[0].what_they_do) is str
    assert council.contacts[0].what_they_do == "Your social worker is part of this team."   # read as English
    assert welsh.pledge.title == "Ein haddewidion i ti" and english.pledge.title == "Our promises to you"


def test_a_text_in_two_languages_is_checked_as_text_in_each():
    with pytest.raises(Exception, match="cy: this is empty"):
        Contact.model_validate({"role": "advocacy", "name": "T", "phone": "0800 123 4567",
                                "what_they_do": {"en": "Helps", "cy": ""}})
    made = Contact.model_validate({"role": "advocacy", "name": "T", "phone": "0800 123 4567",
                                   "what_they_do": {"en": " Helps ", "cy": "Helpu"}})
    assert made.what_they_do.texts == {"en": "Helps", "cy": "Helpu"}


def test_drafts_are_listed_and_can_be_refused(tmp_path):
    _, problems = check(WALES, docs=None)
    listed = [p for p in problems if p.field == "translation"]
    assert {p.file for p in listed} == {d.path for d in translations.drafts()}
    assert listed and all(p.severity == "notice" for p in listed)
    assert any(p.file == "docs/young-people/index.cy.md" for p in listed)
    refusing = write(tmp_path, BILINGUAL.replace("languages: [en, cy]\n",
                                                 "languages: [en, cy]\npublish_draft_translations: false\n", 1))
    assert {p.severity for p in problems_of(refusing) if p.field == "translation"} == {"warning"}
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        assert main(["check", str(refusing)]) == 0
        assert main(["check", "--strict", str(refusing)]) == 1
    assert "docs/young-people/index.cy.md" in err.getvalue() and "translation: draft" in err.getvalue()


def test_a_welsh_site_needs_every_page_in_welsh(tmp_path, monkeypatch):
    pledge = translations.DOCS / "young-people" / "pledge.md"
    real = translations.welsh_page
    monkeypatch.setattr(translations, "welsh_page", lambda p: tmp_path / "gone.cy.md" if p == pledge else real(p))
    found = [p for p in errors(problems_of(WALES)) if p.field == "translation"]
    assert [(p.file, p.message.split(" —")[0]) for p in found] == \
        [("docs/young-people/pledge.md", "this page has no Welsh page, and the site is in Welsh too")]


def test_the_language_being_built_reaches_the_words():
    assert words()["theme"]["exit_this_page"] == "Exit this page"
    with using("cy"):
        assert language.current() == "cy" and language.root() == "cy/"
        assert words()["theme"]["exit_this_page"] == "Gadael y dudalen hon"
        assert words()["months"][2] == "Mawrth"
    assert language.current() == "en" and language.root() == "" and words()["months"][2] == "March"


def test_a_missing_welsh_file_is_named():
    with pytest.raises(DataError, match=r"macros/data/cy/nations/scotland.yml.*no Cymraeg translation"):
        language.data_file("nations/scotland.yml", "cy")


# --- the translation keeps what it must keep ------------------------------------------------------------

def test_the_welsh_translation_keeps_everything_it_must():
    assert translations.problems() == []


def test_every_english_page_has_its_welsh_page_and_every_welsh_page_a_status():
    english = [p for p in translations.english_pages() if "admin" not in p.parts]
    assert len(english) >= 50
    assert [p for p in english if not translations.welsh_page(p).is_file()] == []
    assert {translations.status(p) for p in translations.welsh_pages()} <= {"draft", "reviewed"}


def test_the_check_finds_what_a_translator_must_not_change(tmp_path):
    en = write(tmp_path, "---\ntitle: Help\nsources: [a]\n---\n\n# Help {: #help }\n\nCall {{ council.phone }} "
                         "before 5 May 2027.\n", "page.md")
    good = write(tmp_path, "---\ntitle: Help\nsources: [a]\ntranslation: draft\n---\n\n# Help {: #help }\n\n"
                           "Ffonia {{ council.phone }} cyn 5 Mai 2027.\n", "page.cy.md")
    assert translations.page_problems(en, good) == []
    for broken, why in [
        (good.read_text().replace("{{ council.phone }}", "{{ council.email }}"), "{{ … }}"),
        (good.read_text().replace("2027", "2028"), "figures"),
        (good.read_text().replace("{: #help }", "{: #helpu }"), "heading ids"),
        (good.read_text().replace("sources: [a]", "sources: [b]"), "'sources' must stay"),
        (good.read_text().replace("translation: draft\n", ""), "translation: draft"),
    ]:
        bad = write(tmp_path, broken, "bad.cy.md")
        assert any(why in p for p in translations.page_problems(en, bad)), why
    english = {"items": [{"id": "money", "amount": 2000, "name": "Money", "keywords": ["cash"]}]}
    assert list(translations._walk(english, {"items": [{"id": "money", "amount": 2000, "name": "Arian",
                                                        "keywords": ["arian", "pres"]}]}, "")) == []
    assert any("must stay 'money'" in p for p in translations._walk(
        english, {"items": [{"id": "arian", "amount": 2000, "name": "Arian", "keywords": []}]}, ""))
    assert any("must stay 2000" in p for p in translations._walk(
        english, {"items": [{"id": "money", "amount": 200, "name": "Arian", "keywords": []}]}, ""))
    assert any("list of 1" in p for p in translations._walk(english, {"items": []}, ""))


def test_the_glossary_words_to_avoid_are_found(tmp_path):
    page = write(tmp_path, "Mae plant mewn gofal yn cael help.\nRheoliadau Ymadawyr Gofal (Cymru) 2015\n", "x.cy.md")
    found = translations.glossary_problems(page)
    assert len(found) == 1 and ":1: 'plant mewn gofal'" in found[0]   # an official title is allowed


def test_the_glossary_has_the_terms_the_issue_names():
    terms = {term["cy"] for term in yaml.safe_load(translations.GLOSSARY.read_text(encoding="utf-8"))["terms"]}
    plurals = {term.get("plural") for term in yaml.safe_load(translations.GLOSSARY.read_text(encoding="utf-8"))["terms"]}
    for needed in ("rhiant corfforaethol", "eiriolwr", "Comisiynydd Plant Cymru"):
        assert needed in terms
    assert {"plant sy'n derbyn gofal", "pobl ifanc sy'n gadael gofal"} <= plurals


def test_the_english_only_helper_gives_the_fixture_as_an_english_council_writes_it():
    text = english_only(BILINGUAL)
    assert "languages:" not in text and "\n    cy: " not in text and "\n      cy: " not in text
    assert yaml.safe_load(text)["contacts"][0]["what_they_do"] == "Your social worker is part of this team."


def test_the_404_words_another_engine_prints_are_define_envs():
    """Zensical gives its theme only mkdocs.yml's extra: the placeholder there says what define_env would."""
    import macros
    from macros.council_file import load_council

    council, _ = load_council(FERNLEIGH)
    config = yaml.load((FERNLEIGH.parents[2] / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    placeholder = config["extra"]["not_found"]
    said = macros.not_found(council, "en")
    assert [{k: str(v) for k, v in item.items()} for item in said] == placeholder


def test_a_long_welsh_sentence_for_young_people_is_a_warning_at_its_line(tmp_path):
    short = "    cy: Ysgrifenna at y cynghorwyr sy'n gofalu amdanat ti.\n"
    assert short in BILINGUAL
    long = ("    cy: Ysgrifenna at y cynghorwyr sy'n gofalu amdanat ti ac sy'n gwneud penderfyniadau am dy fywyd "
            "bob dydd yn y cyngor a thu hwnt i'r cyngor mewn llawer o leoedd gwahanol iawn heddiw.\n")
    text = BILINGUAL.replace(short, long, 1)
    found = [p for p in problems_of(write(tmp_path, text)) if p.field.endswith(".cy")]
    assert [(p.field, p.line, p.severity) for p in found] == \
        [("young_people.dear_corporate_parent.how.cy", line_of(text, "bob dydd yn y cyngor"), "warning")]
    assert "words long" in found[0].message
    assert [p for p in problems_of(WALES) if p.field.endswith(".cy")] == []
