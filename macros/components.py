"""Components: validated data in, escaped HTML out.

Each component is a template in macros/templates/ rendered by a Jinja
environment with autoescape on, so any text from council.yml shows as text.
Components return HTML blocks without blank lines, which Markdown passes
through untouched (a `|` or `*` in the data cannot break a table or a list).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import entitlements as entitlements_mod
from .escape import long_date, safe_href
from .schema import AREA_TITLES, ROLE_TITLES, STAGE_TITLES, Area, CouncilFile, Role, Stage
from .types import _icons_dir, tel_href

NATION_NAMES = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
}

AREA_ICONS = {
    "health-and-wellbeing": "material/heart-pulse",
    "relationships": "material/account-group",
    "education-and-training": "material/school",
    "employment": "material/briefcase",
    "accommodation": "material/home",
    "participation-in-society": "material/account-voice",
    "money": "material/piggy-bank",
}

VERDICT_WORDS = {"kept": "Kept", "partly-kept": "Partly kept", "not-yet": "Not kept yet"}
VERDICT_ICONS = {
    "kept": "material/check-circle",
    "partly-kept": "material/circle-half-full",
    "not-yet": "material/close-circle",
}

CONTACT_GROUPS = (
    ("for-young-people", "For young people", (
        Role.social_care, Role.leaving_care, Role.advocacy, Role.independent_reviewing_officers,
        Role.independent_visitors, Role.virtual_school_head, Role.health_for_children_in_care,
        Role.children_in_care_council, Role.complaints, Role.out_of_hours,
    )),
    ("for-corporate-parents", "Council leaders and teams", (
        Role.director_of_childrens_services, Role.lead_member, Role.chief_executive,
        Role.participation, Role.fostering,
    )),
)


def shorten_url(url: str) -> str:
    return re.sub(r"^https://(www\.)?", "", url).rstrip("/")


@lru_cache(maxsize=None)
def icon_svg(name: str) -> Markup:
    """An icon bundled with Material, inline (no request). Names are validated by the schema."""
    path = _icons_dir() / f"{name}.svg"
    if not re.fullmatch(r"[a-z0-9/-]+", name) or not path.is_file():
        return Markup("")
    return Markup(path.read_text(encoding="utf-8").strip())


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("macros", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(tel=tel_href, href=safe_href, long_date=long_date, shorten_url=shorten_url)
    env.globals.update(icon=icon_svg)
    return env


def html_block(template: str, **context) -> Markup:
    """Render a component as one HTML block with no blank lines."""
    html = environment().get_template(template).render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


@dataclass
class Components:
    """The components for one council, linking relative to the page being built."""

    council: CouncilFile
    page_url: Callable[[], str] = lambda: ""

    def link(self, target: str) -> str:
        """A relative link from the current page to a site path such as 'strategy/board/'."""
        here = self.page_url() or ""
        base = posixpath.dirname(here.rstrip("/")) if not here.endswith("/") else here.rstrip("/")
        rel = posixpath.relpath(target.rstrip("/") or ".", base or ".")
        return (rel + "/") if target.endswith("/") and rel != "." else (rel if rel != "." else "./")

    # contacts
    def contact_card(self, role: str) -> Markup:
        role_enum = Role(role)
        return html_block(
            "contact_card.html",
            contact=self.council.contact(role_enum),
            role_title=ROLE_TITLES[role_enum],
            council_name=self.council.council.name,
        )

    def contacts_list(self) -> Markup:
        groups = []
        for group_id, title, roles in CONTACT_GROUPS:
            present = [c for r in roles if (c := self.council.contact(r))]
            groups.append(({"id": group_id, "title": title}, present))
        return html_block("contacts_list.html", groups=groups, card=self.contact_card)

    # board
    def board_summary(self) -> Markup:
        return html_block(
            "board_summary.html",
            board=self.council.board,
            council_name=self.council.council.name,
            board_url=self.link("strategy/board/"),
        )

    def board_terms(self) -> Markup:
        return html_block("board_terms.html", board=self.council.board)

    # pledge
    def pledge(self) -> Markup:
        return html_block(
            "pledge.html",
            pledge=self.council.pledge,
            owner=self._owner_name,
            verdict_words=VERDICT_WORDS,
            verdict_icons=VERDICT_ICONS,
        )

    def _owner_name(self, role: Role) -> str:
        contact = self.council.contact(role)
        return contact.name if contact else ROLE_TITLES[role]

    # entitlements
    def entitlements(self, stage: Optional[str] = None, prefix: str = "") -> Markup:
        items = entitlements_mod.merged(self.council)
        if stage:
            items = [i for i in items if Stage(stage) in i.stages]
        areas = [(area, [i for i in items if i.area == area]) for area in Area]
        areas = [(a, its) for a, its in areas if its]
        return html_block(
            "entitlements.html",
            areas=areas,
            area_titles=AREA_TITLES,
            area_icons=AREA_ICONS,
            prefix=prefix,
            render_item=self._entitlement,
        )

    def _entitlement(self, item: "entitlements_mod.Offer", anchor: str) -> Markup:
        contact = self.council.contact(item.contact) if item.contact else None
        return html_block(
            "entitlement.html",
            item=item,
            anchor=anchor,
            council_short=self.council.council.short_name,
            nation_name=NATION_NAMES[self.council.council.nation.value],
            contacts_url=self.link("contacts/"),
            help_url=self.link("young-people/who-can-help/"),
            item_contact=contact,
        )

    def stage_title(self, stage: str) -> str:
        return STAGE_TITLES[Stage(stage)]

    # young people
    def children_in_care_council(self) -> Markup:
        return html_block(
            "children_in_care_council.html",
            cicc=self.council.young_people.children_in_care_council,
            card=self.contact_card,
        )

    def dear_corporate_parent(self) -> Markup:
        return html_block(
            "dear_corporate_parent.html", route=self.council.young_people.dear_corporate_parent
        )


STATUS_WORDS = {"not-started": "Not started", "on-track": "On track", "at-risk": "At risk", "done": "Done"}
ANSWER_WORDS = {"yes": "Yes", "partly": "Partly", "no": "No"}
PRIORITY_RANK = {"high": 1, "medium": 2, "low": 3}
STRATEGY_WORDS = {
    "vision": "its vision and commitment",
    "message_from_young_people": "a message from young people",
    "how_it_works": "how corporate parenting works here",
}


@dataclass
class StrategyComponents:
    """The strategy, action plan, scorecard, self-evaluation and the board's work."""

    council: CouncilFile
    link: Callable[[str], str]
    today: Callable[[], "date"]

    def _missing(self, what: str) -> Markup:
        return html_block("not_written.html", council_name=self.council.council.name, what=what)

    def strategy_text(self, field: str) -> Markup:
        strategy = self.council.strategy
        text = getattr(strategy, field)
        attribution = None
        if field == "message_from_young_people" and strategy.message_from:
            attribution = f"From {strategy.message_from}"
        return html_block(
            "text_section.html", text=text, paragraphs=[text] if text else [],
            attribution=attribution, council_name=self.council.council.name,
            what=STRATEGY_WORDS.get(field, field.replace("_", " ")),
        )

    def population(self) -> Markup:
        p = self.council.strategy.population
        parts = [("Who they are", p.profile), ("What they need", p.needs), ("How well they are doing", p.outcomes),
                 ("What children and young people say", p.childrens_views), ("Services", p.services),
                 ("Current concerns", p.concerns)]
        return html_block("population.html", parts=parts, council_name=self.council.council.name)

    def strengths(self) -> Markup:
        return html_block("list_or_missing.html", items=self.council.strategy.strengths,
                          council_name=self.council.council.name, what="what it does well")

    def must_improve(self) -> Markup:
        return html_block("list_or_missing.html", items=self.council.strategy.must_improve,
                          council_name=self.council.council.name, what="what must improve")

    def objectives(self) -> Markup:
        return html_block("objectives.html", objectives=self.council.strategy.objectives,
                          council_name=self.council.council.name, what="its objectives")

    def _serves(self, action) -> list[tuple[str, str]]:
        out = []
        objectives = {o.id: o for o in self.council.strategy.objectives}
        if action.serves.objective in objectives:
            out.append((f"Objective: {objectives[action.serves.objective].title}",
                        f"{self.link('strategy/')}#objective-{action.serves.objective}"))
        questions = {q.id: q for q in self.council.self_evaluation.questions}
        if action.serves.self_evaluation in questions:
            out.append(("Self-evaluation gap", f"{self.link('strategy/self-evaluation/')}#q-{action.serves.self_evaluation}"))
        promises = {p.id for p in self.council.pledge.promises}
        if action.serves.promise in promises:
            out.append(("Pledge promise", f"{self.link('young-people/pledge/')}#promise-{action.serves.promise}"))
        return out

    def action_plan(self) -> Markup:
        strategy = self.council.strategy
        today = self.today()
        rows = []
        for action in strategy.actions:
            contact = self.council.contact(action.owner)
            rows.append({
                "action": action,
                "owner": contact.name if contact else ROLE_TITLES[action.owner],
                "overdue": action.due < today and action.status.value != "done",
                "serves": self._serves(action),
            })
        groups = []
        for objective in strategy.objectives:
            members = [r for r in rows if r["action"].serves.objective == objective.id]
            if members:
                groups.append((objective.title, f"plan-{objective.id}", members))
        others = [r for r in rows if r["action"].serves.objective not in {o.id for o in strategy.objectives}]
        if others:
            groups.append(("Other actions: gaps and promises", "plan-other", others))
        counts = {}
        for r in rows:
            counts[r["action"].status.value] = counts.get(r["action"].status.value, 0) + 1
        return html_block(
            "action_plan.html", groups=groups, total=len(rows),
            status_counts=[(k, counts[k]) for k in STATUS_WORDS if k in counts],
            overdue=sum(1 for r in rows if r["overdue"]), status_words=STATUS_WORDS,
            priority_rank=PRIORITY_RANK, council_name=self.council.council.name, what="its action plan",
        )

    def scorecard(self, theme: str) -> Markup:
        from .performance import IndicatorView, bar_chart, questions_for
        from .schema import THEME_TITLES, Theme

        theme_enum = Theme(theme)
        views = [IndicatorView(i) for i in self.council.performance.indicators if i.theme == theme_enum]
        short = self.council.council.short_name
        return html_block(
            "scorecard.html", indicators=views, council_short=short,
            chart=lambda indicator: bar_chart(indicator, short),
            questions=questions_for(theme), theme_title=THEME_TITLES[theme_enum],
            bank_url=f"{self.link('handbook/questions-to-ask/')}#{theme}",
            council_name=self.council.council.name,
            what=f"its figures on {THEME_TITLES[theme_enum].lower()}",
        )

    def self_evaluation(self) -> Markup:
        from .schema import SECTION_TITLES, EvaluationSection

        evaluation = self.council.self_evaluation
        actions = {a.id: a for a in self.council.strategy.actions}
        summary, sections = [], []
        for section in EvaluationSection:
            questions = [q for q in evaluation.questions if q.section == section]
            counts = {a: sum(1 for q in questions if q.answer.value == a) for a in ANSWER_WORDS}
            summary.append((SECTION_TITLES[section], counts))
            rows = []
            for q in questions:
                link = None
                if q.action in actions:
                    link = (actions[q.action].what, f"{self.link('strategy/action-plan/')}#action-{q.action}")
                rows.append((q, link))
            if rows:
                sections.append((SECTION_TITLES[section], section.value, rows))
        return html_block(
            "self_evaluation.html", questions=evaluation.questions, summary=summary, sections=sections,
            completed_on=evaluation.completed_on, answer_words=ANSWER_WORDS,
            council_name=self.council.council.name, what="its self-evaluation",
        )

    def board_work(self) -> Markup:
        work = self.council.board_work
        today = self.today()
        past = sorted((m for m in work.meetings if m.held_on <= today), key=lambda m: m.held_on, reverse=True)
        upcoming = sorted((m for m in work.meetings if m.held_on > today), key=lambda m: m.held_on)
        return html_block("board_work.html", work=work, past=past,
                          next_meeting=upcoming[0] if upcoming else None,
                          council_name=self.council.council.name)


ENFORCEMENT = {
    "northern-ireland": (
        "The Equality Commission for Northern Ireland",
        "contact the Equality Commission for Northern Ireland (ECNI).",
    ),
}
ENFORCEMENT_DEFAULT = (
    "The Equality and Human Rights Commission (EHRC)",
    "contact the Equality Advisory and Support Service (EASS).",
)
COMPLIANCE_WORDS = {
    "fully-compliant": "fully compliant",
    "partially-compliant": "partially compliant",
    "not-compliant": "not compliant",
}


def accessibility_part(council: CouncilFile, part: str) -> Markup:
    """One part of the accessibility statement, in the model form."""
    module = environment().get_template("accessibility.html").make_module({
        "a": council.accessibility, "council": council.council, "site_url": council.council.site_url,
        "status_words": COMPLIANCE_WORDS,
        "enforcer": ENFORCEMENT.get(council.council.nation.value, ENFORCEMENT_DEFAULT)[0],
        "advice": ENFORCEMENT.get(council.council.nation.value, ENFORCEMENT_DEFAULT)[1],
    })
    if council.accessibility is None and part not in ("using", "enforcement"):
        part = "missing"
    html = str(getattr(module, part)())
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def templates_dir() -> Path:
    return Path(__file__).parent / "templates"
