"""'Do I get this?' on the four built fixture sites: the page is in the navigation, shows its own
nation's questions and groups and no other nation's words, and works without JavaScript: every
answer is a native <details> disclosure in the HTML, and each way through the nested answers
reaches the one group the data says."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from macros import care_leaver_groups as clg
from nation_words import others_words
from sites import page_text, visible_text

SITES = {"england": "example_site", "wales": "wales_site", "scotland": "scotland_site",
         "northern-ireland": "northern_ireland_site"}
PAGE = "young-people/entitlements/do-i-get-this"


class Tree(HTMLParser):
    """The guide as a reader without JavaScript meets it: for each group heading, the answers
    (<summary> texts of the <details> around it, outermost first) a reader opens to reach it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[dict] = []          # the <details> we are inside
        self.results: list[tuple[tuple[str, ...], str]] = []
        self.summaries: list[str] = []
        self.links: list[str] = []
        self.scripts = 0
        self._in: str | None = None         # "summary" or "title", while reading one
        self._text: list[str] = []
        self._depth = 0                     # element depth inside the guide
        self._group = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details":
            self.open.append({"summary": ""})
        elif tag == "summary":
            self._in, self._text = "summary", []
        elif tag == "h3" and "cp-leaver-group__title" in (attrs.get("class") or ""):
            self._in, self._text = "title", []
        elif tag == "section" and "cp-leaver-group" in (attrs.get("class") or "").split():
            self._group = True
        elif tag == "a" and self._group:
            self.links.append(attrs.get("href") or "")
        elif tag == "script" and self.open:
            self.scripts += 1

    def handle_endtag(self, tag):
        text = " ".join("".join(self._text).split())
        if tag == "summary" and self._in == "summary":
            self.open[-1]["summary"] = text
            self.summaries.append(text)
            self._in = None
        elif tag == "h3" and self._in == "title":
            self.results.append((tuple(d["summary"] for d in self.open), text))
            self._in = None
        elif tag == "details":
            self.open.pop()
        elif tag == "section":
            self._group = False

    def handle_data(self, data):
        if self._in:
            self._text.append(data)


def guide_html(site) -> str:
    html = page_text(site, PAGE)
    return html.split('<div class="cp-groups" data-cp-groups>', 1)[1].split('<h2 id="all-the-groups"', 1)[0]


@pytest.mark.parametrize("nation", list(SITES))
def test_the_page_is_in_the_navigation_and_shows_its_own_nations_groups(request, nation):
    site = request.getfixturevalue(SITES[nation])
    html = page_text(site, PAGE)
    assert 'href="../do-i-get-this/"' in page_text(site, "young-people/entitlements/leaving-care")  # in the navigation
    main = visible_text(html.split("<article", 1)[1].split("</article>", 1)[0])
    data = clg.groups(nation)
    for group in data.groups:
        assert group.title in main, f"{nation}: {group.title}"
        if group.law_calls_this:
            assert f"The law calls this {group.law_calls_this}." in main
        assert group.source in main
    for question in data.questions:
        assert question.ask in main
    assert others_words(nation, main) == [], f"{nation}: another nation's words on its page"
    assert not re.search(r"\bLAC\b", main)


@pytest.mark.parametrize("nation", list(SITES))
def test_every_answer_works_without_javascript(request, nation):
    """Each combination of answers in the data is a chain of nested <details> in the HTML that ends
    in that group's heading, and nothing else: no script, no hidden attribute, no form."""
    site = request.getfixturevalue(SITES[nation])
    html = guide_html(site)
    assert "<script" not in html and " hidden" not in html and "<form" not in html and "<button" not in html
    tree = Tree()
    tree.feed(html)
    data = clg.groups(nation)
    expected = sorted((tuple(a.text for _, a in path.steps), path.group.title) for path in data.paths())
    found = sorted((answers, re.sub(r"^Your answer: ", "", title)) for answers, title in tree.results)
    assert found == expected
    assert tree.open == [] and tree.scripts == 0
    answers_to_open = {answers[:i + 1] for answers, _ in expected for i in range(len(answers))}
    assert len(tree.summaries) == len(answers_to_open)  # each answer once, where it is asked


@pytest.mark.parametrize("nation", list(SITES))
def test_a_groups_links_reach_the_entitlements_it_names(request, nation):
    site = request.getfixturevalue(SITES[nation])
    tree = Tree()
    tree.feed(guide_html(site))
    everything = page_text(site, "young-people/entitlements")
    internal = [href for href in tree.links if href.startswith("../#")]
    assert internal, f"{nation}: the groups link to what you can get"
    for href in set(internal):
        assert f'id="{href[4:]}"' in everything, f"{nation}: {href} is not on the What you can get page"
    outside = [href for href in tree.links if not href.startswith("../#")]
    assert all(href.startswith("https://") for href in outside), outside


def main_text(html: str) -> str:
    """The page's own words as a reader meets them (as tests/site/test_pages.py measures young people's
    pages): without the help bar, the exit button and the page facts; each heading, item or cell ends
    a sentence."""
    main = html.split("<article", 1)[-1].split("</article>", 1)[0]
    for block in (r'<aside class="cp-help".*?</aside>', r'<div class="cp-exit".*?</div>', r'<aside class="cp-page-facts".*?</aside>'):
        main = re.sub(block, " ", main, flags=re.S)
    return visible_text(re.sub(r"</(h[1-6]|p|li|dt|dd|td|th|caption|summary)>", ". ", main))


@pytest.mark.parametrize("nation", list(SITES))
def test_the_page_has_a_reading_age_of_9(request, nation):
    import textstat

    site = request.getfixturevalue(SITES[nation])
    grade = textstat.flesch_kincaid_grade(main_text(page_text(site, PAGE)))
    assert grade <= 4, f"{nation}: Flesch-Kincaid grade {grade:.1f}; the young people's pages aim at 4 or lower"


BANNED_FOR_YOUNG_PEOPLE = re.compile(r"\b(LACs?|looked[ -]after child(ren)?|placements?)\b", re.I)  # as tests/site/test_pages.py


@pytest.mark.parametrize("nation", list(SITES))
def test_the_page_uses_young_peoples_words(request, nation):
    site = request.getfixturevalue(SITES[nation])
    hit = BANNED_FOR_YOUNG_PEOPLE.search(main_text(page_text(site, PAGE)))
    assert not hit, f"{nation}: '{hit.group()}' — say 'children in care', 'your home'"
