"""Builds of whole sites from council files, read like a user would read them."""

from __future__ import annotations

import re
import subprocess

import pytest

from badfiles import bad_file, case
from macros.escape import long_date
from macros.council_file import load_council
from sites import FERNLEIGH, RELAXED_ENV, ROOT, WALES, html_pages, macro_problems, page_text, run_build, start_build, visible_text


@pytest.fixture(scope="module")
def example():
    return load_council(FERNLEIGH)[0]


def test_site_name_and_example_banner_come_from_data(example_site, example):
    home = page_text(example_site, "")
    assert example.council.example_data
    assert f"<title>{example.council.name}: corporate parenting</title>" in home
    assert "Example site." in home
    assert f"{example.council.name} is not a real council" in home


def test_board_terms_of_reference_from_data(example_site, example):
    text = visible_text(page_text(example_site, "strategy/board"))
    for label in ("Chair", "Membership", "Status", "What it can decide", "Reports to",
                  "Who reports into it", "How children's views are represented", "Quorum",
                  "How often it meets", "Next review of these terms"):
        assert label in text
    board = example.board
    for fact in [board.chair, board.quorum, board.meets, *board.membership, *board.powers]:
        assert fact in text
    assert long_date(board.review_date) in text  # 30 June 2027: dates in words


def test_contacts_page_lists_every_contact_with_links(example_site, example):
    council = example
    html = page_text(example_site, "contacts")
    for contact in council.contacts:
        assert f'id="contact-{contact.role.value}"' in html
        if contact.phone:
            digits = re.sub(r"\D", "", contact.phone)
            assert f'href="tel:+44{digits[1:]}"' in html or f'href="tel:{digits}"' in html
        if contact.email:
            assert f'href="mailto:{contact.email}"' in html


def test_local_facts_beside_guidance(example_site, example):
    governance = visible_text(page_text(example_site, "handbook/governance"))
    assert example.contact("lead_member").name in governance  # Councillor Priya Shah, Cabinet Member…
    assert example.board.meets in governance                   # Every two months…
    education = visible_text(page_text(example_site, "handbook/briefings/education"))
    assert example.contact("virtual_school_head").name in education


@pytest.mark.parametrize("site_fixture", ["example_site", "wales_site"])
def test_no_page_publishes_a_macro_error_or_raw_template(request, site_fixture):
    problems = macro_problems(request.getfixturevalue(site_fixture))
    assert problems == [], "\n".join(problems)


def test_second_council_shares_no_facts_with_the_example(wales_site, example):
    council = example
    facts = {council.council.name, council.council.short_name, council.council.website,
             council.board.chair, council.young_people.children_in_care_council.name}
    for contact in council.contacts:
        facts |= {contact.phone or "", contact.email or "", contact.web or ""}
        if "," in contact.name or council.council.short_name in contact.name:
            facts.add(contact.name)  # a person's or a place's name, not "Fostering"
    facts.discard("")
    for page in [*html_pages(wales_site), wales_site / "sitemap.xml"]:
        html = page.read_text(encoding="utf-8")
        for fact in facts:
            assert fact not in html, f"{fact!r} from the example council leaks into {page}"
    home = page_text(wales_site, "")
    assert load_council(WALES)[0].council.name in home  # the Welsh fixture's full name


def test_second_council_uses_its_nations_baseline(wales_site):
    text = visible_text(page_text(wales_site, "young-people/entitlements"))
    assert "The law in Wales" in text
    assert "The law in England" not in text


def test_sparse_council_says_what_is_missing(wales_site):
    wales, _ = load_council(WALES)
    text = visible_text(page_text(wales_site, "contacts"))
    assert wales.contact("social_care").name in text  # its children's services team
    assert wales.contact("fostering") is None
    involved = visible_text(page_text(wales_site, "handbook/getting-involved"))
    assert f"Fostering : {wales.council.name} has not published this contact yet" in involved


@pytest.mark.parametrize("fixture", [FERNLEIGH, WALES], ids=lambda p: p.name)
def test_no_council_specific_words_outside_the_data(fixture):
    council, _ = load_council(fixture)
    words = {council.council.short_name, council.council.name, council.council.website}
    for contact in council.contacts:
        words |= {contact.phone or "+", contact.email or "+"}
        if "," in contact.name:
            words.add(contact.name)
    words.discard("+")
    places = [ROOT / "mkdocs.yml", *(ROOT / "docs").rglob("*"), *(ROOT / "overrides").rglob("*"),
              *(ROOT / "macros").rglob("*")]
    for path in places:
        if path.is_file() and path.suffix in (".md", ".html", ".yml", ".py", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            for word in words:
                assert word not in text, f"{word!r} is typed into {path.relative_to(ROOT)}"


def test_bad_council_stops_the_build_cleanly_and_writes_nothing(tmp_path):
    out = tmp_path / "site"
    bad = case("bad-email")
    path = bad_file(bad.name, tmp_path)
    result = run_build(path, out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:{bad.line}:{bad.column}: {bad.field}:" in result.stderr  # …:35:5: contacts[2].email:
    assert not out.exists()


def test_failed_make_site_leaves_previous_site_alone(tmp_path):
    old = tmp_path / "site"
    old.mkdir()
    (old / "index.html").write_text("the good site", encoding="utf-8")
    result = subprocess.run(
        ["make", "--no-print-directory", "site", f"SITE_DIR={old}",
         f"COUNCIL_FILE={bad_file('bad-date', tmp_path)}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert (old / "index.html").read_text(encoding="utf-8") == "the good site"
    assert case("bad-date").field in result.stderr + result.stdout  # board.review_date


def test_strict_build_stops_on_warnings(tmp_path):
    warned = tmp_path / "warned.yml"
    text = FERNLEIGH.read_text(encoding="utf-8")
    warned.write_text(text.replace("      measure: Every young person who moves home gets a suitcase. We count them each month.\n", ""),
                      encoding="utf-8")
    # One meaning of strict: plain `mkdocs build --strict` (no environment variable) stops on a warning,
    # before anything is written; without --strict the warning is reported and the site is built.
    relaxed, strict = start_build(warned, tmp_path / "relaxed", RELAXED_ENV), start_build(warned, tmp_path / "strict")
    relaxed, strict = relaxed.wait(), strict.wait()
    assert relaxed.returncode == 0, relaxed.stderr[-3000:]
    assert "the promise does not say how it is measured" in relaxed.stderr + relaxed.stdout
    assert strict.returncode == 1
    assert "pledge.promises[2]: the promise does not say how it is measured" in strict.stderr
    assert not (tmp_path / "strict").exists()


@pytest.mark.parametrize("fixture,site_name", [(FERNLEIGH, "example_site"), (WALES, "wales_site")],
                         ids=["example", "wales"])
def test_complaints_page_names_the_nations_ombudsman_and_commissioner(request, fixture, site_name):
    from macros import nations
    from macros.schema import Nation

    site = request.getfixturevalue(site_name)
    council, _ = load_council(fixture)
    text = visible_text(page_text(site, "young-people/speak-up"))
    own = nations.facts(council.council.nation.value)
    assert own.ombudsman.name in text and own.commissioner.name[1:] in text
    for other in Nation:
        if other != council.council.nation:
            theirs = nations.facts(other.value)
            assert theirs.ombudsman.name not in text and theirs.commissioner.name[1:] not in text


def test_welsh_young_people_are_not_told_of_englands_school_role(wales_site, example_site):
    welsh = visible_text(page_text(wales_site, "young-people/who-can-help"))
    english = visible_text(page_text(example_site, "young-people/who-can-help"))
    assert "Virtual School Head" in english
    assert "Virtual School Head" not in welsh and "Education support for children in care" in welsh
