"""The accessibility statement: the model form, from data, linked from every page."""

from __future__ import annotations

from macros.escape import long_date
from macros.council_file import load_council
from sites import FERNLEIGH, WALES, html_pages, page_text, visible_text

MODEL_HEADINGS = [
    "Using this website", "How accessible this website is", "Feedback, other formats and reporting problems",
    "Enforcement procedure", "Technical information about this website's accessibility",
    "Non-accessible content", "Preparation of this accessibility statement",
]


def test_statement_follows_the_model_form(example_site):
    statement = load_council(FERNLEIGH)[0].accessibility
    html = page_text(example_site, "accessibility")
    text = visible_text(html)
    positions = [text.find(h) for h in MODEL_HEADINGS]
    assert -1 not in positions and positions == sorted(positions)
    assert statement.status.value == "partially-compliant"
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    assert statement.email in text and f"within {statement.reply_within_days} working days" in text
    assert "Equality and Human Rights Commission" in text  # England: the EHRC enforces
    issue = statement.known_issues[0]
    assert issue.criterion in text and long_date(issue.fix_by) in text  # 1.1.1 Non-text Content, 31 March 2027
    assert f"prepared on {long_date(statement.prepared_on)}" in text
    assert f"last tested on {long_date(statement.tested_on)}" in text


def test_every_page_links_to_the_statement(example_site):
    for page in html_pages(example_site):
        assert 'Accessibility statement</a>' in page.read_text(encoding="utf-8"), page


def test_council_without_a_statement_says_so(no_statement_site):
    text = visible_text(page_text(no_statement_site, "accessibility"))
    assert "has not yet published the details of this statement" in text
    assert "Equality and Human Rights Commission" in text  # Wales: the EHRC enforces


def test_welsh_council_statement_from_its_data(wales_site):
    statement = load_council(WALES)[0].accessibility
    text = visible_text(page_text(wales_site, "accessibility"))
    assert "has not yet published" not in text
    assert "fully compliant with the Web Content Accessibility Guidelines version 2.2 AA" in text
    assert statement.email in text and f"prepared on {long_date(statement.prepared_on)}" in text
    assert "Equality and Human Rights Commission" in text  # Wales: the EHRC enforces
