"""The entitlements pages by situation, built for all four fixture councils (one per nation): the money table
on the leaving-care page, short cards with the rest folded away, keywords searchable but never shown, headings
in order, and plain words."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from macros import views
from macros.council_file import load_council
from macros.schema import Stage
from sites import FERNLEIGH, NORTHERN_IRELAND, SCOTLAND, WALES, page_text, visible_text

SITES = {"example_site": FERNLEIGH, "wales_site": WALES, "scotland_site": SCOTLAND,
         "northern_ireland_site": NORTHERN_IRELAND}
PAGES = {"young-people/entitlements": None, "young-people/entitlements/in-care": Stage.in_care,
         "young-people/entitlements/aged-16-17": Stage.sixteen_seventeen,
         "young-people/entitlements/leaving-care": Stage.leaving_care}


def main_of(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


@pytest.fixture(scope="module", params=list(SITES))
def site(request):
    return request.param, request.getfixturevalue(request.param), load_council(SITES[request.param])[0]


def test_leaving_care_opens_with_the_money(site):
    _, built, council = site
    main = main_of(page_text(built, "young-people/entitlements/leaving-care"))
    money = views.money(council, Stage.leaving_care)
    cards = main.index('class="cp-card cp-entitlement"')
    if money is None:  # nothing with an amount or about money for care leavers here: what matters most opens
        assert 'class="cp-money"' not in main and main.index(">What matters most<") < cards
        return
    table = main.split('class="cp-money"', 1)[1].split("</section>", 1)[0]
    assert main.index('class="cp-money"') < cards and ">Money you can get<" in table
    rows = re.findall(r'<tr>\s*<th scope="row"', table)
    assert len(rows) == len(money.rows)
    for row in money.rows:
        assert row.amount.replace("'", "&#39;") in table and f'href="{row.href}"' in table
        assert f'id="{row.href[1:]}"' in main  # the row links to its card on this page
    if money.rows:
        assert "£" in visible_text(table)


def test_cards_are_short_and_fold_the_rest(site):
    _, built, _ = site
    for path in PAGES:
        main = main_of(page_text(built, path))
        cards = re.findall(r'<div class="cp-card cp-entitlement".*?</div>', main, flags=re.S)
        assert cards, path
        for card in cards:
            shown = card.split("<details", 1)[0]
            assert "<details" in card and "<summary>More about this</summary>" in card
            assert "Who can get it" not in shown and "(up to age" not in card
        assert "Also called" not in visible_text(main), path


def test_keywords_are_searchable_but_not_shown(site):
    name, built, council = site
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    leaving = " ".join(d["text"].lower() for d in index["docs"]
                       if d["location"].startswith("young-people/entitlements/leaving-care/"))
    main = main_of(page_text(built, "young-people/entitlements/leaving-care"))
    hidden = re.findall(r'<span class="cp-keywords" hidden>([^<]*)</span>', main)
    offers = views.stage_offers(council, Stage.leaving_care)
    assert len(hidden) == sum(1 for o in offers if o.item.keywords)
    for offer in offers:
        for word in offer.item.keywords:
            assert word.lower().replace("'", "&#39;") in leaving or word.lower() in leaving, (name, word)
    assert not re.search(r'class="cp-keywords"(?! hidden)', main)


LABELS = ("Who can get it", "Age", "What everyone gets", "Where it comes from", "Source", "Checked",
          "How much", "Who gives it", "How to ask")


def test_search_results_keep_the_words_apart(site):
    """The search index joins a card's parts as text: each label must stand apart from its neighbours
    ("Who can get it Care leavers…", never "itCare leavers" or "first time.Age")."""
    name, built, _ = site
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [re.sub(r"<[^>]+>", " ", d["text"]) for d in index["docs"]
             if d["location"].startswith("young-people/entitlements/")]
    assert any("Who can get it" in t for t in texts), f"{name}: no card's text in the search index"
    glued = [m.group(0) for t in texts for label in LABELS
             for m in re.finditer(rf"([a-z.)]{re.escape(label)}\b|\b{re.escape(label)}[A-Z£0-9])", t)]
    assert glued == [], f"{name}: words run together in search results: {glued[:5]}"


class Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels: list[int] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        for key, value in attrs:
            if key == "id":
                self.ids.append(value)


def test_headings_go_down_one_level_at_a_time_and_ids_are_unique(site):
    _, built, _ = site
    for path in PAGES:
        html = page_text(built, path)
        parser = Headings()
        parser.feed(main_of(html))
        assert parser.levels[0] == 1 and parser.levels.count(1) == 1, path
        assert all(b - a <= 1 for a, b in zip(parser.levels, parser.levels[1:])), (path, parser.levels)
        everywhere = Headings()
        everywhere.feed(html)
        assert len(everywhere.ids) == len(set(everywhere.ids)), path


def test_the_chooser_names_the_three_situations(site):
    _, built, _ = site
    main = visible_text(main_of(page_text(built, "young-people/entitlements")))
    for words in ("I'm in care", "I'm 16 or 17", "I've left care"):
        assert words in main


def test_our_own_words_are_plain(site):
    """The words these pages add around the data (intros, headings, the fallback): reading age 9."""
    import textstat

    _, built, _ = site
    ours = []
    for path in PAGES:
        main = main_of(page_text(built, path))
        ours.append(visible_text(main.split("<h1", 1)[1].split("</p>", 1)[0].split(">", 1)[1]))
        ours.append(visible_text(re.sub(r"</(p|li|h\d)>", ". ", main.split("data-cp-none", 1)[1].split("</div>", 1)[0])))
    text = " ".join(ours)
    assert textstat.flesch_kincaid_grade(text) <= 4, text
