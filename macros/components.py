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


def templates_dir() -> Path:
    return Path(__file__).parent / "templates"
