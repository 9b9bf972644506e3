"""The built pages: coverage, own words, banned words, reading age, search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from copycheck import SOURCES_DIR, copied_runs, missing_sources_reason
from sites import html_pages, page_address, page_text, visible_text


def test_built_handbook_pages_show_summary_sources_and_review(example_site):
    for page in html_pages(example_site / "handbook"):
        html = page.read_text(encoding="utf-8")
        assert "In short" in html and 'id="sources"' in html and "Last reviewed:" in html, page


REQUIRED = {
    "what-is-corporate-parenting", "faq", "law-and-guidance", "roles-and-key-posts",
    "levels-of-responsibility", "questions-to-ask", "effective-corporate-parenting", "governance",
    "working-with-young-people", "is-the-service-good-enough", "getting-involved", "learn-more",
    "glossary", "exercises/test-your-knowledge", "exercises/bursary-scenario", "exercises/what-if",
    "exercises/performance-data", "exercises/evaluating-quality",
    *(f"briefings/{b}" for b in (
        "adoption-and-permanence", "care-planning-and-reviews", "children-in-care-councils",
        "missing-and-exploitation", "edge-of-care", "offending-and-custody", "education", "health",
        "leaving-care", "visits-to-childrens-homes", "safeguarding", "sufficiency")),
}


def test_every_handbook_topic_is_reachable_from_the_navigation(example_site):
    nav_html = page_text(example_site, "handbook")
    for topic in REQUIRED:
        assert re.search(rf'href="[./]*{re.escape(topic)}/"', nav_html), f"{topic} is not in the handbook's navigation"


@pytest.mark.parametrize("name", sorted(b for b in REQUIRED if b.startswith("briefings/")))
def test_briefings_follow_the_four_parts(example_site, name):
    html = page_text(example_site, f"handbook/{name}")
    headings = [visible_text(h).replace("¶", "").strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    parts = [h for h in headings if h in ("What the council is responsible for",
                                          "What it means for corporate parents",
                                          "Questions to ask", "Current guidance")]
    assert parts == ["What the council is responsible for", "What it means for corporate parents",
                     "Questions to ask", "Current guidance"], (name, headings)


def test_handbook_is_in_our_own_words(example_site):
    reason = missing_sources_reason(SOURCES_DIR)
    if reason:
        pytest.skip(reason)  # loudly: a check with nothing to compare against must not pass
    copied = {}
    for page in html_pages(example_site / "handbook"):
        html = page.read_text(encoding="utf-8")
        main = html.split('<article', 1)[-1].split("</article>", 1)[0]
        # The sources list is titles of laws and publications: those may match.
        main = re.sub(r'<aside class="cp-page-facts".*?</aside>', " ", main, flags=re.S)
        runs = copied_runs(main)
        if runs:
            copied[str(page.relative_to(example_site))] = runs[:3]
    assert copied == {}, copied


def test_faq_has_the_sources_eight_questions(example_site):
    html = page_text(example_site, "handbook/faq")
    assert len(re.findall(r'<h2 id="(?!sources")', html)) >= 8


def test_corporate_parenting_principles_all_seven(example_site):
    html = page_text(example_site, "handbook/law-and-guidance")
    for words in ("best interests", "say what they think", "into account", "best use of",
                  "high aspirations", "to be safe", "adult life"):
        assert words in html


BANNED_EVERYWHERE = re.compile(r"\bLACs?\b")
BANNED_FOR_YOUNG_PEOPLE = re.compile(r"\b(LACs?|looked[ -]after child(ren)?|placements?)\b", re.I)


def test_no_page_calls_children_lac(example_site):
    for page in html_pages(example_site):
        text = visible_text(page.read_text(encoding="utf-8"))
        assert not BANNED_EVERYWHERE.search(text), f"{page}: {BANNED_EVERYWHERE.search(text).group()}"


def young_people_main_text(site: Path, page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    main = html.split('<article', 1)[-1].split("</article>", 1)[0]
    main = re.sub(r'<aside class="cp-help".*?</aside>', " ", main, flags=re.S)
    main = re.sub(r'<div class="cp-exit".*?</div>', " ", main, flags=re.S)
    main = re.sub(r'<aside class="cp-page-facts".*?</aside>', " ", main, flags=re.S)
    main = re.sub(r'<span class="cp-keywords" hidden>.*?</span>', " ", main, flags=re.S)  # search words, not prose
    main = re.sub(r"<cite>.*?</cite>", " ", main, flags=re.S)  # a law's official title, cited as its source
    # A heading, label, list item or cell ends a sentence for a reader.
    main = re.sub(r"</(h[1-6]|p|li|dt|dd|td|th|caption|summary|figcaption)>", ". ", main)
    return visible_text(main)


@pytest.mark.parametrize("site_fixture", ["example_site", "wales_site"])
def test_young_people_pages_use_their_words(request, site_fixture):
    site = request.getfixturevalue(site_fixture)
    for page in html_pages(site / "young-people"):
        text = young_people_main_text(site, page)
        hit = BANNED_FOR_YOUNG_PEOPLE.search(text)
        assert not hit, f"{page}: '{hit.group()}' — say 'children in care', 'your home'"


YOUNG_PEOPLES_PAGES = 9     # young-people/ and its pages: a page left out would not be measured
FEWEST_WORDS = 100          # a page measured on less than this says nothing about its reading age


@pytest.mark.parametrize("site_fixture", ["example_site", "wales_site", "scotland_site", "northern_ireland_site"])
def test_young_people_pages_reading_age_9(request, site_fixture):
    """Every young people's page reads at Flesch-Kincaid grade 4 or below (a reading age of 9), in every nation."""
    import textstat

    site = request.getfixturevalue(site_fixture)
    grades, words = {}, {}
    for page in html_pages(site / "young-people"):
        text = young_people_main_text(site, page)
        where = page_address(site, page)
        grades[where] = round(textstat.flesch_kincaid_grade(text), 1)
        words[where] = textstat.lexicon_count(text)
    report = ", ".join(f"{page} {grade} ({words[page]} words)" for page, grade in sorted(grades.items()))
    assert len(grades) >= YOUNG_PEOPLES_PAGES, report
    assert all(count >= FEWEST_WORDS for count in words.values()), f"a page with too few words to measure: {report}"
    too_hard = {page: grade for page, grade in grades.items() if grade > 4}
    assert too_hard == {}, f"above grade 4: {too_hard}; every page: {report}"


def test_abbreviations_have_tooltips_everywhere(example_site):
    html = page_text(example_site, "handbook/briefings/care-planning-and-reviews")
    assert re.search(r'<abbr title="Independent Reviewing Officer[^"]*">IRO</abbr>', html)
    young = page_text(example_site, "young-people/who-can-help")
    assert '<abbr title="Independent Reviewing Officer' in young


def test_young_peoples_jargon_has_tooltips(example_site):
    html = page_text(example_site, "young-people/who-can-help")
    for term in ("IRO", "pathway plan", "personal adviser"):
        assert re.search(rf'<abbr title="[^"]+">{term}</abbr>', html), term


def test_young_people_pages_follow_the_councils_nation(example_site, wales_site):
    england = visible_text(page_text(example_site, "young-people/who-can-help"))
    wales = visible_text(page_text(wales_site, "young-people/who-can-help"))
    assert "until you are 25. If you stopped" in england
    assert "until you are 21" in wales and "until you are 25. If you stopped" not in wales


@pytest.mark.parametrize("words", ["money for uni", "driving lessons", "council tax", "bursary"])
def test_site_search_finds_entitlements_by_everyday_words(example_site, words):
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d["location"] for d in index["docs"] if words in (d["text"] + d["title"]).lower()]
    assert any(h.startswith("young-people/entitlements/") for h in hits), hits


def test_other_pages_keep_the_search(example_site):
    """Young people's pages have a link to the search page instead of Material's search box (tests/site/test_weight.py)."""
    assert 'name="search"' in page_text(example_site, "handbook")
    assert 'name="search"' not in page_text(example_site, "young-people/pledge")


@pytest.mark.parametrize("site_name", ["example_site", "wales_site"])
def test_no_fact_is_published_as_a_bare_check(request, site_name):
    """An unconfirmed fact says so in plain words (when it was last checked), never "(check)"."""
    site = request.getfixturevalue(site_name)
    found = [str(p.relative_to(site)) for p in html_pages(site) if "(check)" in visible_text(p.read_text(encoding="utf-8"))]
    assert found == [], found
