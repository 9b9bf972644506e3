"""mkdocs-macros module: wires council.yml into the pages.

`define_env` only wires things together: loading and validation live in
loader.py and council.py, HTML in components.py and templates/. All logic
stays in define_env (no on_post_build hooks), so Zensical can run it too.
"""

from __future__ import annotations

import html
import logging
import os
from datetime import datetime, time, timezone

from mkdocs.exceptions import PluginError

from .components import NATION_NAMES, Components, StrategyComponents, accessibility_part
from .council import check, council_path, errors, today
from .escape import SafeView, long_date
from .fields import field_reference
from .schema import CouncilFile
from .sources import citations

log = logging.getLogger("mkdocs.plugins.council")


def define_env(env) -> None:
    path = council_path()
    # COUNCIL_STRICT=1 (make site, CI) makes warnings stop the build, as `check --strict` does.
    council, problems = check(path, strict=os.environ.get("COUNCIL_STRICT") == "1")
    bad = errors(problems)
    if council is None or bad:
        lines = "\n".join(str(p) for p in bad)
        raise PluginError(
            f"{path} has {len(bad)} error(s); nothing was built.\n{lines}\n"
            "Fix them (python -m macros check shows them all), then build again."
        )
    for problem in problems:
        log.info(str(problem))

    # Reproducible builds: the build date (sitemap, sitemap.xml.gz) comes from the data, not the clock.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        updated = datetime.combine(data_date(council), time(), tzinfo=timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(updated.timestamp()))

    components = Components(council, page_url=lambda: getattr(env.page, "url", "") or "")

    # Values for the theme's templates (overrides/): plain data, escaped there with |e.
    c = council.council
    env.conf["site_name"] = html.escape(c.name)
    if c.site_url:
        env.conf["site_url"] = c.site_url
    env.conf["extra"].update(theme_extras(council))

    env.variables["council"] = SafeView(c)
    env.variables["nation"] = c.nation.value
    for name in (
        "contact_card", "contacts_list", "board_summary", "board_terms", "pledge",
        "entitlements", "children_in_care_council", "dear_corporate_parent", "stage_title",
    ):
        env.macro(getattr(components, name), name)
    strategy = StrategyComponents(council, link=components.link, today=today)
    for name in ("strategy_text", "population", "strengths", "must_improve", "objectives",
                 "action_plan", "scorecard", "self_evaluation", "board_work"):
        env.macro(getattr(strategy, name), name)
    env.macro(lambda part: accessibility_part(council, part), "accessibility_statement")
    env.macro(field_reference, "field_reference")
    env.filter(long_date, "long_date")


def data_date(council: CouncilFile):
    """The latest date on which the data says something was agreed, checked or published."""
    dates = [council.pledge.agreed_on, *(p.last_checked for p in council.pledge.promises)]
    dates += [p.young_people_said.checked_on for p in council.pledge.promises if p.young_people_said]
    dates += [i.as_of for i in council.performance.indicators]
    dates += [y.raised_on for y in council.board_work.you_said_we_did]
    for optional in (council.entitlements.local_offer_published, council.self_evaluation.completed_on):
        if optional:
            dates.append(optional)
    return max(dates)


def theme_extras(council: CouncilFile) -> dict:
    """What the theme's templates read from `config.extra`: plain data, escaped in the templates."""
    c = council.council
    return {
        "council": {
            "name": c.name,
            "short_name": c.short_name,
            "nation": NATION_NAMES[c.nation.value],
            "website": c.website,
            "example_data": c.example_data,
            "exit_page_url": council.young_people.exit_page_url,
        },
        "citations": citations(),
    }
