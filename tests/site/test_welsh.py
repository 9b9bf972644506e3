"""The site in Welsh and English (issue 15), built from the Welsh fixture council (tests/fixtures/afoncwm.yml,
`languages: [en, cy]`), the same council with Welsh first (`[cy, en]`), and the English-only example council.

Welsh Language Standards: every page in Welsh, treated no less favourably than English, with a direct link
between the two versions of each page.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from markupsafe import escape

from sites import FERNLEIGH, RECIPES, ROOT, WALES, html_pages, run_build
from weight import is_young_peoples, over_budget, pages

WELSH_WORDS = yaml.safe_load((ROOT / "macros" / "data" / "cy" / "words.yml").read_text(encoding="utf-8"))
ENGLISH_WORDS = yaml.safe_load((ROOT / "macros" / "data" / "words.yml").read_text(encoding="utf-8"))

# The commonest short words of each language (articles, prepositions, pronouns, the verb "to be"): the share
# of them in a page's main text says which language it is in, whatever the page is about.
CYMRAEG = set("a ac am ar at y yr yn yng ym i o gyda gan mae sy sydd oes ydy yw ei eu ein dy ti chi ni nhw hwn hon "
              "hyn hynny neu os pan beth pwy ble sut all gall gallu gallwch gelli bod wedi fydd bydd byddwn cael "
              "eich gyfer dros heb rhwng ond hefyd mwy pob un dim does nid na nad fel".split())
ENGLISH = set("the and to of you is in for your with can are be it on if or not this that they we our what who how "
              "will have has from at as by an".split())
WELSH_AT_LEAST, ENGLISH_AT_MOST = 0.20, 0.08   # measured: Welsh pages 0.30–0.46 and 0.00–0.05; English 0.02–0.06 and 0.30+


SITE_URL = "https://corporate-parenting.example.gov.wales/"   # where the Welsh-first copy says it is published


def welsh_first(folder: Path) -> tuple[Path, dict]:
    """The Welsh fixture with Welsh as its first language, and an address (so the sitemap lists its pages)."""
    text = WALES.read_text(encoding="utf-8").replace("languages: [en, cy]", "languages: [cy, en]", 1)
    website = yaml.safe_load(text)["council"]["website"]
    text = text.replace(f"  website: {website}\n", f"  website: {website}\n  site_url: {SITE_URL}\n", 1)
    assert "languages: [cy, en]" in text and "site_url:" in text
    path = folder / "afoncwm-cymraeg-yn-gyntaf.yml"
    path.write_text(text, encoding="utf-8")
    return path, {}


RECIPES.update({
    "welsh_first_site": welsh_first,
    "wales_site_again": lambda folder: (WALES, {}),   # the same council built twice: the same bytes
})


@pytest.fixture(scope="module")
def welsh_first_site(builds) -> Path:
    return builds.site("welsh_first_site")


@pytest.fixture(scope="module")
def wales_site_again(builds) -> Path:
    return builds.site("wales_site_again")


class Page(HTMLParser):
    """What these tests read of a built page: its language, its links to other languages, its main text."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = None
        self.alternates: dict[str, str] = {}
        self.language_links: list[tuple[str, str, str]] = []   # (href, hreflang, text)
        self._link = None
        self.main: list[str] = []
        self._article = 0
        self._skip: list[str] = []   # open elements whose text is not the page's own words

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "a" and "cp-language" in (a.get("class") or "").split():
            self._link = [a.get("href"), a.get("hreflang"), ""]
        if tag == "article":
            self._article += 1
        elif self._article and (tag in ("script", "style", "code", "pre") or a.get("lang") == "en"):
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and tag == self._skip[-1]:
            self._skip.pop()
        elif tag == "article" and self._article:
            self._article -= 1
        elif tag == "a" and self._link:
            self.language_links.append(tuple(self._link))
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data.strip()
        if self._article and not self._skip:
            self.main.append(data)


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def shares(text: str) -> tuple[float, float, int]:
    """The share of common Welsh words and of common English words in a text, and its number of words."""
    words = [w.split("'")[0] for w in re.findall(r"[a-zâêîôûŵŷàèìòùẁỳáéíóúẃý']+", text.lower())]
    words = [w for w in words if w]
    n = len(words) or 1
    return sum(w in CYMRAEG for w in words) / n, sum(w in ENGLISH for w in words) / n, len(words)


def address(site: Path, page: Path) -> str:
    """A built page's address from the site's root: "" for the home page, "handbook/faq/" for a page."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


def target(site: Path, page: Path, href: str) -> str:
    """Where a link on a page leads, as an address from the site's root."""
    here = "/" + address(site, page)
    return urljoin(here, href).lstrip("/").split("#")[0]


def english_and_welsh(site: Path) -> list[tuple[Path, Path]]:
    """Each English page of a site built [en, cy], with its Welsh page (cy/ and the same address)."""
    english = [p for p in html_pages(site) if not address(site, p).startswith("cy/")]
    return [(p, site / "cy" / p.relative_to(site)) for p in english]


# --- every page in both languages -------------------------------------------------------------------------

def test_every_english_page_has_a_welsh_page_marked_cy(wales_site):
    pairs = english_and_welsh(wales_site)
    assert len(pairs) >= 50, f"only {len(pairs)} English pages were found"
    missing = [address(wales_site, en) for en, cy in pairs if not cy.is_file()]
    assert missing == [], f"English pages with no Welsh page: {missing}"
    for en, cy in pairs:
        assert read(en).lang == "en", address(wales_site, en)
        assert read(cy).lang == "cy", address(wales_site, cy)
    welsh = [p for p in html_pages(wales_site) if address(wales_site, p).startswith("cy/")]
    assert len(welsh) == len(pairs), "a Welsh page has no English page"


def test_each_page_links_to_the_same_page_in_the_other_language(wales_site):
    """A visible link ("Cymraeg" / "English", in its own language) and hreflang alternates, both ways."""
    for en, cy in english_and_welsh(wales_site):
        en_page, cy_page = read(en), read(cy)
        where = address(wales_site, en)
        assert [(target(wales_site, en, h), lang, text) for h, lang, text in en_page.language_links] == \
            [(address(wales_site, cy), "cy", "Cymraeg")], where
        assert [(target(wales_site, cy, h), lang, text) for h, lang, text in cy_page.language_links] == \
            [(address(wales_site, en), "en", "English")], where
        for page, path in ((en_page, en), (cy_page, cy)):
            assert {lang: target(wales_site, path, href) for lang, href in page.alternates.items()} == \
                {"en": address(wales_site, en), "cy": address(wales_site, cy)}, where


def test_the_language_link_is_marked_with_its_language(wales_site):
    html = (wales_site / "young-people" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="md-header__button cp-language" href="[^"]+" hreflang="cy" lang="cy">Cymraeg</a>', html)


def test_every_welsh_page_is_written_in_welsh(wales_site):
    """The share of common Welsh words in each Welsh page's main text (parts marked lang="en" left out), and
    the same measure on the English pages, so the test knows it can tell the two apart."""
    low = []
    for en, cy in english_and_welsh(wales_site):
        welsh, english_in_welsh, n = shares(" ".join(read(cy).main))
        cymraeg_in_english, english, _ = shares(" ".join(read(en).main))
        where = address(wales_site, cy)
        if n < 20 or welsh < WELSH_AT_LEAST or english_in_welsh > ENGLISH_AT_MOST:
            low.append(f"/{where}: {n} words, {welsh:.0%} common Welsh words, {english_in_welsh:.0%} common English")
        assert cymraeg_in_english < WELSH_AT_LEAST / 2 and english > 0.2, f"the English of /{address(wales_site, en)}"
    assert low == [], "Welsh pages whose main text is not Welsh:\n" + "\n".join(low)


def test_exit_this_page_and_the_help_bar_read_in_welsh(wales_site):
    theme, bar = WELSH_WORDS["theme"], WELSH_WORDS["help_bar"]
    young = [p for p in html_pages(wales_site) if address(wales_site, p).startswith("cy/young-people/")]
    assert len(young) >= 10
    for page in young:
        html = page.read_text(encoding="utf-8")
        where = address(wales_site, page)
        assert f'{theme["exit_this_page"]}\n  </a>' in html, where
        assert f'<a href="#help-now" class="cp-exit__help">{theme["help_now"]}</a>' in html, where
        assert f'<strong>{bar["title"]}</strong>' in html, where
        for line in ("danger", "childline"):
            assert escape(bar[line].split("{link}")[0]) in html, where
        for english in (ENGLISH_WORDS["theme"]["exit_this_page"], ENGLISH_WORDS["help_bar"]["title"],
                        ENGLISH_WORDS["theme"]["help_now"]):
            assert english not in html, f"{where} says {english!r}"


def test_dates_and_page_facts_read_in_welsh(wales_site):
    html = (wales_site / "cy" / "handbook" / "faq" / "index.html").read_text(encoding="utf-8")
    reviewed = re.search(r'<p class="cp-reviewed">(.*?)</p>', html, re.S).group(1)
    assert reviewed.startswith(WELSH_WORDS["theme"]["last_reviewed"])
    assert any(f" {month} " in reviewed for month in WELSH_WORDS["months"]), reviewed
    assert "Last reviewed" not in html and "Next review" not in html
    # the sources are cited by their own titles, in English: marked as English parts of a Welsh page
    sources = re.search(r'<ul class="cp-sources">(.*?)</ul>', html, re.S).group(1)
    assert sources.count("<li") == sources.count('<li lang="en">') > 0
    english = (wales_site / "handbook" / "faq" / "index.html").read_text(encoding="utf-8")
    assert '<li lang="en">' not in english


def test_links_on_welsh_pages_stay_in_welsh(wales_site):
    """Every link from a Welsh page to another page of the site leads to a Welsh page (cy/…)."""
    strays = []
    for _, cy in english_and_welsh(wales_site):
        for href in re.findall(r'<a [^>]*href="([^"#:?]+/)(?:#[^"]*)?"', cy.read_text(encoding="utf-8")):
            lands = target(wales_site, cy, href)
            if not lands.startswith("cy/") and (wales_site / lands / "index.html").is_file():
                strays.append(f"/{address(wales_site, cy)} → /{lands}")
    # the one expected: the language link to the English page itself
    expected = {f"/{address(wales_site, cy)} → /{address(wales_site, en)}" for en, cy in english_and_welsh(wales_site)}
    assert sorted(set(strays) - expected) == []


def test_the_404_page_speaks_both_languages_main_first(wales_site):
    html = (wales_site / "404.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="en"', html)
    english = html.index(f'<h1>{ENGLISH_WORDS["theme"]["not_found_title"]}</h1>')
    welsh = html.index(f'<h2>{escape(WELSH_WORDS["theme"]["not_found_title"])}</h2>')
    assert english < welsh
    assert '<div lang="cy">' in html and '<div lang="en">' in html
    assert not (wales_site / "cy" / "404.html").exists()


def test_search_keeps_to_the_page_language(wales_site):
    """One index with both languages; each page says where its language's pages are (search-on-demand.js)."""
    index = (wales_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"cy/' in index.replace(" ", "")
    en = (wales_site / "handbook" / "index.html").read_text(encoding="utf-8")
    cy = (wales_site / "cy" / "handbook" / "index.html").read_text(encoding="utf-8")
    assert 'data-cp-search-root="" data-cp-language-roots="cy/"' in en
    assert 'data-cp-search-root="cy/" data-cp-language-roots="cy/"' in cy


# --- within the weight budgets, in both languages ------------------------------------------------------

def test_welsh_pages_fit_the_weight_budgets(wales_site):
    welsh = [p for p in pages(wales_site) if p.startswith("cy/")]
    assert len(welsh) >= 50
    heavy = over_budget(wales_site, welsh)
    assert heavy == [], "Welsh pages over their budget:\n" + "\n".join(heavy)
    assert sum(is_young_peoples(wales_site, p) for p in welsh) >= 10


# --- the same bytes, twice ----------------------------------------------------------------------------

def test_a_bilingual_site_builds_byte_identical_twice(wales_site, wales_site_again):
    first = {p.relative_to(wales_site).as_posix(): p.read_bytes() for p in sorted(wales_site.rglob("*")) if p.is_file()}
    again = {p.relative_to(wales_site_again).as_posix(): p.read_bytes()
             for p in sorted(wales_site_again.rglob("*")) if p.is_file()}
    assert "cy/index.html" in first and set(first) == set(again)
    assert [name for name in first if first[name] != again[name]] == []


# --- Welsh first ----------------------------------------------------------------------------------------

def test_a_welsh_first_site_has_welsh_at_its_root_and_english_in_en(welsh_first_site):
    assert read(welsh_first_site / "index.html").lang == "cy"
    assert read(welsh_first_site / "en" / "index.html").lang == "en"
    assert read(welsh_first_site / "young-people" / "index.html").lang == "cy"
    assert not (welsh_first_site / "cy").exists()
    home = read(welsh_first_site / "index.html")
    assert [(target(welsh_first_site, welsh_first_site / "index.html", h), lang) for h, lang, _ in home.language_links] \
        == [("en/", "en")]
    faq = welsh_first_site / "en" / "handbook" / "faq" / "index.html"
    assert [target(welsh_first_site, faq, h) for h, _, _ in read(faq).language_links] == ["handbook/faq/"]
    # one copy of every file that is not a page, at the root, for both languages
    assert (welsh_first_site / "assets" / "javascripts" / "site.js").is_file()
    assert not (welsh_first_site / "en" / "assets").exists()
    notice = (welsh_first_site / "404.html").read_text(encoding="utf-8")
    assert notice.index('<div lang="cy">') < notice.index('<div lang="en">')


def test_a_bilingual_sitemap_lists_both_languages_with_their_alternates(welsh_first_site):
    sitemap = (welsh_first_site / "sitemap.xml").read_text(encoding="utf-8")
    site = SITE_URL
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{site}handbook/faq/" in locs and f"{site}en/handbook/faq/" in locs
    assert len(locs) == 2 * len(set(l.removeprefix(site).removeprefix("en/") for l in locs))
    assert (f'<xhtml:link rel="alternate" hreflang="en" href="{site}en/handbook/faq/"/>' in sitemap
            and f'<xhtml:link rel="alternate" hreflang="cy" href="{site}handbook/faq/"/>' in sitemap)


# --- an English-only council ------------------------------------------------------------------------------

def test_an_english_only_site_has_no_welsh_and_no_language_links(example_site):
    assert not (example_site / "cy").exists() and not (example_site / "en").exists()
    for page in html_pages(example_site):
        html = page.read_text(encoding="utf-8")
        assert read(page).lang == "en"
        assert "hreflang" not in html and "cp-language" not in html and "data-cp-search-root" not in html, page
    assert "Cymraeg" not in (example_site / "404.html").read_text(encoding="utf-8")
    assert FERNLEIGH.read_text(encoding="utf-8").count("languages:") == 0


def test_a_strict_build_refuses_welsh_drafts_when_the_council_says_so(tmp_path):
    """`publish_draft_translations: false`: a Welsh page no Welsh speaker has reviewed stops the strict build."""
    text = WALES.read_text(encoding="utf-8").replace("languages: [en, cy]\n",
                                                     "languages: [en, cy]\npublish_draft_translations: false\n", 1)
    council = tmp_path / "council.yml"
    council.write_text(text, encoding="utf-8")
    result = run_build(council, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/young-people/index.cy.md" in result.stderr and "translation: draft" in result.stderr


def test_the_tooltips_on_welsh_pages_are_in_welsh(wales_site):
    """The jargon tooltips (abbreviations.md, appended to every page) come from macros/data/cy/abbreviations.md."""
    welsh = dict(re.findall(r"^\*\[([^\]]+)\]: (.+)$",
                            (ROOT / "macros" / "data" / "cy" / "abbreviations.md").read_text(encoding="utf-8"), re.M))
    html = (wales_site / "cy" / "handbook" / "roles-and-key-posts" / "index.html").read_text(encoding="utf-8")
    shown = {text: unescape(title) for title, text in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', html)}
    assert "IRO" in shown and shown["IRO"] == welsh["IRO"]
    english = (wales_site / "handbook" / "roles-and-key-posts" / "index.html").read_text(encoding="utf-8")
    assert welsh["IRO"] not in {unescape(t) for t in re.findall(r'<abbr title="([^"]*)">', english)}
