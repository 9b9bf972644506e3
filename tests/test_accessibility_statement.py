"""The accessibility statement: the model form, from data, linked from every page."""

from __future__ import annotations

from conftest import html_pages, page_text
from macros.entitlements import check_baselines
from test_build import visible_text

MODEL_HEADINGS = [
    "Using this website", "How accessible this website is", "Feedback, other formats and reporting problems",
    "Enforcement procedure", "Technical information about this website's accessibility",
    "Non-accessible content", "Preparation of this accessibility statement",
]


def test_statement_follows_the_model_form(example_site):
    html = page_text(example_site, "accessibility")
    text = visible_text(html)
    positions = [text.find(h) for h in MODEL_HEADINGS]
    assert -1 not in positions and positions == sorted(positions)
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    assert "web.accessibility@fernleigh.gov.uk" in text and "within 10 working days" in text
    assert "Equality and Human Rights Commission" in text
    assert "1.1.1 Non-text Content" in text and "31 March 2027" in text
    assert "prepared on 1 September 2026" in text and "last tested on 1 November 2026" in text


def test_every_page_links_to_the_statement(example_site):
    for page in html_pages(example_site):
        assert 'Accessibility statement</a>' in page.read_text(encoding="utf-8"), page


def test_council_without_a_statement_says_so(wales_site):
    text = visible_text(page_text(wales_site, "accessibility"))
    assert "has not yet published the details of this statement" in text
    assert "Equality and Human Rights Commission" in text  # Wales: the EHRC enforces


def test_national_baselines_are_valid_and_sourced():
    assert check_baselines() == []
    from macros.entitlements import national

    for nation in ("england", "wales"):
        baseline = national(nation)
        assert len(baseline.items) >= 10
        for item in baseline.items:
            assert item.law and item.keywords and (item.as_of or baseline.as_of), item.id
