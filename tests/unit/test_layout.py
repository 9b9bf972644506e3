"""The shape of the code: templates only print, words live in data, no council is written into the engine."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from macros.reader import read_yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "macros" / "templates").glob("*.html"))
OVERRIDES = sorted((ROOT / "overrides").rglob("*.html")) + sorted((ROOT / "overrides").rglob("*.xml"))
TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.S)
STRING_METHODS = ("startswith", "endswith", "find", "index", "split", "lower", "upper", "strip", "replace",
                  "format", "isoformat", "strftime", "islower", "isupper", "capitalize", "join", "count")


def tags(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(text[: m.start()].count("\n") + 1, m.group(1) or m.group(2)) for m in TAG.finditer(text)]


def logic_in(tag: str) -> str | None:
    if re.search(r"""(==|!=)\s*["']|["']\s*(==|!=)""", tag):
        return "a string comparison"
    if re.search(r"\[\s*-?\d*\s*:", tag):
        return "a slice"
    method = re.search(r"\.(%s)\s*\(" % "|".join(STRING_METHODS), tag)
    if method:
        return f"a string method ({method.group(1)})"
    return None


@pytest.mark.parametrize("path", TEMPLATES + OVERRIDES, ids=lambda p: str(p.relative_to(ROOT)))
def test_templates_and_overrides_hold_no_string_logic(path):
    found = [f"{path.relative_to(ROOT)}:{line}: {what}" for line, tag in tags(path) if (what := logic_in(tag))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_component_templates_only_print_what_views_give(path):
    """No lookups and no calls back into Python: only template macros (time, the statement's parts) are called."""
    found = []
    for line, tag in tags(path):
        if re.search(r"\w\[", tag):
            found.append(f"{path.name}:{line}: a lookup: {tag.strip()}")
        for call in re.findall(r"([A-Za-z_][\w.]*)\s*\(", tag):
            if call not in ("time", "macro") and not tag.strip().startswith("macro"):
                found.append(f"{path.name}:{line}: a call to {call}(): {tag.strip()}")
    assert not found, "\n".join(found)


def test_the_logic_check_finds_logic():
    assert logic_in(' page.url[:13] == "young-people/" ')
    assert logic_in(" name.lower() ")
    assert logic_in(" x[1:] ")
    assert logic_in(" card.title ") is None


NATION_AGES = re.compile(r"\b(?:18 to 2[1-6]|(?:up to|until|under)(?: the age of| you are| they are)? 2[1-6])\b")


def site_text_files() -> list[Path]:
    """Every page (the handbook's included: each nation's own words are in macros/data/handbook/),
    template and override."""
    return [ROOT / "mkdocs.yml", *TEMPLATES, *OVERRIDES, *sorted((ROOT / "docs").rglob("*.md"))]


def test_nation_specific_ages_come_from_the_nations_data():
    found = []
    for path in site_text_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if NATION_AGES.search(line) or re.search(r"nation\s*==", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:120]}")
    assert not found, "write these with {{ nation.… }} from macros/data/nations/:\n" + "\n".join(found)


ONE_NATIONS_WORDS = re.compile(r"Ofsted|Virtual School Head|Staying Put|Pupil Premium|Children Act 1989|"
                               r"Local Government and Social Care Ombudsman|Help at Hand|Independent Reviewing Officer|"
                               r"Care Inspectorate|Children's Hearing|RQIA|\bEngland\b|\bWales\b|\bScotland\b")


def test_one_nations_words_come_from_the_nations_data():
    """No page, template or override names one nation's bodies, roles or laws: they come from macros/data/."""
    found = []
    for path in site_text_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if ONE_NATIONS_WORDS.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:120]}")
    assert not found, "take these from macros/data/nations/ ({{ nation.… }}):\n" + "\n".join(found)


def council_names() -> set[str]:
    names = set()
    for path in [ROOT / "council.yml", *sorted((ROOT / "tests" / "fixtures").glob("*.yml"))]:
        council = read_yaml(path).data["council"]
        names |= {council["name"], council["short_name"]}
    return names


def test_no_council_is_written_into_the_engine():
    allowed = ("council.yml", "README.md")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    names = council_names()
    assert len(names) >= 2
    found = []
    for name in tracked:
        if name in allowed or name.startswith("tests/fixtures/") or name.startswith("tests/bad/"):
            continue
        path = ROOT / name
        if not path.is_file() or path.suffix not in (".py", ".md", ".yml", ".yaml", ".html", ".xml", ".js", ".css", ".toml", ".json", ""):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{name}: {council}" for council in names if council in text]
    assert not found, "council names belong in council.yml and tests/fixtures/ only:\n" + "\n".join(found)


def test_young_peoples_pages_name_the_corporate_parent_from_the_nations_data():
    """In Northern Ireland the corporate parent is a Trust, with a board, not a council with councillors."""
    from macros import nations

    assert nations.facts("northern-ireland").corporate_parent == "the Trust"
    assert "Trust" in nations.facts("northern-ireland").leaders and "councillor" not in nations.facts("northern-ireland").leaders
    found = []
    for path in sorted((ROOT / "docs" / "young-people").rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"(?i)\bcouncillors?\b|\bthe (whole )?council\b", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == [], "use {{ nation.corporate_parent }} or {{ council.name }}:\n" + "\n".join(found)
