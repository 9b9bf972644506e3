"""Views: plain objects that answer the questions a page asks of the validated data.

Is this promise kept, in words and with which icon? Which actions are
overdue? Which national entitlement does a local one improve? Is a figure
better or worse than the nation and than last year? When is the board's next
meeting? Each view holds only what its template prints, already worded and
already formatted (dates, links, labels), so templates hold no logic. Views
never hold markup except icons, which are trusted files bundled with Material,
and sentences of the site's own words (words.yml `ui:`) with data filled in,
escaped by markupsafe (`sentence`). Every word they say comes from words.yml.
Nothing else here renders HTML: components.py does that with escaping templates.
"""

from __future__ import annotations

import functools
import math
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date, time
from datetime import time as time_of_day
from functools import lru_cache
from typing import Callable, Optional
from urllib.parse import urlsplit

from markupsafe import Markup

from . import language, nations
from .amounts import is_more  # the same rule as the check that refuses a false "more"
from .escape import safe_href
from .schema import (Action, Basis, Comparator, CouncilFile, Entitlement, EvaluationSection,
                     Indicator, Promise, PromiseKind, Role, Stage, Theme, Unit)
from .types import icons_dir, tel_href
from .words import words

SMALL_DENOMINATOR = 20


# --- small things -------------------------------------------------------------------


@dataclass(frozen=True)
class When:
    """A date as a page shows it: machine-readable and in words."""

    iso: str
    text: str


def when(value: Optional[date]) -> Optional[When]:
    return When(value.isoformat(), words().long_date(value)) if value else None


@dataclass(frozen=True)
class Link:
    text: str
    href: str


# --- the site's fixed phrases (macros/data/words.yml, section `ui:`) -------------------------------------
# Every English word a component prints comes from words.yml, so a Welsh words.yml can replace it. A phrase is
# looked up when a page is built (words() gives the words of the language being built). A sentence with data
# in it has {placeholders}, filled here: `said` gives plain text (a template escapes it as it prints it);
# `sentence` gives a sentence for a template to print as it is: the site's own words as written, the data
# escaped (markupsafe), and any link or date in it built from escaped parts.


class MissingPhrase(LookupError):
    """A phrase asked for is not in words.yml's `ui:` section."""


def phrase(key: str) -> str:
    """A fixed phrase of the site, in the language being built."""
    try:
        return words()["ui"][key]
    except KeyError:
        raise MissingPhrase(f"macros/data/words.yml has no phrase ui.{key}: add it under `ui:`") from None


def said(key: str, **data) -> str:
    """A phrase with its {placeholders} filled in: plain text."""
    return phrase(key).format(**data)


def own_words(text: str) -> Markup:
    """The site's own words (words.yml), printed as a template printed them when they were written into it:
    safe in text and in a double-quoted attribute (&, <, > and " escaped), apostrophes as typed."""
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;"))


def sentence(key: str, **data) -> Markup:
    """A phrase with data in it, for a template: the phrase as written, each piece of data escaped
    (a piece that is already Markup, a link or a date built below, is kept)."""
    return own_words(phrase(key)).format(**data)


def link_html(link: Link) -> Markup:
    """<a href="…">text</a>: a link inside a sentence."""
    return Markup('<a href="{}">{}</a>').format(link.href, link.text)


def time_html(value: When) -> Markup:
    """<time datetime="…">31 March 2027</time>: a date inside a sentence (as _time.html prints one)."""
    return Markup('<time datetime="{}">{}</time>').format(value.iso, value.text)


def strong(text: str) -> Markup:
    return Markup("<strong>{}</strong>").format(text)

# --- end of the fixed phrases' helpers --------------------------------------------------------------------


@lru_cache(maxsize=None)
def icon_svg(name: str) -> Markup:
    """An icon bundled with Material, inline (no request). Names are validated by the schema."""
    path = icons_dir() / f"{name}.svg"
    if not re.fullmatch(r"[a-z0-9/-]+", name) or not path.is_file():
        return Markup("")
    return Markup(path.read_text(encoding="utf-8").strip())


def shorten_url(url: str) -> str:
    return re.sub(r"^https://(www\.)?", "", url).rstrip("/")


def mailto(email: str) -> str:
    return safe_href("mailto:" + email)


def relative_link(here: str, target: str) -> str:
    """A relative link from the page at `here` to a site path such as 'strategy/board/', in the language
    being built (the Welsh site is under cy/). A file that is not a page (the calendar feed, a PDF) has one
    copy, at the root, for every language."""
    if not re.search(r"\.[a-z0-9]+$", target.split("#")[0]):
        target = language.root() + target
    base = posixpath.dirname(here.rstrip("/")) if not here.endswith("/") else here.rstrip("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", base or ".")
    return (rel + "/") if target.endswith("/") and rel != "." else (rel if rel != "." else "./")


def anchor(kind: str, id: str) -> str:
    """The id of a thing on its page, the same wherever it is printed or linked:
    contact, promise, objective, action, q (self-evaluation question), indicator."""
    return f"{kind}-{id}"


def role_title(council: CouncilFile, role: Role) -> str:
    """A contact role's name, as the council's nation names it."""
    own = nations.facts(council.council.nation.value).role_titles.get(role)
    return own or words().label("roles", role)


def owner_name(council: CouncilFile, role: Role) -> str:
    """Who owns something: the contact's name, or the role's title when there is no contact."""
    contact = council.contact(role)
    return contact.name if contact else role_title(council, role)


# --- contacts --------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactCard:
    anchor: str
    role_title: str
    council_name: str
    published: bool
    corporate_parent: str = "the council"  # "the Trust" in Northern Ireland
    name: str = ""
    what_they_do: str = ""
    phone: Optional[Link] = None
    email: Optional[Link] = None
    web: Optional[Link] = None
    hours: Optional[str] = None
    says_role: bool = False  # the name says the role already ("Children's Social Care"): do not repeat it

    @property
    def missing(self) -> Markup:
        return sentence("contact_missing", council=self.council_name, corporate_parent=self.corporate_parent)


def contact_card(council: CouncilFile, role: Role) -> ContactCard:
    contact = council.contact(role)
    title, name = role_title(council, role), council.council.name
    corporate_parent = nations.facts(council.council.nation.value).corporate_parent
    if contact is None:
        return ContactCard(anchor("contact", role.value), title, name, published=False, corporate_parent=corporate_parent)
    return ContactCard(
        anchor("contact", role.value), title, name, published=True, corporate_parent=corporate_parent,
        name=contact.name, what_they_do=contact.what_they_do,
        phone=Link(contact.phone, tel_href(contact.phone)) if contact.phone else None,
        email=Link(contact.email, mailto(contact.email)) if contact.email else None,
        web=Link(shorten_url(contact.web), safe_href(contact.web)) if contact.web else None,
        hours=contact.hours, says_role=title.casefold() in contact.name.casefold(),
    )


@dataclass(frozen=True)
class ContactGroup:
    id: str
    title: str
    roles: tuple[Role, ...]


def contact_groups(council: CouncilFile) -> list[ContactGroup]:
    """The contacts page's groups, each with the roles this council has published."""
    groups = []
    for group in words()["contact_groups"]:
        present = tuple(Role(r) for r in group["roles"] if council.contact(Role(r)))
        groups.append(ContactGroup(group["id"], group["title"], present))
    return groups


# --- the pledge ---------------------------------------------------------------------------
# A card for each promise: the promise, whether young people say it was kept (words and icon) and
# their words; how it is checked (measure, owner, dates) is folded away. The Pledge's own dates
# (agreed, next review) are said once, at the top.


@dataclass(frozen=True)
class Verdict:
    css: str
    icon: Markup
    words: str
    checked_on: Optional[When]
    quote: Optional[str]
    checked: bool = True   # young people have checked it (the words are theirs)

    @property
    def lead(self) -> str:
        """Before the words: "Young people say:" ("" when young people have not checked it yet)."""
        return phrase("young_people_say") if self.checked else ""


@dataclass(frozen=True)
class PromiseView:
    anchor: str
    icon: Markup
    promise: str
    is_it_law: str
    measure: Optional[str]
    owner: str
    last_checked: When
    verdict: Optional[Verdict]
    review_by: Optional[When] = None
    said: Optional[Verdict] = None      # the verdict, or "not checked yet": always something to print

    @property
    def we_last_checked(self) -> Markup:
        return sentence("pledge_we_last_checked", date=time_html(self.last_checked))

    @property
    def young_people_checked(self) -> Markup:
        return sentence("pledge_young_people_checked", date=time_html(self.said.checked_on))

    @property
    def we_check_again(self) -> Markup:
        return sentence("pledge_we_check_again", date=time_html(self.review_by))


def is_it_law(promise: Promise) -> str:
    """The answer to "Is this the law?" in words."""
    answer = words().label("promise_kinds", promise.kind)
    if promise.kind == PromiseKind.statutory:
        return answer + (f" ({promise.law})" if promise.law else "") + "."
    return answer


def not_checked_yet() -> Verdict:
    label = words()["verdict_not_checked"]
    return Verdict("not-checked", icon_svg(label["icon"]), label["words"], None, None, checked=False)


def promise_view(council: CouncilFile, promise: Promise) -> PromiseView:
    said = promise.young_people_said
    verdict = None
    if said:
        label = words()["verdicts"][said.verdict.value]
        verdict = Verdict(said.verdict.value, icon_svg(label["icon"]), label["words"], when(said.checked_on), said.quote)
    return PromiseView(anchor("promise", promise.id), icon_svg(promise.icon), promise.promise, is_it_law(promise), promise.measure,
                       owner_name(council, promise.owner), when(promise.last_checked), verdict,
                       review_by=when(promise.review_by), said=verdict or not_checked_yet())


def kinds_in_words(promises: list[Promise]) -> str:
    """Which promises the law asks of us and which are our own, in one or two short sentences."""
    by_law = sum(p.kind == PromiseKind.statutory for p in promises)
    own = len(promises) - by_law
    if not own:
        return phrase("pledge_all_by_law")
    if not by_law:
        return phrase("pledge_all_our_own")
    return said("pledge_by_law_one_own" if own == 1 else "pledge_by_law_others_own", by_law=by_law, own=own)


@dataclass(frozen=True)
class PledgeView:
    agreed_with: str
    agreed_on: When
    next_review: When
    promises: list[PromiseView]
    kinds: str = ""               # how many the law asks of us, how many are our own
    quoted: str = ""              # who young people's words on the cards are from (the Children in Care Council)

    @property
    def agreed(self) -> Markup:
        return sentence("pledge_agreed", agreed_with=self.agreed_with, agreed_on=time_html(self.agreed_on),
                        next_review=time_html(self.next_review))


def pledge(council: CouncilFile) -> PledgeView:
    p = council.pledge
    return PledgeView(p.agreed_with, when(p.agreed_on), when(p.next_review),
                      [promise_view(council, promise) for promise in p.promises],
                      kinds=kinds_in_words(p.promises),
                      quoted=council.young_people.children_in_care_council.name)


@dataclass(frozen=True)
class HelpLine:
    """A number to call for help, on the Pledge page and its printed leaflet."""

    title: str
    what: str
    link: Optional[Link]            # tel: (or mailto:/https: when the contact has no phone)
    hours: Optional[str] = None


def help_lines(council: CouncilFile) -> list[HelpLine]:
    """The help bar's numbers (help_bar: one source for them) as lines to print: the Pledge leaflet's back page."""
    bar = help_bar(council)
    lines = [HelpLine(phrase("help_in_danger"), phrase("help_in_danger_call"), bar.emergency),
             HelpLine(phrase("help_childline"), phrase("help_childline_about"), bar.childline, phrase("help_childline_hours"))]
    out_of_hours = contact_card(council, Role.out_of_hours)
    if bar.out_of_hours:
        lines.append(HelpLine(said("help_at_night_named", name=bar.out_of_hours_name), out_of_hours.what_they_do,
                              bar.out_of_hours, bar.out_of_hours_hours))
    else:
        lines.append(HelpLine(phrase("help_at_night"), bar.out_of_hours_missing, None))
    advocacy = contact_card(council, Role.advocacy)
    if bar.advocate_is_phone:
        lines.append(HelpLine(said("help_advocate_named", name=advocacy.name), advocacy.what_they_do, bar.advocate,
                              advocacy.hours))
    else:
        lines.append(HelpLine(phrase("help_advocate"), said("help_advocate_missing", council=advocacy.council_name), None))
    return lines


# --- entitlements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Offer:
    """One entitlement as a page shows it: national, or the council's own (which may improve a national one)."""

    item: Entitlement
    local: bool
    improves: Optional[Entitlement] = None

    @property
    def stages(self) -> tuple[Stage, ...]:
        return tuple(self.item.stages)


def offers(council: CouncilFile) -> list[Offer]:
    """National items (unless a local item improves them, which then carries them) and local items."""
    national = nations.baseline(council.council.nation.value).items
    by_id = {i.id: i for i in national}
    improved = {i.improves for i in council.entitlements.local_offer if i.improves}
    out = [Offer(i, local=False) for i in national if i.id not in improved]
    out += [Offer(i, local=True, improves=by_id.get(i.improves or "")) for i in council.entitlements.local_offer]
    return out


@dataclass(frozen=True)
class EntitlementCard:
    """One card: what it is, how much, how to ask and who to ask in view; the rest folded away."""

    anchor: str
    title: str
    tag: str
    tag_css: str  # law, local or other
    local: bool
    announced: bool
    what_you_get: str
    amount: Optional[str]
    how_to_ask: str
    who_to_ask: Optional[Link]
    ask_anyone: Optional[str]
    # folded away (a <details>): who can get it, the age it stops, what everyone gets, the law, the source
    who_can_get_it: str
    until_age: Optional[str]
    improves: Optional[str]
    law: Optional[str]
    source: Optional[Link]  # href "" when the source has no web page
    checked: Optional[When]
    keywords: Optional[str]  # searchable (the filter, the site search), never shown

    @property
    def who_or_anyone(self) -> Markup:
        """Who to ask when the council has not published that contact: the role, or anyone on the young person's side."""
        return sentence("who_to_ask_or_anyone", who=self.who_to_ask.text,
                        anyone=link_html(Link(phrase("anyone_on_your_side"), self.ask_anyone)))


def given_by(council: CouncilFile, item: Entitlement) -> str:
    """Who gives a thing: the item says so, or a government scheme's money comes from the government, or the council."""
    if item.given_by:
        return item.given_by
    who = words()["given_by"]
    return who.get(item.basis.value, who["otherwise"]).format(council=council.council.short_name)


def entitlement_checked(council: CouncilFile, offer: Offer) -> Optional[date]:
    """When the fact was last checked: the item's own date, else its file's (the nation's baseline, the local offer)."""
    if offer.item.as_of:
        return offer.item.as_of
    if offer.local:
        return council.entitlements.local_offer_published
    return nations.baseline(council.council.nation.value).as_of


def entitlement_card(council: CouncilFile, offer: Offer, card_id: str, link: Callable[[str], str]) -> EntitlementCard:
    item, c = offer.item, council.council
    nation = nations.facts(c.nation.value)
    who_to_ask = ask_anyone = None
    if item.contact:
        name = owner_name(council, item.contact)
        if council.contact(item.contact):
            who_to_ask = Link(name, f"{link('contacts/')}#{anchor('contact', item.contact.value)}")
        else:
            who_to_ask, ask_anyone = Link(name, ""), link("young-people/who-can-help/")
    improves = None
    if offer.improves:
        national = offer.improves
        everyone = f"{national.title} ({national.amount})" if national.amount else national.title
        more = "improves_gives_more" if is_more(item.amount, national.amount) else "improves_adds"
        improves = said(more, everyone=everyone, council=c.short_name)
    tag = words().label("bases", item.basis).format(nation=nation.name, council=c.short_name)
    css = "local" if item.basis == Basis.council_offer else ("law" if item.basis == Basis.law else "other")
    source = None
    if item.source:
        source = Link(item.source.title, safe_href(str(item.source.url)) if item.source.url else "")
    return EntitlementCard(
        card_id, item.title, tag, css, offer.local, item.status == "announced", item.what_you_get, item.amount,
        item.how_to_ask, who_to_ask, ask_anyone,
        item.who_can_get_it, said("until_age", age=item.up_to_age) if item.up_to_age else None,
        improves, item.law, source, when(entitlement_checked(council, offer)),
        ", ".join(item.keywords) if item.keywords else None,
    )


@dataclass(frozen=True)
class AreaView:
    anchor: str
    icon: Markup
    title: str
    offers: list[tuple[Offer, str]]  # (offer, anchor)


def _first_ids(council: CouncilFile, stage: Optional[Stage]) -> list[str]:
    if stage is None:
        return []
    return list(nations.baseline(council.council.nation.value).first.get(stage, []))


def _rank(offer: Offer, first: list[str]) -> Optional[int]:
    """Where an offer comes in the nation's "what matters most" list (a local item takes the place of what it improves)."""
    for item_id in (offer.item.id, offer.improves.id if offer.improves else None):
        if item_id in first:
            return first.index(item_id)
    return None


def stage_offers(council: CouncilFile, stage: Optional[Stage]) -> list[Offer]:
    """The offers for a stage (or all), in their files' order, with anything not started yet last."""
    items = offers(council)
    if stage:
        items = [o for o in items if stage in o.stages]
    return sorted(items, key=lambda o: o.item.status == "announced")  # a stable sort: the order is otherwise kept


def first_offers(council: CouncilFile, stage: Optional[Stage], prefix: str = "") -> list[tuple[Offer, str]]:
    """What matters most at a stage, in the nation's order (never an item that has not started)."""
    first = _first_ids(council, stage)
    ranked = [(r, o) for o in stage_offers(council, stage) if (r := _rank(o, first)) is not None
              and o.item.status != "announced"]
    return [(o, prefix + o.item.id) for _, o in sorted(ranked, key=lambda pair: pair[0])]


def areas(council: CouncilFile, stage: Optional[Stage], prefix: str, leave_out: tuple[str, ...] = ()) -> list[AreaView]:
    """The entitlements for a stage (or all), grouped by area in the schema's order; `leave_out`: ids shown already."""
    items = [o for o in stage_offers(council, stage) if o.item.id not in leave_out]
    out = []
    for area, label in words()["areas"].items():
        members = [(o, prefix + o.item.id) for o in items if o.item.area.value == area]
        if members:
            out.append(AreaView(prefix + area, icon_svg(label["icon"]), label["title"], members))
    return out


@dataclass(frozen=True)
class MoneyRow:
    title: str
    href: str  # the card on this page
    amount: str
    given_by: str
    how_to_ask: str
    announced: bool


@dataclass(frozen=True)
class MoneyView:
    rows: list[MoneyRow]  # every item with an amount
    also: list[Link]  # money you can ask about that has no amount (council tax, a fund)


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip())
    return match.group(1) if match else text.strip()


def money(council: CouncilFile, stage: Stage, prefix: str = "") -> Optional[MoneyView]:
    """The money a young person at a stage can get: each amount, who gives it, how to ask; most important first."""
    first = _first_ids(council, stage)
    ordered = sorted(stage_offers(council, stage), key=lambda o: (o.item.status == "announced",
                                                                  _rank(o, first) is None, _rank(o, first) or 0))
    rows = [MoneyRow(o.item.title, f"#{prefix}{o.item.id}", o.item.amount, given_by(council, o.item),
                     _first_sentence(o.item.how_to_ask), o.item.status == "announced")
            for o in ordered if o.item.amount]
    also = [Link(o.item.title, f"#{prefix}{o.item.id}") for o in ordered
            if not o.item.amount and o.item.area.value == "money" and o.item.status != "announced"]
    return MoneyView(rows, also) if rows or also else None


@dataclass(frozen=True)
class NothingMatches:
    """What the filter offers when nothing matches: never a dead end."""

    advocate: str
    who_can_help: str
    childline: Link       # the same number as the help bar's (CHILDLINE)

    @property
    def call_childline(self) -> Markup:
        return sentence("call_childline_on", number=self.childline.text)


def nothing_matches(link: Callable[[str], str]) -> NothingMatches:
    page = link("young-people/who-can-help/")
    return NothingMatches(page + "#advocate", page, Link(CHILDLINE, _digits_tel(CHILDLINE)))


# --- strategy and action plan ------------------------------------------------------------------


@dataclass(frozen=True)
class ActionRow:
    id: str
    anchor: str
    what: str
    priority: str
    priority_words: str
    priority_rank: int
    outcome: str
    owner: str
    due: When
    status: str
    status_words: str
    overdue: bool
    serves: list[Link]


@dataclass(frozen=True)
class ActionGroup:
    title: str
    anchor: str
    rows: list[ActionRow]


@dataclass(frozen=True)
class ActionPlanView:
    groups: list[ActionGroup]
    total: int
    summary: str
    overdue: int


def _serves(council: CouncilFile, action: Action, link: Callable[[str], str]) -> list[Link]:
    """What an action serves, as links: its objective, the self-evaluation findings it answers (those
    that name it, and the one it names), and the Pledge promise it helps keep."""
    out = []
    objectives = {o.id: o for o in council.strategy.objectives}
    if action.serves.objective in objectives:
        out.append(Link(said("serves_objective", objective=objectives[action.serves.objective].title),
                        f"{link('strategy/')}#{anchor('objective', action.serves.objective)}"))
    for q in findings_answered_by(council, action):
        section = words().label("evaluation_sections", q.section)
        out.append(Link(said("serves_self_evaluation", section=section[:1].lower() + section[1:]),
                        f"{link('strategy/self-evaluation/')}#{anchor('q', q.id)}"))
    if action.serves.promise in {p.id for p in council.pledge.promises}:
        out.append(Link(phrase("serves_pledge_promise"), f"{link('young-people/pledge/')}#{anchor('promise', action.serves.promise)}"))
    return out


def findings_answered_by(council: CouncilFile, action: Action) -> list:
    """The self-evaluation findings an action answers: those whose `action` names it, and the one its
    `serves.self_evaluation` names, in the self-evaluation's order."""
    return [q for q in council.self_evaluation.questions
            if q.action == action.id or q.id == action.serves.self_evaluation]


def action_plan(council: CouncilFile, today: date, link: Callable[[str], str]) -> ActionPlanView:
    w = words()
    rows = {}
    for action in council.strategy.actions:
        priority = w["priorities"][action.priority.value]
        rows[action.id] = (action, ActionRow(
            action.id, anchor("action", action.id), action.what, action.priority.value, priority["words"], priority["rank"], action.outcome,
            owner_name(council, action.owner), when(action.due), action.status.value,
            w.label("action_statuses", action.status), action.overdue_on(today), _serves(council, action, link),
        ))
    groups = []
    objective_ids = {o.id for o in council.strategy.objectives}
    for objective in council.strategy.objectives:
        members = [row for action, row in rows.values() if action.serves.objective == objective.id]
        if members:
            groups.append(ActionGroup(objective.title, f"plan-{objective.id}", members))
    others = [row for action, row in rows.values() if action.serves.objective not in objective_ids]
    if others:
        groups.append(ActionGroup(phrase("other_actions"), "plan-other", others))
    counts = [(label, sum(1 for _, r in rows.values() if r.status == status))
              for status, label in w["action_statuses"].items()]
    summary = ", ".join(f"{count} {label.lower()}" for label, count in counts if count)
    return ActionPlanView(groups, len(rows), summary, sum(1 for _, r in rows.values() if r.overdue))


@dataclass(frozen=True)
class TextSection:
    text: Optional[str]
    attribution: Optional[str]


def objectives(council: CouncilFile) -> list[tuple[str, str, Optional[str]]]:
    """(anchor, title, detail) for each objective."""
    return [(anchor("objective", o.id), o.title, o.detail) for o in council.strategy.objectives]


def strategy_text(council: CouncilFile, section: str) -> TextSection:
    strategy = council.strategy
    attribution = None
    if section == "message_from_young_people" and strategy.message_from:
        attribution = said("message_from", name=strategy.message_from)
    return TextSection(getattr(strategy, section), attribution)


def population(council: CouncilFile) -> list[tuple[str, Optional[str]]]:
    p = council.strategy.population
    return [(label, getattr(p, part)) for part, label in words()["population_parts"].items()]


# --- self-evaluation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionLink:
    """The action that answers a self-evaluation finding: what it is, where it is in the plan, how it is going."""

    id: str
    text: str
    href: str
    status: str
    status_words: str
    due: When
    overdue: bool

    @property
    def by(self) -> Markup:
        return sentence("by_date", date=time_html(self.due))


@dataclass(frozen=True)
class QuestionRow:
    id: str
    anchor: str
    question: str
    answer: str
    answer_words: str
    evidence: str
    action: Optional[ActionLink]
    no_action_yet: bool


@dataclass(frozen=True)
class SectionView:
    title: str
    anchor: str
    rows: list[QuestionRow]

    @property
    def caption(self) -> str:
        return said("section_questions_and_answers", section=self.title)


@dataclass(frozen=True)
class SelfEvaluationView:
    any: bool
    completed_on: Optional[When]
    summary: list[tuple[str, list[int]]]  # (section title, [yes, partly, no])
    sections: list[SectionView]  # the sections with questions, in the schema's order
    gaps: int = 0               # findings answered partly or no
    gaps_with_action: int = 0   # of those, how many name an action in the plan

    @property
    def summary_rows(self) -> list[tuple[str, list[int], str]]:
        """(section title, [yes, partly, no], the section's anchor on the page), every section."""
        return [(title, counts, section.value) for (title, counts), section in zip(self.summary, EvaluationSection)]

    @property
    def caption(self) -> str:
        """The table's caption, with the date of the self-evaluation when it has one."""
        if self.completed_on:
            return said("answers_by_section_of", date=self.completed_on.text)
        return phrase("answers_by_section")

    @property
    def answer_words(self) -> list[str]:
        """Yes, Partly, No: the table's headings, in the order of `summary`'s counts."""
        return list(words()["answers"].values())

    def section(self, section: EvaluationSection) -> SectionView:
        """One section's rows (none when it has no questions)."""
        found = [s for s in self.sections if s.anchor == section.value]
        return found[0] if found else SectionView(words().label("evaluation_sections", section), section.value, [])

    @property
    def gap_summary(self) -> Optional[str]:
        """'7 answers are "partly" or "no"; all 7 have an action in the plan.'"""
        if not self.gaps:
            return None
        answers = phrase("gaps_one") if self.gaps == 1 else said("gaps_many", gaps=self.gaps)
        if self.gaps_with_action == self.gaps:
            acted = phrase("gaps_acted_one") if self.gaps == 1 else said("gaps_acted_all", gaps=self.gaps)
        else:
            missing = self.gaps - self.gaps_with_action
            acted = said("gaps_not_acted_one" if missing == 1 else "gaps_not_acted", missing=missing)
        return said("gaps_summary", answers=answers, acted=acted)


def self_evaluation(council: CouncilFile, link: Callable[[str], str], today: Optional[date] = None) -> SelfEvaluationView:
    evaluation, w = council.self_evaluation, words()
    actions = {a.id: a for a in council.strategy.actions}
    summary, sections = [], []
    gaps = gaps_with_action = 0
    for section in EvaluationSection:
        title = w.label("evaluation_sections", section)
        questions = [q for q in evaluation.questions if q.section == section]
        summary.append((title, [sum(1 for q in questions if q.answer.value == a) for a in w["answers"]]))
        rows = []
        for q in questions:
            action = None
            if q.action in actions:
                a = actions[q.action]
                action = ActionLink(a.id, a.what, f"{link('strategy/action-plan/')}#{anchor('action', a.id)}", a.status.value,
                                    w.label("action_statuses", a.status), when(a.due), bool(today) and a.overdue_on(today))
            gap = q.answer.value != "yes"
            gaps += gap
            gaps_with_action += gap and action is not None
            rows.append(QuestionRow(q.id, anchor("q", q.id), q.question, q.answer.value, w.label("answers", q.answer), q.evidence or "",
                                    action, action is None and gap))
        if rows:
            sections.append(SectionView(title, section.value, rows))
    return SelfEvaluationView(bool(evaluation.questions), when(evaluation.completed_on), summary, sections, gaps, gaps_with_action)


# --- the board ------------------------------------------------------------------------------------


def next_meeting(council: CouncilFile, today: date):
    """The board's next meeting, today or later, if one is planned."""
    upcoming = sorted((m for m in council.board_work.meetings if m.held_on >= today), key=lambda m: m.held_on)
    return upcoming[0] if upcoming else None


# --- performance --------------------------------------------------------------------------------


def number(value: float) -> str:
    """74, 74.5, 1,200: no trailing .0."""
    return f"{value:,.1f}".rstrip("0").rstrip(".")


UNIT_WORDS = {"days": "figure_days", "rate-per-10000": "figure_per_10000", "rate-per-1000": "figure_per_1000"}  # ui phrases


def formatted(value: float, unit) -> str:
    """A figure with its unit (the council's Unit or a national figure's): 67.7%, 12 days, 67 per 10,000, 81,770."""
    if unit.value == "percent":
        return number(value) + "%"
    return said(UNIT_WORDS[unit.value], number=number(value)) if unit.value in UNIT_WORDS else number(value)


@dataclass(frozen=True)
class Judgement:
    """A figure compared with something else, in words."""

    against: str
    their_value: str
    word: str  # "better than", "worse than", "the same as", "higher than", "lower than"
    period: Optional[str] = None

    @property
    def sentence(self) -> str:
        if self.period:
            return said("judgement_in", word=self.word, against=self.against, value=self.their_value, period=self.period)
        return said("judgement", word=self.word, against=self.against, value=self.their_value)


# How one figure compares with another: a key (better, worse, same, higher, lower), and its words (ui phrases).
COMPARE_WORDS = {"better": "better_than", "worse": "worse_than", "same": "the_same_as", "higher": "higher_than",
                 "lower": "lower_than"}


def comparison_key(ours: float, theirs: float, higher_is_better: Optional[bool]) -> str:
    if abs(ours - theirs) < 1e-9:
        return "same"
    if higher_is_better is None:
        return "higher" if ours > theirs else "lower"
    return "better" if (ours > theirs) == higher_is_better else "worse"


def compare(ours: float, theirs: float, higher_is_better: Optional[bool]) -> str:
    """How ours compares with theirs, in words: better than, worse than, the same as, higher than, lower than."""
    return phrase(COMPARE_WORDS[comparison_key(ours, theirs, higher_is_better)])


NATIONS = (Comparator.england, Comparator.wales, Comparator.scotland, Comparator.northern_ireland)


class IndicatorFigures:
    """What a page needs to know about one indicator's figures."""

    def __init__(self, indicator: Indicator):
        self.indicator = indicator

    @property
    def latest(self):
        return self.indicator.values[-1]

    @property
    def previous(self):
        return self.indicator.values[-2] if len(self.indicator.values) > 1 else None

    def comparison(self, against: Comparator, period: Optional[str] = None):
        """The comparison with `against` for a period (the latest, unless given)."""
        period = period or self.latest.period
        for comparison in self.indicator.comparisons:
            if comparison.against == against and comparison.period == period:
                return comparison
        return None

    def newest_comparison(self, against: Comparator):
        """The comparison with `against` for the latest period, or else its newest for an earlier one."""
        found = self.comparison(against)
        if found:
            return found
        periods = [v.period for v in self.indicator.values]
        earlier = [c for c in self.indicator.comparisons if c.against == against and c.period in periods]
        return max(earlier, key=lambda c: periods.index(c.period)) if earlier else None

    def judgements(self) -> list[Judgement]:
        unit, better = self.indicator.unit, self.indicator.higher_is_better
        out = []
        for against in NATIONS:
            comparison = self.comparison(against)
            if comparison:
                out.append(Judgement(words().label("comparators", against), formatted(comparison.value, unit),
                                     compare(self.latest.value, comparison.value, better)))
        if self.previous:
            out.append(Judgement(phrase("the_year_before"), formatted(self.previous.value, unit),
                                 compare(self.latest.value, self.previous.value, better), self.previous.period))
        return out

    def summary(self, council_short: str) -> str:
        """One plain sentence: the latest figure and how it compares."""
        figure = dict(period=self.latest.period, council=council_short, value=formatted(self.latest.value, self.indicator.unit))
        parts = [j.sentence for j in self.judgements()]
        if not parts:
            return said("figure_was", **figure)
        joined = parts[0] if len(parts) == 1 else said("list_serial_and", items=", ".join(parts[:-1]), last=parts[-1])
        return said("figure_was_compared", **figure, comparisons=joined)

    def direction(self) -> str:
        if self.indicator.higher_is_better is True:
            return " " + phrase("higher_is_better")
        if self.indicator.higher_is_better is False:
            return " " + phrase("lower_is_better")
        return ""

    def trend_key(self) -> Optional[str]:
        """How the latest figure compares with the year before's (comparison_key), if there is one."""
        if not self.previous:
            return None
        return comparison_key(self.latest.value, self.previous.value, self.indicator.higher_is_better)

    def trend(self) -> Optional[str]:
        """Since the year before, in a word or two: improving, getting worse, no change (or up, down)."""
        key = self.trend_key()
        return lower_first(phrase(TREND_WORDS[key])) if key else None

    def small_numbers(self) -> Optional[str]:
        """A warning when a percentage is of so few children that one child moves it a lot."""
        value = self.latest
        if self.indicator.unit != Unit.percent or not value.denominator:
            return None
        if value.denominator >= SMALL_DENOMINATOR and (value.numerator is None or value.numerator >= 5):
            return None
        share = 100 / value.denominator
        counted = (said("numerator_of", numerator=value.numerator, denominator=value.denominator) if value.numerator is not None
                   else said("out_of", denominator=value.denominator))
        return said("small_numbers_warning", counted=counted, points=number(round(share, 1)))

    def comparators(self, nation: Optional[str] = None) -> list[str]:
        """The names of the comparators given, the council's nation first, then region, statistical neighbours."""
        return [words().label("comparators", c) for c in self.compared_with(nation)]

    def compared_with(self, nation: Optional[str] = None) -> list[Comparator]:
        given = {c.against for c in self.indicator.comparisons}
        return [c for c in comparator_order(nation) if c in given]

    def table_rows(self, nation: Optional[str] = None) -> list[tuple[str, str, list[str]]]:
        """(period, our value, [each comparator's value or a dash]) for each period, oldest first."""
        rows = []
        for value in self.indicator.values:
            others = [self.comparison(against, value.period) for against in self.compared_with(nation)]
            rows.append((value.period, formatted(value.value, self.indicator.unit),
                         [formatted(c.value, self.indicator.unit) if c else "–" for c in others]))
        return rows


TREND_WORDS = {"better": "trend_better", "worse": "trend_worse", "same": "trend_same",  # ui phrases
               "higher": "trend_higher", "lower": "trend_lower"}


def comparator_order(nation: Optional[str] = None) -> list[Comparator]:
    """The council's nation first, then the region and statistical neighbours, then any other nation."""
    own = nations.facts(nation).comparator if nation else None
    first = [Comparator(own)] if own else []
    rest = [Comparator.region, Comparator.statistical_neighbours] + [c for c in NATIONS if c not in first]
    return first + rest


@dataclass(frozen=True)
class Bar:
    """One bar of a chart, with its figure beside it."""

    x: str
    y: str
    width: str
    height: str
    fill: str    # the series' pattern: url(#…)
    series: str  # ours, earlier, nation, region, neighbours, other (for the stylesheet)
    name: str    # the series' name, as the legend and the table's column say it
    group: str   # the year or age group, as the table's row says it
    value: str   # the figure as the table prints it
    label: str   # the figure beside the bar, short
    label_x: str
    label_y: str


@dataclass(frozen=True)
class ChartView:
    """An accessible horizontal bar chart: groups (years, or age groups) of bars (the council, then each
    comparator), a key, axes with titles. Every number drawn is in its description and in the table beside it."""

    id: str
    indicator: str
    title: str        # the svg's accessible name: what is measured, and for whom
    caption: str      # the visible title: who is compared with whom, over which years
    description: str  # every figure drawn, in words
    width: int
    height: int
    series: list["Series"]
    groups: list["GroupLabel"]
    bars: list[Bar]
    ticks: list["Tick"]
    plot_left: str
    plot_right: str
    plot_top: str
    axis_y: str
    tick_label_y: str
    value_axis: str
    value_axis_x: str
    value_axis_y: str
    category_axis: str
    category_axis_transform: str


def chart(indicator: Indicator, council_short: str, nation: str = "england") -> Optional[ChartView]:
    """The council's figures for each year beside its nation's, the region's and statistical neighbours'.
    None when there is only one figure to draw (a chart of one bar compares nothing)."""
    return indicator_chart(indicator, council_short, nation)


@dataclass(frozen=True)
class IndicatorView:
    """One indicator (or one measure by age group) as its part of the scorecard shows it."""

    id: str
    anchor: str
    title: str
    summary: str
    small_numbers: Optional[str]
    table: "TableView"
    chart: Optional[ChartView]
    figure: Optional[str]         # the one figure, shown large when there is nothing to chart
    figure_period: Optional[str]
    commentary: list[tuple[str, str]]  # ("What the officers say…:", what they say)
    source: str
    as_of: When

    @property
    def in_period(self) -> Markup:
        return sentence("in_period", period=self.figure_period)

    @property
    def source_sentence(self) -> Markup:
        return sentence("indicator_source", source=self.source, date=time_html(self.as_of))


@dataclass(frozen=True)
class ScorecardView:
    indicators: list[IndicatorView]
    theme_title: str
    theme_lower: str
    questions: list[str]
    bank_url: str

    @property
    def questions_summary(self) -> Markup:
        return sentence("questions_to_ask_about", theme=self.theme_lower)


def scorecard(council: CouncilFile, theme: Theme, link: Callable[[str], str]) -> ScorecardView:
    from .questions import questions_for

    nation = council.council.nation.value
    views_ = [entry_view(entry, council.council.short_name, nation)
              for entry in indicator_entries([i for i in council.performance.indicators if i.theme == theme])]
    title = words().label("themes", theme)
    return ScorecardView(views_, title, title.lower(), list(questions_for(theme.value, nation)),
                         f"{link('handbook/questions-to-ask/')}#{theme.value}")


# --- accessibility statement ------------------------------------------------------------------


@dataclass(frozen=True)
class KnownIssueView:
    issue: str
    criterion: Optional[str]
    fix_by: Optional[When]

    @property
    def fails(self) -> Markup:
        return sentence("accessibility_fails", criterion=self.criterion)

    @property
    def fix(self) -> Markup:
        return sentence("accessibility_fix_by", date=time_html(self.fix_by))


@dataclass(frozen=True)
class AccessibilityView:
    published: bool
    council_name: str
    site_url: Optional[Link]
    email: Optional[Link] = None
    phone: Optional[Link] = None
    reply_within_days: int = 0
    status_words: str = ""
    fully_compliant: bool = False
    known_issues: list[KnownIssueView] = field(default_factory=list)
    enforcer: str = ""
    advice: str = ""
    prepared_on: Optional[When] = None
    reviewed_on: Optional[When] = None
    tested_on: Optional[When] = None
    tested_by: str = ""
    how_tested: str = ""

    # the statement's sentences (macros/templates/accessibility.html)

    @property
    def missing_text(self) -> Markup:
        return sentence("accessibility_missing", council=self.council_name)

    @property
    def applies_to(self) -> Markup:
        site = link_html(self.site_url) if self.site_url else own_words(phrase("accessibility_this_website"))
        return sentence("accessibility_applies_to", site=site, council=self.council_name)

    @property
    def email_us(self) -> Markup:
        return sentence("accessibility_email", email=link_html(self.email))

    @property
    def call_us(self) -> Markup:
        return sentence("accessibility_call", phone=link_html(self.phone))

    @property
    def reply_within(self) -> Markup:
        return sentence("accessibility_reply_within", days=self.reply_within_days)

    @property
    def enforcement(self) -> Markup:
        return sentence("accessibility_enforcement", enforcer=self.enforcer, advice=self.advice)

    @property
    def committed(self) -> Markup:
        return sentence("accessibility_committed", council=self.council_name)

    @property
    def status_sentence(self) -> Markup:
        key = "accessibility_status" if self.fully_compliant else "accessibility_status_partly"
        return sentence(key, status=strong(self.status_words))

    @property
    def prepared(self) -> Markup:
        return sentence("accessibility_prepared", prepared=time_html(self.prepared_on), reviewed=time_html(self.reviewed_on))

    @property
    def tested(self) -> Markup:
        return sentence("accessibility_tested", tested=time_html(self.tested_on), who=self.tested_by)


def accessibility(council: CouncilFile) -> AccessibilityView:
    c, a = council.council, council.accessibility
    enforcement = nations.facts(c.nation.value).accessibility_enforcement
    site = Link(shorten_url(c.site_url), safe_href(c.site_url)) if c.site_url else None
    if a is None:
        return AccessibilityView(False, c.name, site, enforcer=enforcement.body, advice=enforcement.advice)
    return AccessibilityView(
        True, c.name, site, Link(a.email, mailto(a.email)), Link(a.phone, tel_href(a.phone)) if a.phone else None,
        a.reply_within_days, words().label("compliance", a.status), a.status.value == "fully-compliant",
        [KnownIssueView(i.issue, i.criterion, when(i.fix_by)) for i in a.known_issues],
        enforcement.body, enforcement.advice, when(a.prepared_on), when(a.reviewed_on), when(a.tested_on),
        a.tested_by, a.how_tested,
    )


# --- where a complaint goes next, and who stands up for children's rights ---------------------------


@dataclass(frozen=True)
class StillNotHappyView:
    corporate_parent: str
    nation: str
    ombudsman: str
    ombudsman_web: Link
    ombudsman_phone: Optional[Link]
    commissioner: str
    commissioner_web: Link
    advice_line: Optional[str]
    advice_phone: Optional[Link]
    advice_when: Optional[str]
    advice_line_title: Optional[str] = None  # issue 12: the advice line's name, starting a list item

    @property
    def ask_ombudsman(self) -> Markup:
        return sentence("ask_ombudsman", ombudsman=strong(self.ombudsman), corporate_parent=self.corporate_parent)

    @property
    def commissioner_does(self) -> Markup:
        return sentence("commissioner_does", commissioner=strong(self.commissioner), nation=self.nation)


def still_not_happy(council: CouncilFile) -> StillNotHappyView:
    """The nation's ombudsman (after the council's own steps) and children's commissioner, for young people."""
    facts = nations.facts(council.council.nation.value)
    o, c = facts.ombudsman, facts.commissioner
    line = c.advice_line
    return StillNotHappyView(
        facts.corporate_parent, facts.name, o.name, Link(shorten_url(o.web), safe_href(o.web)),
        Link(o.phone, tel_href(o.phone)) if o.phone else None,
        c.name[:1].upper() + c.name[1:], Link(shorten_url(c.web), safe_href(c.web)),  # it starts a sentence
        line.name if line else None, Link(line.phone, tel_href(line.phone)) if line and line.phone else None,
        line.when if line else None, (line.name[:1].upper() + line.name[1:]) if line else None,
    )


def nation_text(council: CouncilFile, part: str) -> str:
    """A role's paragraphs for the council's nation (reviews, school): project text, not council data."""
    if part not in ("reviews", "school"):
        raise ValueError(f"there is no nation text '{part}' — use reviews or school")
    return getattr(nations.facts(council.council.nation.value), part).about.strip()


# --- Part C (issue 13): the council's figures beside the guidance ("Here in …") ---------------------


@dataclass(frozen=True)
class LocalFigureView:
    """One of the council's own indicators: its latest figure and the nation's for the same period."""

    id: str
    title: str
    value: str
    period: str
    comparison: Optional[str]  # "England: 38%", when the council gives its nation's figure for that period

    @property
    def in_period(self) -> Markup:
        return sentence("in_period", period=self.period)


@dataclass(frozen=True)
class NationalFigureView:
    id: str
    title: str
    value: str
    period: str
    year: int
    comparison: Optional[str]  # "all school leavers: 96%", when the release gives it
    source: str
    link: Optional[Link]
    kind: str
    as_of: When

    @property
    def source_sentence(self) -> Markup:
        """Where the figure comes from (a link when it has one), what kind of statistics it is, when we checked it."""
        return sentence("national_source", source=link_html(self.link) if self.link else self.source, kind=self.kind,
                        date=time_html(self.as_of))


@dataclass(frozen=True)
class HereInView:
    title: str                   # "Here in " and the council's short name
    local_intro: str             # the council's latest figures on the topic
    local: list[LocalFigureView]
    no_local: Optional[str]      # said plainly when the council gives no figure on the topic
    figures_link: Link           # the council's scorecard for the topic
    national_heading: str        # "Across England"
    no_national: Optional[str]   # said plainly when the nation's data holds no figure on the topic
    national: list[NationalFigureView]


def _national_view(figure) -> NationalFigureView:

    comparison = None
    if figure.comparison:
        comparison = f"{figure.comparison.who}: {formatted(figure.comparison.value, figure.unit)}"
    link = Link(figure.source, safe_href(figure.url)) if figure.url else None
    return NationalFigureView(figure.id, figure.title, formatted(figure.value, figure.unit), figure.period,
                              figure.year, comparison, figure.source, link, words().label("statistics_kinds", figure.kind), when(figure.as_of))


def here_in(council: CouncilFile, themes: tuple[Theme, ...], link: Callable[[str], str]) -> HereInView:
    """A briefing's panel: the council's latest figures on its topic (one or more performance themes) and
    the nation's current figures on the same topic (macros/data/national/), or the nation's overall
    picture, said plainly, when the nation's data holds none on the topic."""
    from .national import OLDEST_YEAR, figures as national_figures

    if not themes:
        raise ValueError("here_in_council() needs at least one theme")
    c = council.council
    facts = nations.facts(c.nation.value)
    topic = functools.reduce(lambda items, last: said("list_and", items=items, last=last),
                             [words().label("themes", t).lower() for t in themes])  # health and education
    local = []
    for theme in themes:
        for indicator in council.performance.indicators:
            if indicator.theme != theme:
                continue
            f = IndicatorFigures(indicator)
            theirs = f.comparison(facts.comparator)
            comparison = f"{facts.name}: {formatted(theirs.value, indicator.unit)}" if theirs else None
            local.append(LocalFigureView(indicator.id, indicator.title, formatted(f.latest.value, indicator.unit),
                                         f.latest.period, comparison))
    no_local = None if local else said("here_no_local", council=c.short_name, topic=topic)
    data = national_figures(c.nation.value)
    chosen = [f for t in themes for f in data.for_theme(t)]
    no_national = None
    if not chosen:
        no_national = said("here_no_national", topic=topic, nation=facts.name, year=OLDEST_YEAR)
        chosen = data.for_theme(Theme.profile)
    return HereInView(
        said("here_in", council=c.short_name), said("here_latest", council=c.short_name, topic=topic), local, no_local,
        Link(said("here_all_figures", council=c.short_name, topic=topic), f"{link('strategy/performance/')}#{themes[0].value}"),
        said("here_across", nation=facts.name), no_national, [_national_view(f) for f in chosen],
    )

# --- issue 13, part B: what's on (the events page and the calendar feed) --------------------------
# Board meetings (board_work.meetings) and the council's own events (events:) as one diary, in date
# order. The events page prints it (components: events_list, events_subscribe); macros/events_feed.py
# writes the same entries as an iCalendar feed, so the page and the feed always agree.


UK_TIME_ZONE = "Europe/London"  # every council here is in the UK; times in council.yml are UK time
FEED_PATH = "strategy/events.ics"  # where the calendar feed is published (docs/strategy/events.ics prints it)
EVENTS_PAGE = "strategy/events/"


def event_words() -> dict:
    """The events page's own words, from macros/data/words.yml: kinds of event, weekdays, times, links."""
    w = words().data
    return {"kinds": w["event_kinds"], "weekdays": w["weekdays"], "times": w["times"], "links": w["event_links"]}


def clock(value: Optional[time]) -> Optional[str]:
    """A time of day as people read it (GOV.UK style): 6pm, 5:30pm, 9:05am, midday, midnight; None for none."""
    if value is None:
        return None
    w = event_words()["times"]
    if value.hour == 0 and value.minute == 0:
        return w["midnight"]
    if value.hour == 12 and value.minute == 0:
        return w["midday"]
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{w['am'] if value.hour < 12 else w['pm']}"


def day_text(value: date, year: bool = True, month: bool = True) -> str:
    """Tuesday 19 January 2027 (or "Tuesday 19 January", "Tuesday 19" when the rest is said after it)."""
    text = f"{event_words()['weekdays'][value.weekday()]} {value.day}"
    if month:
        text += f" {words()['months'][value.month - 1]}"
    return f"{text} {value.year}" if year and month else text


def when_text(starts_on: date, ends_on: date, starts_at: Optional[time], ends_at: Optional[time]) -> str:
    """When something happens, as people read it:
    Tuesday 19 January 2027 · Tuesday 19 January 2027, 6pm to 8pm · Tuesday 19 January 2027, 6pm ·
    Monday 8 to Friday 12 March 2027 · Monday 29 March to Friday 2 April 2027 ·
    Monday 8 March 2027 at 9am to Friday 12 March 2027 at 5pm."""
    if ends_on == starts_on:
        text = day_text(starts_on)
        if starts_at:
            hours = said("from_to", start=clock(starts_at), end=clock(ends_at)) if ends_at else clock(starts_at)
            text += f", {hours}"
        return text
    if starts_at:
        end = said("day_at_time", day=day_text(ends_on), time=clock(ends_at)) if ends_at else day_text(ends_on)
        return said("from_to", start=said("day_at_time", day=day_text(starts_on), time=clock(starts_at)), end=end)
    same_year = starts_on.year == ends_on.year
    same_month = same_year and starts_on.month == ends_on.month
    return said("from_to", start=day_text(starts_on, year=not same_year, month=not same_month), end=day_text(ends_on))


@dataclass(frozen=True)
class Happening:
    """One dated entry in the council's diary (a board meeting or an event): what the page and the feed say."""

    uid: str                 # stable: from the event's id (a meeting's date) and the council's web address
    anchor: str              # its id on the events page
    title: str
    kind: str                # "board-meeting" or an event kind (a CSS class)
    kind_words: Optional[str]  # shown on the page (None for a board meeting: its title says it)
    category: str            # the feed's CATEGORIES: the kind in words, or the board's name
    starts_on: date
    ends_on: date            # the last day (starts_on for a one-day event)
    starts_at: Optional[time]  # None: all day
    ends_at: Optional[time]
    place: Optional[str]
    details: Optional[str]
    links: tuple[Link, ...]
    more: Optional[str]      # the event's own web page, if it has one

    @property
    def all_day(self) -> bool:
        return self.starts_at is None

    @property
    def sort_key(self) -> tuple:
        return (self.starts_on, self.starts_at or time.min, self.title, self.uid)


def uid_domain(council: CouncilFile) -> str:
    """The right-hand side of every UID in the feed: the council's own web address, without www."""
    host = urlsplit(council.council.website).hostname or "corporate-parenting.invalid"
    return host[4:] if host.startswith("www.") else host


def _times(starts_on: date, ends_on: Optional[date], starts_at, ends_at):
    """The entry's days and times, as far as they make sense: an end before the start, or an end time
    without a start time, is left out (an all-day entry on its days)."""
    last = ends_on if ends_on and ends_on >= starts_on else starts_on
    if starts_at is None:
        return last, None, None
    if ends_at is not None and (last, ends_at) <= (starts_on, starts_at):
        ends_at = None
    return last, starts_at, ends_at


def happenings(council: CouncilFile) -> list[Happening]:
    """Every board meeting and event in the data, in date order (earliest first)."""
    domain, w = uid_domain(council), event_words()
    out = []
    board = council.board.name
    for m in council.board_work.meetings:
        links = [(w["links"]["agenda"], m.agenda), (w["links"]["minutes"], m.minutes), (w["links"]["papers"], m.papers)]
        last, starts_at, ends_at = _times(m.held_on, None, m.starts_at, m.ends_at)
        out.append(Happening(
            f"corporate-parenting-board-{m.held_on.isoformat()}@{domain}", f"board-{m.held_on.isoformat()}",
            said("board_meeting", board=board), "board-meeting", None, board, m.held_on, last, starts_at, ends_at, m.place, None,
            tuple(Link(text, safe_href(url)) for text, url in links if url and safe_href(url)), None,
        ))
    for e in council.events:
        last, starts_at, ends_at = _times(e.starts_on, e.ends_on, e.starts_at, e.ends_at)
        more = safe_href(e.link) if e.link else ""
        out.append(Happening(
            f"corporate-parenting-event-{e.id}@{domain}", f"event-{e.id}", e.title, e.kind.value,
            w["kinds"][e.kind.value], w["kinds"][e.kind.value], e.starts_on, last, starts_at, ends_at, e.place, e.details,
            (Link(w["links"]["more"], more),) if more else (), more or None,
        ))
    return sorted(out, key=lambda h: h.sort_key)


@dataclass(frozen=True)
class EventCard:
    anchor: str
    title: str
    kind: str
    kind_words: Optional[str]
    when: str
    datetime: str  # the start, machine-readable (<time datetime>)
    on_now: bool   # it started before today and has not ended
    place: Optional[str]
    details: Optional[str]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class EventsView:
    council_name: str
    upcoming: list[EventCard]  # soonest first
    past: list[EventCard]      # latest first
    any: bool                  # anything at all in the diary
    has_events: bool           # the council's own events, besides board meetings
    feed_href: str             # the feed, relative to the page
    feed_url: Optional[str]    # the address to paste into a calendar app, when the site's address is known
    none_upcoming: str         # what the page says when nothing is coming up
    none_past: str             # … and when nothing is past
    missing: Optional[str]     # board meetings only: the council's own events are not listed yet


def _card(h: Happening, today: date) -> EventCard:
    iso = h.starts_on.isoformat() + (f"T{h.starts_at:%H:%M}" if h.starts_at else "")
    return EventCard(h.anchor, h.title, h.kind, h.kind_words, when_text(h.starts_on, h.ends_on, h.starts_at, h.ends_at),
                     iso, h.starts_on < today <= h.ends_on, h.place, h.details, h.links)


def feed_url(council: CouncilFile) -> Optional[str]:
    """The feed's full address (for calendar apps), when council.yml says where the site lives."""
    site = council.council.site_url
    return (safe_href(site.rstrip("/") + "/" + FEED_PATH) or None) if site else None


def events(council: CouncilFile, today: date, link: Callable[[str], str]) -> EventsView:
    """The events page: what is coming up (soonest first; today's and running events included) and what is past."""
    entries = happenings(council)
    upcoming = [_card(h, today) for h in entries if h.ends_on >= today]
    past = [_card(h, today) for h in reversed(entries) if h.ends_on < today]
    name = council.council.name
    none_upcoming = said("events_none_planned", council=name) if entries else said("events_none_listed", council=name)
    none_past = phrase("events_none_past")
    missing = None if council.events or not entries else said("events_missing", council=name)
    return EventsView(name, upcoming, past, bool(entries), bool(council.events), link(FEED_PATH), feed_url(council),
                      none_upcoming, none_past, missing)

# --- part D: the board, the home page, commitments and SMART actions ------------------------------
# Who sits on the board, when and where it meets, what it decided and what it did about what young
# people said; the headline figures and the next meeting for the home page; the council's public
# commitments; and actions taken apart, S, M, A, R and T, for the handbook's worked example.


def lower_first(text: str) -> str:
    """Text that goes on after "The board meets": "Every two months" becomes "every two months" (not "nHS")."""
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text


def time_span(starts: Optional[time_of_day], ends: Optional[time_of_day]) -> Optional[str]:
    """5:30pm to 7:30pm; from 5:30pm; None when no time is given."""
    if starts and ends:
        return said("from_to", start=clock(starts), end=clock(ends))
    if starts:
        return said("from_time", time=clock(starts))
    return None


@dataclass(frozen=True)
class MemberRow:
    name: str
    role: str
    group: str  # the party, or for a young person's seat the Children in Care Council


@dataclass(frozen=True)
class MeetingView:
    anchor: str
    held_on: When
    time: Optional[str]
    place: Optional[str]
    agenda: Optional[Link]
    minutes: Optional[Link]
    papers: Optional[Link]
    decisions: list[str]
    papers_note: Optional[str]  # "Minutes not published yet", or for a meeting to come "Not published yet" (its agenda)


@dataclass(frozen=True)
class YouSaidRow:
    raised_on: When
    you_said: str
    we_did: str


@dataclass(frozen=True)
class BoardView:
    name: str
    council_name: str
    meets_lower: str  # "every two months": after "The board meets"
    cicc: str
    members: list[MemberRow]
    upcoming: list[MeetingView]
    past: list[MeetingView]
    you_said_we_did: list[YouSaidRow]   # newest first
    annual_report: Optional[str]
    board_url: str = ""

    @property
    def no_decisions(self) -> Markup:
        return sentence("board_no_decisions", council=self.council_name)

    @property
    def next_meetings_caption(self) -> Markup:
        return sentence("board_next_meetings", board=self.name)

    @property
    def meets_sentence(self) -> Markup:
        return sentence("board_meets", board=self.name, meets=self.meets_lower)

    @property
    def no_dates(self) -> Markup:
        return sentence("board_no_dates", council=self.council_name)

    @property
    def members_caption(self) -> Markup:
        return sentence("board_members_caption", board=self.name)

    @property
    def no_members(self) -> Markup:
        return sentence("board_no_members", council=self.council_name)

    @property
    def no_annual_report(self) -> Markup:
        return sentence("board_no_annual_report", council=self.council_name)

    @property
    def you_said_caption(self) -> Markup:
        return sentence("board_you_said_caption", cicc=self.cicc)

    @property
    def no_you_said(self) -> Markup:
        return sentence("board_no_you_said", council=self.council_name, cicc=self.cicc)


def meeting_view(meeting, today: date) -> MeetingView:
    past = meeting.held_on < today
    on = when(meeting.held_on)
    agenda = Link(said("agenda_for", date=on.text), safe_href(meeting.agenda)) if meeting.agenda else None
    minutes = Link(said("minutes_of", date=on.text), safe_href(meeting.minutes)) if meeting.minutes else None
    papers = Link(said("papers_for", date=on.text), safe_href(meeting.papers)) if meeting.papers else None
    note = None
    if past and not (minutes or papers):
        note = phrase("minutes_not_published")
    elif not past and not (agenda or papers):
        note = phrase("not_published_yet")
    return MeetingView(f"meeting-{meeting.held_on.isoformat()}", on, time_span(meeting.starts_at, meeting.ends_at),
                       meeting.place, agenda, minutes, papers, list(meeting.decisions), note)


def board(council: CouncilFile, today: date, link: Callable[[str], str] = lambda target: target) -> BoardView:
    work, terms = council.board_work, council.board
    cicc = council.young_people.children_in_care_council.name
    members = [MemberRow(m.name, m.role, m.party or (cicc if m.young_person else "")) for m in work.members]
    meetings = sorted(work.meetings, key=lambda m: m.held_on)
    upcoming = [meeting_view(m, today) for m in meetings if m.held_on >= today]
    past = [meeting_view(m, today) for m in reversed(meetings) if m.held_on < today]
    said = [YouSaidRow(when(y.raised_on), y.you_said, y.we_did)
            for y in sorted(work.you_said_we_did, key=lambda y: y.raised_on, reverse=True)]
    return BoardView(terms.name, council.council.name, lower_first(terms.meets), cicc, members, upcoming, past, said,
                     safe_href(work.annual_report) if work.annual_report else None, link("strategy/board/"))


# --- the home page ---


@dataclass(frozen=True)
class HeadlineFigure:
    title: str
    href: str
    value: str
    period: str
    nation: Optional[str]      # "England: 94% in 2025-26"
    judgement: Optional[str]   # "Worse than England"
    trend: Optional[str]       # "Down from 76% in 2024-25 (getting worse)"
    css: str                   # better, worse or neutral: how it compares with the nation

    @property
    def in_period(self) -> Markup:
        return sentence("in_period", period=self.period)


def headline_figures(council: CouncilFile, link: Callable[[str], str]) -> list[HeadlineFigure]:
    """The indicators the council chose for the home page, each with its period, its nation's figure and its trend."""
    indicators = {i.id: i for i in council.performance.indicators}
    facts = nations.facts(council.council.nation.value)
    out = []
    for ident in council.performance.headline:
        indicator = indicators.get(ident)
        if indicator is None:  # `check` reports it; the page leaves it out
            continue
        unit, better = indicator.unit, indicator.higher_is_better
        latest = indicator.values[-1]
        theirs = [c for c in indicator.comparisons if c.against == facts.comparator]
        same_period = [c for c in theirs if c.period == latest.period]
        nation = judgement = None
        css = "neutral"
        if same_period or theirs:
            c = (same_period or theirs)[-1]
            nation = said("nation_figure_in", nation=facts.name, value=formatted(c.value, unit), period=c.period)
            if same_period:
                key = comparison_key(latest.value, c.value, better)
                judgement = _capital(said("compared_against", word=phrase(COMPARE_WORDS[key]), against=facts.name))
                css = {"better": "better", "worse": "worse"}.get(key, "neutral")
        trend = None
        if len(indicator.values) > 1:
            before = indicator.values[-2]
            moved = "up_from" if latest.value > before.value else ("down_from" if latest.value < before.value else "same_as_before")
            trend = said(moved, value=formatted(before.value, unit), period=before.period)
            key = comparison_key(latest.value, before.value, better)
            if key in ("better", "worse"):
                trend += f" ({lower_first(phrase(TREND_WORDS[key]))})"
        out.append(HeadlineFigure(indicator.title, f"{link('strategy/performance/')}#{anchor('indicator', indicator.id)}",
                                  formatted(latest.value, unit), latest.period, nation, judgement, trend, css))
    return out


@dataclass(frozen=True)
class HomeBoardView:
    name: str
    meets: str
    board_url: str
    next_meeting: Optional[MeetingView]
    latest: Optional[YouSaidRow]
    said_url: str

    @property
    def no_next_meeting(self) -> Markup:
        return sentence("home_no_next_meeting", meets=self.meets)


def home_board(council: CouncilFile, today: date, link: Callable[[str], str]) -> HomeBoardView:
    view = board(council, today, link)
    return HomeBoardView(view.name, view.meets_lower, view.board_url, view.upcoming[0] if view.upcoming else None,
                         view.you_said_we_did[0] if view.you_said_we_did else None, f"{view.board_url}#you-said-we-did")


# --- commitments ---


@dataclass(frozen=True)
class CommitmentView:
    what: str
    kind: str
    made_on: When
    link: Optional[str]

    @property
    def about(self) -> Markup:
        """After "Read more", for a screen reader: which commitment."""
        return sentence("commitment_about", date=self.made_on.text)


def commitments(council: CouncilFile) -> list[CommitmentView]:
    """The council's public commitments, newest first."""
    return [CommitmentView(c.what, c.kind.value, when(c.made_on), safe_href(c.link) if c.link else None)
            for c in sorted(council.commitments, key=lambda c: c.made_on, reverse=True)]


# --- SMART actions, for the handbook's worked example ---


@dataclass(frozen=True)
class SmartAction:
    href: str
    specific: str       # what will be done
    measurable: str     # the outcome, with a number or a sign that can be checked
    achievable: str     # who owns it
    relevant: list[str]  # the objective, findings and promise it serves
    timed: When
    status_words: str


def smart_actions(council: CouncilFile, link: Callable[[str], str], count: int = 2) -> list[SmartAction]:
    """Up to `count` of the council's actions as a worked example: first those that serve an objective
    and answer a self-evaluation finding, higher priority first, in the plan's order."""
    objectives = {o.id: o.title for o in council.strategy.objectives}
    promises = {p.id: p.promise for p in council.pledge.promises}

    def rank(action: Action) -> tuple:
        return (action.serves.objective not in objectives, not findings_answered_by(council, action),
                words()["priorities"][action.priority.value]["rank"])

    chosen = sorted(council.strategy.actions, key=rank)[:count]
    out = []
    for action in chosen:
        relevant = []
        if action.serves.objective in objectives:
            relevant.append(said("smart_serves_objective", objective=objectives[action.serves.objective]))
        relevant += [said("smart_answers_question", question=q.question, answer=words().label('answers', q.answer).lower())
                     for q in findings_answered_by(council, action)]
        if action.serves.promise in promises:
            relevant.append(said("smart_keeps_promise", promise=promises[action.serves.promise]))
        out.append(SmartAction(f"{link('strategy/action-plan/')}#{anchor('action', action.id)}", action.what, action.outcome,
                               owner_name(council, action.owner), relevant, when(action.due),
                               words().label("action_statuses", action.status)))
    return out

# --- issue 13, part A: the scorecard (every figure at a glance, charts that compare, age groups together) ---


AGE_BAND = re.compile(r"^(?P<measure>.+?) aged (?P<band>(?:under|over) \d+|\d+(?: to \d+| and over| or over| and under| or under|\+)?)$")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else said("list_and", items=", ".join(items[:-1]), last=items[-1])


@dataclass(frozen=True)
class IndicatorGroup:
    """Neighbouring indicators that are age groups of one measure ("Children in care aged under 1",
    "… aged 1 to 4"…): shown as one table and one chart, never as one-bar charts."""

    measure: str
    members: tuple[tuple[Indicator, str], ...]  # (indicator, its age band: "under 1", "16 and over")

    @property
    def anchor(self) -> str:
        return anchor("indicators", _slug(self.measure) + "-by-age")


def _age_band(indicator: Indicator) -> Optional[str]:
    found = AGE_BAND.match(indicator.title)
    return found.group("band") if found else None


def _one_measure(first: Indicator, other: Indicator) -> bool:
    return (AGE_BAND.match(first.title).group("measure") == AGE_BAND.match(other.title).group("measure")
            and (first.theme, first.unit, first.higher_is_better) == (other.theme, other.unit, other.higher_is_better)
            and [v.period for v in first.values] == [v.period for v in other.values])


def indicator_entries(indicators: list[Indicator]) -> list:
    """The indicators in order, with neighbouring age groups of one measure gathered into an IndicatorGroup."""
    out: list = []
    run: list[Indicator] = []

    def close() -> None:
        if len(run) > 1:
            measure = AGE_BAND.match(run[0].title).group("measure")
            out.append(IndicatorGroup(measure, tuple((i, _age_band(i)) for i in run)))
        else:
            out.extend(run)
        run.clear()

    for indicator in indicators:
        if _age_band(indicator) is None:
            close()
            out.append(indicator)
            continue
        if run and not _one_measure(run[0], indicator):
            close()
        run.append(indicator)
    close()
    return out


def comparator_name(against: Comparator) -> str:
    """As a column or a key says it: England, Region, Statistical neighbours."""
    return _capital(words().label("comparators", against))


def _in_a_sentence(against: Comparator) -> str:
    name = words().label("comparators", against)
    return said("the_region", region=name) if against == Comparator.region else name


def _series_key(against: Comparator, nation: str) -> str:
    if against.value == nations.facts(nation).comparator:
        return "nation"
    return {Comparator.region: "region", Comparator.statistical_neighbours: "neighbours"}.get(against, "other")


# the figures of one indicator (or group) as rows and columns: the table prints it, the chart draws it


@dataclass(frozen=True)
class Grid:
    id: str
    corner: str                                # what the rows are: "Year" or "Age group"
    rows: list[tuple[str, Optional[str]]]      # (row header, the anchor a row carries)
    columns: list[tuple[str, str]]             # (series key, name): the council first, then comparators
    values: dict[tuple[int, int], float]       # (row, column) -> figure
    unit: Unit
    compared_with: list[str]                   # comparators, as a sentence names them
    periods: list[str]                         # every period shown, oldest first


def _indicator_grid(indicator: Indicator, short: str, nation: str) -> Grid:
    figures = IndicatorFigures(indicator)
    against = figures.compared_with(nation)
    columns = [("ours", short)] + [(_series_key(a, nation), comparator_name(a)) for a in against]
    values = {}
    for row, value in enumerate(indicator.values):
        values[(row, 0)] = value.value
        for column, a in enumerate(against, start=1):
            comparison = figures.comparison(a, value.period)
            if comparison:
                values[(row, column)] = comparison.value
    periods = [v.period for v in indicator.values]
    return Grid(indicator.id, phrase("year"), [(p, None) for p in periods], columns, values, indicator.unit,
                [_in_a_sentence(a) for a in against], periods)


def _group_grid(group: IndicatorGroup, short: str, nation: str) -> Grid:
    first = group.members[0][0]
    periods = [v.period for v in first.values]
    pairs = []  # (comparator, period) given for any age group
    for against in comparator_order(nation):
        for period in periods:
            if any(IndicatorFigures(i).comparison(against, period) for i, _ in group.members):
                pairs.append((against, period))
    one_period = len(periods) == 1 and all(p == periods[0] for _, p in pairs)
    columns = [("ours" if p == periods[-1] else "earlier", short if one_period else f"{short} {p}") for p in periods]
    columns += [(_series_key(a, nation), comparator_name(a) if one_period else f"{comparator_name(a)} {p}") for a, p in pairs]
    values = {}
    for row, (indicator, _) in enumerate(group.members):
        figures = IndicatorFigures(indicator)
        for column, value in enumerate(indicator.values):
            values[(row, column)] = value.value
        for column, (against, period) in enumerate(pairs, start=len(periods)):
            comparison = figures.comparison(against, period)
            if comparison:
                values[(row, column)] = comparison.value
    compared = []
    for against, _ in pairs:
        if _in_a_sentence(against) not in compared:
            compared.append(_in_a_sentence(against))
    return Grid(group.anchor, phrase("age_group"), [(said("aged", band=band), anchor("indicator", i.id)) for i, band in group.members],
                columns, values, first.unit, compared, periods)


@dataclass(frozen=True)
class Cell:
    text: str
    series: str              # the column's name (the chart's series)
    value: Optional[str]     # the figure, or None where there is none (a dash)


@dataclass(frozen=True)
class TableRow:
    header: str
    anchor: Optional[str]
    cells: list[Cell]


@dataclass(frozen=True)
class TableView:
    id: str
    caption: str
    corner: str
    columns: list[str]
    rows: list[TableRow]


def _table(grid: Grid, caption: str) -> TableView:
    rows = []
    for r, (header, row_anchor) in enumerate(grid.rows):
        cells = []
        for c, (_, name) in enumerate(grid.columns):
            value = grid.values.get((r, c))
            text = formatted(value, grid.unit) if value is not None else None
            cells.append(Cell(text or "–", name, text))
        rows.append(TableRow(header, row_anchor, cells))
    return TableView(grid.id, caption, grid.corner, [name for _, name in grid.columns], rows)


# the chart's drawing: horizontal bars, so every label has room at 390 pixels and on paper


@dataclass(frozen=True)
class Series:
    """One series of bars and its key: a fill pattern (stripes at an angle), so it reads in black and white."""

    key: str
    name: str
    pattern_id: str
    tile: int
    stripe: int
    angle: int


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class GroupLabel:
    x: str
    y: str
    anchor: str  # text-anchor: start (above its bars) or end (beside them)
    text: str


PATTERNS = {  # series key -> (tile, stripe, angle): a stripe as wide as the tile is a solid fill
    "ours": (6, 6, 0), "earlier": (6, 6, 0), "nation": (6, 3, 45),
    "region": (6, 2, 135), "neighbours": (5, 2, 90), "other": (6, 2, 0),
}
CHART_WIDTH, PLOT_LEFT, PLOT_RIGHT, PLOT_TOP = 400, 30, 348, 4
GROUP_LABEL, BAR_HEIGHT, BAR_GAP, GROUP_GAP = 18, 15, 2, 6
BESIDE_CHARACTERS, CHARACTER_WIDTH = 9, 8.2  # a group label this short stands beside its bars (14px bold)
AXIS_TITLES = {Unit.percent: "axis_percentage", Unit.number: "axis_number", Unit.days: "axis_days",  # ui phrases
               Unit.rate_per_10000: "axis_rate_per_10000"}


def short_figure(value: float, unit: Unit) -> str:
    """A figure beside a bar or on an axis: the axis title names any unit but a percentage."""
    return f"{number(value)}%" if unit == Unit.percent else number(value)


def axis_ticks(top: float, unit: Unit) -> list[float]:
    """0 to a round number at or above the top figure, in at most 5 steps of 1, 2 or 5 (times a power
    of ten); 0 to 100 in steps of 25 for large percentages."""
    if unit == Unit.percent and top > 50:
        return [0, 25, 50, 75, 100]
    top = top if top > 0 else 1
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw - 1e-12)
    return [round(i * step, 10) for i in range(math.ceil(top / step - 1e-9) + 1)]


def _draw(grid: Grid, title: str, caption: str) -> Optional[ChartView]:
    """The grid's figures as bars; None when there would be fewer than two bars. Short group labels
    (years) stand beside their bars; longer ones (age groups) above them."""
    if len(grid.values) < 2:
        return None
    chart_id = f"chart-{grid.id}"
    series = [Series(key, name, f"{chart_id}-s{c}", *PATTERNS[key]) for c, (key, name) in enumerate(grid.columns)]
    ticks = axis_ticks(max(grid.values.values()), grid.unit)
    longest = max(len(header) for header, _ in grid.rows)
    beside = longest <= BESIDE_CHARACTERS
    left = PLOT_LEFT + (round(longest * CHARACTER_WIDTH) + 8 if beside else 0)
    span = PLOT_RIGHT - left
    y = PLOT_TOP
    groups, bars, described = [], [], []
    for r, (header, _) in enumerate(grid.rows):
        present = [c for c in range(len(grid.columns)) if (r, c) in grid.values]
        if not present:
            continue
        if beside:
            middle = y + (len(present) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP) / 2
            groups.append(GroupLabel(f"{left - 6}", f"{middle + 4.5:.1f}", "end", header))
        else:
            groups.append(GroupLabel(f"{left + 4}", f"{y + 14:.1f}", "start", header))
            y += GROUP_LABEL
        said = []
        for c in present:
            value = grid.values[(r, c)]
            width = span * value / ticks[-1]
            s = series[c]
            bars.append(Bar(f"{left}", f"{y:.1f}", f"{width:.1f}", f"{BAR_HEIGHT}", f"url(#{s.pattern_id})", s.key,
                            s.name, header, formatted(value, grid.unit), short_figure(value, grid.unit),
                            f"{left + width + 4:.1f}", f"{y + BAR_HEIGHT / 2 + 4.5:.1f}"))
            said.append(f"{s.name} {formatted(value, grid.unit)}")
            y += BAR_HEIGHT + BAR_GAP
        described.append(f"{header}: {', '.join(said)}")
        y += GROUP_GAP
    axis_y = y - GROUP_GAP + 4
    return ChartView(
        chart_id, grid.id, title, caption, "; ".join(described) + ".", CHART_WIDTH, int(axis_y + 42), series, groups, bars,
        [Tick(f"{left + span * t / ticks[-1]:.1f}", short_figure(t, grid.unit)) for t in ticks],
        str(left), str(PLOT_RIGHT), str(PLOT_TOP), f"{axis_y:.1f}", f"{axis_y + 16:.1f}",
        phrase(AXIS_TITLES[grid.unit]), f"{(left + PLOT_RIGHT) / 2:.1f}", f"{axis_y + 35:.1f}",
        grid.corner, f"translate(12 {(PLOT_TOP + axis_y) / 2:.1f}) rotate(-90)",
    )


def _caption(grid: Grid, short: str, by_age: bool) -> str:
    """Who is compared with whom, over which years: "Anytown compared with England and the region, 2023-24 to 2025-26"."""
    who = said("compared_with", council=short, others=_and_list(grid.compared_with)) if grid.compared_with else short
    years = grid.periods[0] if len(grid.periods) == 1 else said("from_to", start=grid.periods[0], end=grid.periods[-1])
    return said("chart_caption_by_age" if by_age else "chart_caption", who=who, years=years)


def indicator_chart(indicator: Indicator, short: str, nation: str) -> Optional[ChartView]:
    grid = _indicator_grid(indicator, short, nation)
    caption = _caption(grid, short, False)
    return _draw(grid, f"{indicator.title}: {caption}", caption)


# each entry of a theme: one indicator, or one measure by age group


def _indicator_view(indicator: Indicator, short: str, nation: str) -> IndicatorView:
    figures = IndicatorFigures(indicator)
    grid = _indicator_grid(indicator, short, nation)
    caption = _caption(grid, short, False)
    drawn = _draw(grid, f"{indicator.title}: {caption}", caption)
    return IndicatorView(
        indicator.id, anchor("indicator", indicator.id), indicator.title, figures.summary(short) + figures.direction(),
        figures.small_numbers(), _table(grid, f"{indicator.title}: {caption}"), drawn,
        None if drawn else formatted(figures.latest.value, indicator.unit), None if drawn else figures.latest.period,
        [(phrase("officers_say"), indicator.commentary)] if indicator.commentary else [],
        indicator.source, when(indicator.as_of),
    )


SHORT_WORDS = {"better": "better_for_aged", "worse": "worse_for_aged", "higher": "higher_for_aged",  # ui phrases
               "lower": "lower_for_aged", "same": "the_same_for_aged"}


def _group_summary(group: IndicatorGroup, short: str, nation: str) -> str:
    facts = nations.facts(nation)
    period = group.members[0][0].values[-1].period
    by_word: dict[str, list[str]] = {}
    for indicator, band in group.members:
        figures = IndicatorFigures(indicator)
        theirs = figures.comparison(Comparator(facts.comparator))
        if theirs:
            key = comparison_key(figures.latest.value, theirs.value, indicator.higher_is_better)
            by_word.setdefault(key, []).append(band)
    if not by_word:
        figures = "; ".join(said("aged_figure", band=band, value=formatted(i.values[-1].value, i.unit)) for i, band in group.members)
        return said("group_figures_were", period=period, council=short, figures=figures)
    parts = [said(SHORT_WORDS[key], bands=_and_list(bands)) for key, bands in by_word.items()]
    return said("group_figure_was", period=period, nation=facts.name, council=short, parts=_and_list(parts))


def _group_view(group: IndicatorGroup, short: str, nation: str) -> IndicatorView:
    grid = _group_grid(group, short, nation)
    caption = _caption(grid, short, True)
    title = said("measure_by_age", measure=group.measure)
    members = [i for i, _ in group.members]
    warnings = [w for w in (IndicatorFigures(i).small_numbers() for i in members) if w]
    sources = list(dict.fromkeys(i.source for i in members))
    return IndicatorView(
        group.anchor, group.anchor, title, _group_summary(group, short, nation) + IndicatorFigures(members[0]).direction(),
        " ".join(dict.fromkeys(warnings)) or None, _table(grid, f"{title}: {caption}"),
        _draw(grid, f"{title}: {caption}", caption), None, None,
        [(said("officers_say_about_aged", band=band), i.commentary) for i, band in group.members if i.commentary],
        "; ".join(sources), when(max(i.as_of for i in members)),
    )


def entry_view(entry, short: str, nation: str) -> IndicatorView:
    if isinstance(entry, IndicatorGroup):
        return _group_view(entry, short, nation)
    return _indicator_view(entry, short, nation)


# the summary: every indicator in one table, before the detail


@dataclass(frozen=True)
class SummaryCell:
    text: str
    note: Optional[str] = None  # the period, where it is not the column's
    column: str = ""  # the id of its column's heading (the table has two levels of headings: see `headers`)


@dataclass(frozen=True)
class SummaryColumn:
    id: str
    name: str


@dataclass(frozen=True)
class SummaryRow:
    id: str  # its heading's id, for the cells' `headers`
    title: str
    href: str
    cells: list[SummaryCell]  # this year, last year, then each comparator shown
    direction: str
    tone: str  # better, worse, mixed or neutral: how the words lean
    small_numbers: bool


@dataclass(frozen=True)
class SummaryTheme:
    id: str
    title: str
    href: str
    rows: list[SummaryRow]


@dataclass(frozen=True)
class SummaryView:
    any: bool
    caption: str
    latest_period: Optional[str]    # the year every figure's "this year" is, if they are all one year
    previous_period: Optional[str]
    columns: list[SummaryColumn]
    themes: list[SummaryTheme]
    width: int  # how many columns, for the theme rows


def _summary_row(indicator: Indicator, href: str, nation: str, shown: list[Comparator],
                 latest_period: Optional[str], previous_period: Optional[str]) -> SummaryRow:
    figures, unit = IndicatorFigures(indicator), indicator.unit
    facts = nations.facts(nation)
    latest, previous = figures.latest, figures.previous
    note = lambda period, usual: None if period == usual else period  # noqa: E731
    others = []
    for against in shown:
        found = figures.newest_comparison(against)
        column = f"glance-{against.value}"
        others.append(SummaryCell(formatted(found.value, unit), note(found.period, latest.period), column) if found
                      else SummaryCell("–", column=column))
    parts, tones = [], []
    theirs = figures.comparison(Comparator(facts.comparator))
    if theirs:
        key = comparison_key(latest.value, theirs.value, indicator.higher_is_better)
        parts.append(said("compared_against", word=phrase(COMPARE_WORDS[key]), against=facts.name))
        tones.append(key)
    trend = figures.trend()
    if trend:
        parts.append(trend)
        tones.append(figures.trend_key())
    good, bad = "better" in tones, "worse" in tones
    tone = "mixed" if good and bad else "better" if good else "worse" if bad else "neutral"
    cells = [SummaryCell(formatted(latest.value, unit), note(latest.period, latest_period), "glance-this"),
             SummaryCell(formatted(previous.value, unit), note(previous.period, previous_period), "glance-last") if previous
             else SummaryCell("–", column="glance-last")]
    return SummaryRow(
        f"glance-{indicator.id}", indicator.title, href, cells + others, _capital(", ".join(parts)) if parts else phrase("no_comparison_yet"), tone, figures.small_numbers() is not None,
    )


def scorecard_summary(council: CouncilFile) -> SummaryView:
    """Every indicator in one table: this year, last year, the nation, region and statistical neighbours
    (where any figure gives them), and how it compares in words; each row links to its detail."""
    nation, short = council.council.nation.value, council.council.short_name
    indicators = council.performance.indicators
    given = {c.against for i in indicators for c in i.comparisons}
    own = Comparator(nations.facts(nation).comparator)
    shown = [c for c in comparator_order(nation) if c == own or (c in given and c not in NATIONS)]
    latest = {i.values[-1].period for i in indicators}
    previous = {i.values[-2].period for i in indicators if len(i.values) > 1}
    latest_period = latest.pop() if len(latest) == 1 else None
    previous_period = previous.pop() if len(previous) == 1 else None
    themes = []
    for theme in Theme:
        rows = []
        for entry in indicator_entries([i for i in indicators if i.theme == theme]):
            members = [i for i, _ in entry.members] if isinstance(entry, IndicatorGroup) else [entry]
            target = entry.anchor if isinstance(entry, IndicatorGroup) else anchor("indicator", entry.id)
            rows += [_summary_row(i, f"#{target}", nation, shown, latest_period, previous_period) for i in members]
        if rows:
            title = words().label("themes", theme)
            themes.append(SummaryTheme(f"summary-{theme.value}", title, f"#{theme.value}", rows))
    return SummaryView(
        bool(indicators), said("summary_caption", council=short),
        latest_period, previous_period,
        [SummaryColumn(f"glance-{c.value}", comparator_name(c)) for c in shown], themes, 4 + len(shown),
    )


# --- issue 12 (help bar helper): help one tap away on every young people's page, and what to do
# when a personal adviser does not reply. Plain data for overrides/partials/help-bar.html and
# macros/templates/adviser_not_replying.html; numbers become tel: links only through tel_href. -------------

CHILDLINE = "0800 1111"  # Childline (NSPCC): a charity's service, free, any time, for anyone under 19
EMERGENCY = "999"


@dataclass(frozen=True)
class HelpBarView:
    """What the one help bar on a young people's page says: 999, Childline, the council's
    out-of-hours team (or, plainly, that its number is not published here), and an advocate."""

    emergency: Link
    childline: Link
    out_of_hours: Optional[Link]        # the number, when the council publishes one
    out_of_hours_name: str              # the team's name, or the role's title when not published
    out_of_hours_hours: Optional[str]
    out_of_hours_missing: str           # said instead of a number when there is none
    corporate_parent: str               # "the council", "the Trust"
    advocate: Link                      # the advocacy contact's phone, or a link to the page that explains
    advocate_is_phone: bool
    title: str = ""                     # "Need help now?"
    lines: tuple["HelpBarLine", ...] = ()  # what the bar prints, in the language being built


@dataclass(frozen=True)
class HelpBarLine:
    """One line of the help bar: words, a number or link (strong when a number), words."""

    before: str
    link: Optional[Link]
    after: str
    strong: bool = True       # a phone number is bold
    site_path: bool = False   # the link is a path in the site (made relative to the page by the theme)


def _help_bar_line(sentence: str, link: Optional[Link], strong: bool = True, site_path: bool = False,
                   **values) -> HelpBarLine:
    """A sentence from words.yml with {link} where the link goes, and its other {placeholders} filled in."""
    before, _, after = sentence.format(link="\0", **values).partition("\0")
    return HelpBarLine(before, link, after, strong, site_path)


def _digits_tel(number: str) -> str:
    return "tel:" + re.sub(r"\D", "", number)


def help_bar(council: CouncilFile) -> HelpBarView:
    facts = nations.facts(council.council.nation.value)
    ooh, advocacy = council.contact(Role.out_of_hours), council.contact(Role.advocacy)
    said = words()["help_bar"]
    missing = said["out_of_hours_missing"].format(council=council.council.name, emergency=EMERGENCY)
    if advocacy and advocacy.phone:
        advocate, is_phone = Link(advocacy.phone, tel_href(advocacy.phone)), True
    else:   # a path in the site, in the language being built
        advocate, is_phone = Link(said["advocate_link"], language.root() + "young-people/who-can-help/#advocate"), False
    emergency, childline = Link(EMERGENCY, _digits_tel(EMERGENCY)), Link(CHILDLINE, _digits_tel(CHILDLINE))
    out_of_hours = Link(ooh.phone, tel_href(ooh.phone)) if ooh and ooh.phone else None
    ooh_name = ooh.name if ooh else role_title(council, Role.out_of_hours)
    hours = ooh.hours if ooh else None
    lines = [_help_bar_line(said["danger"], emergency), _help_bar_line(said["childline"], childline)]
    if out_of_hours:
        lines.append(_help_bar_line(said["out_of_hours_with_hours" if hours else "out_of_hours"], out_of_hours,
                                corporate_parent=facts.corporate_parent, name=ooh_name, hours=hours))
    else:
        lines.append(HelpBarLine(missing, None, ""))
    lines.append(_help_bar_line(said["advocate_phone"], advocate) if is_phone else
                 _help_bar_line(said["advocate_page"], advocate, strong=False, site_path=True))
    return HelpBarView(
        emergency=emergency,
        childline=childline,
        out_of_hours=out_of_hours,
        out_of_hours_name=ooh_name,
        out_of_hours_hours=hours,
        out_of_hours_missing=missing,
        corporate_parent=facts.corporate_parent,
        advocate=advocate,
        advocate_is_phone=is_phone,
        title=said["title"],
        lines=tuple(lines),
    )


@dataclass(frozen=True)
class AdviserNotReplyingView:
    corporate_parent: str
    team_name: Optional[str]            # the leaving care team, when published
    team_phone: Optional[Link]
    team_email: Optional[Link]
    advocate_href: str
    complain_href: str
    charity: str                        # the nation's voice charity (a charity's service)
    charity_web: Link
    charity_does: str

    @property
    def call_team(self) -> Markup:
        """Call the leaving care team (its name, its number, and its email when there is one)."""
        if self.team_email:
            return sentence("adviser_call_team_or_email", team=self.team_name, phone=link_html(self.team_phone),
                            email=link_html(self.team_email))
        return sentence("adviser_call_team", team=self.team_name, phone=link_html(self.team_phone))

    @property
    def call_corporate_parent(self) -> Markup:
        return sentence("adviser_call_corporate_parent", corporate_parent=self.corporate_parent)

    @property
    def talk_to_charity(self) -> Markup:
        return sentence("adviser_talk_to_charity", charity=strong(self.charity), corporate_parent=self.corporate_parent,
                        does=self.charity_does)


def adviser_not_replying(council: CouncilFile, link: Callable[[str], str]) -> AdviserNotReplyingView:
    """What a care leaver can do when their personal adviser does not answer."""
    facts = nations.facts(council.council.nation.value)
    team = council.contact(Role.leaving_care)
    charity = facts.voice_charity
    return AdviserNotReplyingView(
        corporate_parent=facts.corporate_parent,
        team_name=team.name if team else None,
        team_phone=Link(team.phone, tel_href(team.phone)) if team and team.phone else None,
        team_email=Link(team.email, mailto(team.email)) if team and team.email else None,
        advocate_href=link("young-people/who-can-help/") + "#advocate",
        complain_href=link("young-people/speak-up/") + "#complain",
        charity=charity.name,
        charity_web=Link(shorten_url(charity.web), safe_href(charity.web)),
        charity_does=charity.does,
    )

# --- end of issue 12 (help bar helper) ------------------------------------------------------------------
