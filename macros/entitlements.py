"""What young people are entitled to: the nation's baseline plus the council's local offer.

The baseline ships with the project (macros/data/entitlements/NATION.yml),
checked against the law on its `as_of` date. A council adds its local offer in
council.yml. A local item may improve a national one (`improves: ID`): the
national item is then shown inside the local one, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .loader import DataError, Problem, read_yaml, validate
from .schema import Area, CouncilFile, Entitlement, NationalEntitlements, Role, Stage, ROLE_TITLES

DATA_DIR = Path(__file__).parent / "data" / "entitlements"


@dataclass(frozen=True)
class Offer:
    """One entitlement as a page shows it."""

    id: str
    title: str
    area: Area
    stages: tuple[Stage, ...]
    what_you_get: str
    who_can_get_it: str
    how_to_ask: str
    origin: str  # "national" or "local"
    amount: Optional[str] = None
    up_to_age: Optional[int] = None
    contact: Optional[str] = None
    contact_name: Optional[str] = None
    law: Optional[str] = None
    status: str = "in-force"
    keywords: tuple[str, ...] = ()
    improves: Optional[Entitlement] = None
    source_title: Optional[str] = None
    source_url: Optional[str] = None
    as_of: Optional[date] = None


@lru_cache(maxsize=None)
def national(nation: str) -> NationalEntitlements:
    """The nation's baseline, validated with the same schema as council.yml."""
    path = DATA_DIR / f"{nation}.yml"
    label = f"macros/data/entitlements/{nation}.yml"
    if not path.exists():
        return NationalEntitlements(nation=nation, as_of=date(2026, 11, 1), items=[])
    located = read_yaml(path, label)
    baseline = validate(located, NationalEntitlements, label)
    assert isinstance(baseline, NationalEntitlements)
    return baseline


def reference_problems(council: CouncilFile, where, label: str) -> list[Problem]:
    """A local item that `improves` a national item that does not exist is an error."""
    known = {i.id for i in national(council.council.nation.value).items}
    problems = []
    for index, item in enumerate(council.entitlements.local_offer):
        if item.improves and item.improves not in known:
            path = ("entitlements", "local_offer", index, "improves")
            line, column = where(path)
            problems.append(Problem(
                label, line, column, "entitlements.local_offer[%d].improves" % index,
                f"there is no national entitlement '{item.improves}' in "
                f"{council.council.nation.value} — use one of: {', '.join(sorted(known)) or '(none)'}",
            ))
    return problems


def _offer(item: Entitlement, origin: str, council: CouncilFile,
           improves: Optional[Entitlement] = None) -> Offer:
    contact_name = None
    if item.contact:
        contact = council.contact(item.contact)
        contact_name = contact.name if contact else ROLE_TITLES[Role(item.contact)]
    return Offer(
        id=item.id, title=item.title, area=item.area, stages=tuple(item.stages),
        what_you_get=item.what_you_get, who_can_get_it=item.who_can_get_it,
        how_to_ask=item.how_to_ask, origin=origin, amount=item.amount,
        up_to_age=item.up_to_age,
        contact=item.contact.value if item.contact else None, contact_name=contact_name,
        law=item.law, status=item.status, keywords=tuple(item.keywords), improves=improves,
        source_title=item.source.title if item.source else None,
        source_url=item.source.url if item.source else None, as_of=item.as_of,
    )


def merged(council: CouncilFile) -> list[Offer]:
    """National items (unless a local item improves them, which then carries them) and local items."""
    baseline = national(council.council.nation.value)
    by_id = {i.id: i for i in baseline.items}
    improved = {i.improves for i in council.entitlements.local_offer if i.improves}
    offers = [_offer(i, "national", council) for i in baseline.items if i.id not in improved]
    for item in council.entitlements.local_offer:
        offers.append(_offer(item, "local", council, by_id.get(item.improves or "")))
    return offers


def check_baselines() -> list[Problem]:
    """Validate every shipped baseline (used by the tests and `check`)."""
    problems: list[Problem] = []
    for path in sorted(DATA_DIR.glob("*.yml")):
        try:
            national(path.stem)
        except DataError as err:
            problems += err.problems
    return problems


__all__ = ["Offer", "merged", "national", "reference_problems", "check_baselines"]
