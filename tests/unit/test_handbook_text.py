"""The handbook follows the nation: every nation answers each passage a page asks for, in its own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import handbook, nations
from macros.problems import DataError
from macros.schema import Nation
from nation_words import OWN_WORDS, others_words

ROOT = Path(__file__).resolve().parents[2]
NATIONS = [n.value for n in Nation]


def data_files(nation: str) -> list[Path]:
    return sorted((handbook.DATA / nation).rglob("*.yml"))


def test_every_nation_answers_every_passage_and_no_more():
    assert handbook.check_handbook_data() == []


def test_pages_ask_for_passages():
    asked = [page for page in handbook.pages() if handbook.calls(page)]
    if not asked:
        pytest.skip("no handbook page asks for a nation's passage")
    for nation in NATIONS:
        assert len(data_files(nation)) == len(asked)


@pytest.mark.parametrize("page", handbook.pages(), ids=lambda p: str(p.relative_to(ROOT / "docs")))
def test_a_passage_stands_on_a_line_of_its_own(page):
    """A passage is Markdown of several lines: asked for mid-line or indented, it would break the page."""
    text = page.read_text(encoding="utf-8").splitlines()
    found = [f"{page.name}:{line}" for line, column, _ in handbook.calls(page)
             if column != 1 or text[line - 1].strip() != text[line - 1][column - 1:].strip()]
    assert not found, "put {{ handbook('…') }} alone at the start of a line: " + ", ".join(found)


@pytest.mark.parametrize("nation", NATIONS)
def test_a_nations_passages_name_no_other_nations_bodies_or_laws(nation):
    found = []
    for path in data_files(nation):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [f"{path.relative_to(ROOT)}:{number}: {w}" for w in others_words(nation, line)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("nation", NATIONS)
def test_a_nations_terms_name_no_other_nations_bodies_or_laws(nation):
    terms = nations.facts(nation).terms.model_dump(exclude={"source", "checked_on"})
    assert others_words(nation, " | ".join(terms.values())) == []


def test_a_missing_passage_names_the_file_and_the_fix():
    with pytest.raises(KeyError, match=r"macros/data/handbook/wales/what-is-corporate-parenting.yml has no passage 'nope'"):
        handbook.passage("wales", "handbook/what-is-corporate-parenting.md", "nope")


def test_a_missing_file_names_the_file_to_write():
    with pytest.raises(DataError) as err:
        handbook.text("scotland", "handbook/no-such-page.md")
    assert "write macros/data/handbook/scotland/no-such-page.yml" in str(err.value.problems[0])


def test_the_words_lists_catch_each_nations_words():
    assert OWN_WORDS["scotland"].search("the Care Inspectorate") and not OWN_WORDS["scotland"].search("Care Inspectorate Wales")
    assert others_words("wales", "Ofsted and RQIA") == ["england: Ofsted", "northern-ireland: RQIA"]


@pytest.mark.parametrize("nation", NATIONS)
def test_heading_ids_are_written_so_jinja_leaves_them_alone(nation):
    """`{#id}` opens a Jinja comment in a passage with macros: write `{: #id }`, as on the pages."""
    found = [f"{path.relative_to(ROOT)}:{number}" for path in data_files(nation)
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "{#" in line]
    assert not found, "write heading ids as {: #id }: " + ", ".join(found)
