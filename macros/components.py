"""Components: one function per macro. Each asks views.py for a view and prints it
through a template in macros/templates/.

The Jinja environment has autoescape on, so any text from council.yml shows
as text. Components return HTML blocks without blank lines, which Markdown
passes through untouched (a `|` or `*` in the data cannot break a table or a
list). Templates only print what views give them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from jinja2.ext import Extension
from markupsafe import Markup

from . import escape
from . import handbook as handbook_text
from .cache import enabled as cache_enabled
from . import questions, views
from .fields import field_reference
from .schema import CouncilFile, EvaluationSection, Role, Stage, Theme
from .words import words


CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The components' Jinja environment. Compiled templates are kept in .cache/ (git-ignored) so a
    rebuild (make serve, a second build) does not compile them again; Jinja checks they are current."""
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(CACHE_DIR)) if cache_enabled() else None
    except OSError:  # a read-only checkout: compile every time
        cache = None
    jinja = Environment(
        loader=PackageLoader("macros", "templates"),
        bytecode_cache=cache,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    jinja.globals["ui"] = Phrases()
    return jinja


class Phrases:
    """`ui` in the components' templates: `{{ ui.key }}` prints the phrase `key` of words.yml's `ui:` section.

    Looked up each time a template prints it (never kept), so one build can make the English pages and then
    the Welsh ones. A phrase missing from words.yml stops the build with an error naming it (never an empty
    gap in a page). The site's own words print as written (views.own_words)."""

    def __getattr__(self, key: str) -> Markup:
        if key.startswith("_"):  # Python's and Jinja's own questions (__html__, __deepcopy__ …): not phrases
            raise AttributeError(key)
        return views.own_words(views.phrase(key))

    def __repr__(self) -> str:
        return "<the phrases of macros/data/words.yml (ui:)>"


def keep_compiled_pages(jinja: Environment) -> None:
    """Keep each page's compiled template in .cache/pages/, as the components' templates are.

    mkdocs-macros compiles every page's Markdown as a Jinja template on every build
    (`from_string`), and Jinja caches compiled code only for templates it loads from files.
    This gives `from_string` the same cache, keyed by a hash of the page's text: a page whose
    text has not changed is not compiled again. Rendering is unchanged."""
    if not cache_enabled():
        return
    try:
        folder = CACHE_DIR.parent / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(folder))
    except OSError:  # a read-only checkout: compile every time
        return

    def from_string(source, globals=None, template_class=None):
        name = hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = cache.get_bucket(jinja, name, None, source)
        if bucket.code is None:
            bucket.code = jinja.compile(source)
            try:
                cache.set_bucket(bucket)
            except OSError:
                pass
        return (template_class or jinja.template_class).from_code(jinja, bucket.code, jinja.make_globals(globals), None)

    jinja.from_string = from_string


class CompiledPages(Extension):
    """Named in mkdocs.yml (the macros plugin's `j2_extensions`) so that the plugin's own Jinja
    environment keeps each page's compiled template (`keep_compiled_pages`)."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        keep_compiled_pages(environment)


def html_block(template: str, **context) -> Markup:
    """Render a component as one HTML block with no blank lines."""
    html = environment().get_template(template).render(**context)
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


@dataclass(repr=False)  # mkdocs-macros prints every macro for its debug log: keep that cheap
class Components:
    """The macros for one council, linking relative to the page being built."""

    council: CouncilFile
    today: Callable[[], date]
    page_url: Callable[[], str] = lambda: ""
    page: Callable[[], object] = lambda: None  # the page being built (MkDocs' Page): its file and front matter
    render: Callable[[str], str] = lambda text: text  # renders macros in project text (a handbook passage)

    @property
    def name(self) -> str:
        return self.council.council.name

    def link(self, target: str) -> str:
        return views.relative_link(self.page_url() or "", target)

    def _not_written(self, what: str) -> Markup:
        return html_block("not_written.html", text=views.sentence("not_written", council=self.name, what=what))

    # --- contacts and the board ------------------------------------------------------

    def contact_card(self, role: str) -> Markup:
        return html_block("contact_card.html", card=views.contact_card(self.council, Role(role)))

    def contacts_list(self) -> Markup:
        groups = [(g, [self.contact_card(r.value) for r in g.roles]) for g in views.contact_groups(self.council)]
        return html_block("contacts_list.html", groups=groups)

    def board_summary(self) -> Markup:
        board = self.council.board
        return html_block("board_summary.html", board=board, board_url=self.link("strategy/board/"),
                          title=views.sentence("board_at_council", board=views.strong(board.name), council=self.name))

    def board_terms(self) -> Markup:
        board = self.council.board
        return html_block("board_terms.html", board=board, review_date=views.when(board.review_date),
                          caption=views.sentence("board_terms_caption", board=board.name))

    # --- young people ---------------------------------------------------------------------

    def pledge(self) -> Markup:
        return html_block("pledge.html", pledge=views.pledge(self.council))

    def help_lines(self) -> Markup:
        """Who to call for help, with their numbers (999, Childline, out of hours, an advocate): the Pledge leaflet's back."""
        return html_block("help_lines.html", lines=views.help_lines(self.council))

    def entitlements(self, stage: Optional[str] = None, prefix: str = "", level: int = 3, money: bool = False) -> Markup:
        """Everything a young person can get, for a stage (or all): with `money`, the money table first; then what
        matters most at that stage; then the rest by topic. `level`: the heading level of the groups (the page's next
        level down); each entitlement is one below."""
        if level not in (2, 3, 4, 5):
            raise ValueError(f"entitlements(level={level!r}): a topic heading is level 2 to 5")
        at = Stage(stage) if stage else None

        def card(offer, anchor):
            return html_block("entitlement.html", card=views.entitlement_card(self.council, offer, anchor, self.link),
                              level=level + 1)

        first = views.first_offers(self.council, at, prefix)
        areas = views.areas(self.council, at, prefix, leave_out=tuple(o.item.id for o, _ in first))
        money_view = views.money(self.council, at, prefix) if money and at else None
        money_html = (html_block("entitlements_money.html", money=money_view, level=level, anchor=prefix + "money-you-can-get")
                      if money_view else None)
        return html_block("entitlements.html", money=money_html, nothing=views.nothing_matches(self.link),
                          first=[card(o, a) for o, a in first], first_anchor=prefix + "what-matters-most",
                          areas=[(area, [card(o, a) for o, a in area.offers]) for area in areas], level=level)

    def still_not_happy(self) -> Markup:
        return html_block("still_not_happy.html", v=views.still_not_happy(self.council))

    # --- issue 12 (help bar helper): when a personal adviser does not reply ---------------------------
    def adviser_not_replying(self) -> Markup:
        return html_block("adviser_not_replying.html", v=views.adviser_not_replying(self.council, self.link))
    # --- end of issue 12 ----------------------------------------------------------------------------

    def children_in_care_council(self) -> Markup:
        return html_block("children_in_care_council.html", cicc=self.council.young_people.children_in_care_council,
                          card=self.contact_card(Role.children_in_care_council.value))

    def dear_corporate_parent(self) -> Markup:
        route = self.council.young_people.dear_corporate_parent
        email = views.Link(route.email, views.mailto(route.email)) if route.email else None
        return html_block("dear_corporate_parent.html", route=route, email=email,
                          form=views.safe_href(route.form) if route.form else None)

    # --- strategy ------------------------------------------------------------------------------

    def strategy_text(self, section: str) -> Markup:
        text = views.strategy_text(self.council, section)
        if not text.text:
            return self._not_written(words().label("strategy_sections", section))
        return html_block("text_section.html", section=text)

    def population(self) -> Markup:
        return html_block("population.html", parts=views.population(self.council),
                          not_written=views.sentence("population_not_written", council=self.name))

    def strengths(self) -> Markup:
        return self._list(self.council.strategy.strengths, views.phrase("not_written_strengths"))

    def must_improve(self) -> Markup:
        return self._list(self.council.strategy.must_improve, views.phrase("not_written_must_improve"))

    def _list(self, items: list[str], what: str) -> Markup:
        return html_block("list.html", items=items) if items else self._not_written(what)

    def objectives(self) -> Markup:
        if not self.council.strategy.objectives:
            return self._not_written(views.phrase("not_written_objectives"))
        return html_block("objectives.html", objectives=views.objectives(self.council))

    def action_plan(self) -> Markup:
        """The plan, one table per objective, each under a Markdown heading (so it is in the page's
        contents), inside one block that the page's filters and sorting work on."""
        plan = views.action_plan(self.council, self.today(), self.link)
        if not plan.groups:
            return self._not_written(views.phrase("not_written_action_plan"))
        overdue = Markup(" <strong>{}</strong>").format(views.said("action_plan_overdue", count=plan.overdue)) if plan.overdue else ""
        summary = views.said("action_plan_summary", total=plan.total, summary=plan.summary)
        parts = [Markup('<div class="cp-action-plan" data-cp-action-plan markdown>'),
                 Markup('<p class="cp-action-summary">{}{}</p>').format(summary, overdue)]
        for group in plan.groups:
            parts.append(Markup("## {} {{: #{} }}").format(escape.markdown_text(group.title), group.anchor))
            parts.append(html_block("action_plan.html", group=group))
        parts.append(Markup("</div>"))
        return Markup("\n\n").join(parts)

    def scorecard(self, theme: str) -> Markup:
        """One theme of the performance scorecard: each indicator (age groups of one measure together)."""
        card = views.scorecard(self.council, Theme(theme), self.link)
        missing = None if card.indicators else self._not_written(views.said("not_written_figures_on", theme=card.theme_lower))
        return html_block("scorecard.html", card=card, missing=missing)

    def self_evaluation(self, section: Optional[str] = None) -> Markup:
        """The answers at a glance; with `section` (governance-and-leadership, access-to-information,
        voice-of-the-child), that part's questions, answers, evidence and actions."""
        evaluation = views.self_evaluation(self.council, self.link, self.today())
        if section is None:
            return html_block("self_evaluation.html", evaluation=evaluation) if evaluation.any \
                else self._not_written(views.phrase("not_written_self_evaluation"))
        return html_block("self_evaluation_section.html", section=evaluation.section(EvaluationSection(section)),
                          not_answered=views.sentence("self_evaluation_not_answered", council=self.name))

    # --- part D: the board, the home page, commitments and SMART actions -----------------------------

    def _board(self) -> "views.BoardView":
        return views.board(self.council, self.today(), self.link)

    def board_members(self) -> Markup:
        return html_block("board_members.html", board=self._board())

    def board_meetings(self) -> Markup:
        """The next meetings: date, time, place and agenda."""
        return html_block("board_meetings.html", board=self._board())

    def board_decisions(self) -> Markup:
        """Past meetings, newest first: what the board decided, with the agenda and minutes."""
        return html_block("board_decisions.html", board=self._board())

    def you_said_we_did(self) -> Markup:
        return html_block("board_you_said.html", board=self._board())

    def board_annual_report(self) -> Markup:
        return html_block("board_report.html", board=self._board())

    def headline_figures(self) -> Markup:
        """The home page's headline figures (performance.headline); nothing when the council chose none."""
        return html_block("home_figures.html", figures=views.headline_figures(self.council, self.link),
                          heading=views.sentence("how_council_is_doing", council=self.council.council.short_name),
                          scorecard_url=self.link("strategy/performance/"))

    def home_board(self) -> Markup:
        """The home page's board: the next meeting and the latest "you said, we did"."""
        return html_block("home_board.html", home=views.home_board(self.council, self.today(), self.link))

    def commitments(self) -> Markup:
        """The council's public commitments with their dates, or a plain word that there are none yet."""
        return html_block("commitments.html", items=views.commitments(self.council), heading=False, promised="",
                          none_yet=views.sentence("commitments_none_yet", council=self.name))

    def home_commitments(self) -> Markup:
        """The commitments under their own heading on the home page; nothing when there are none."""
        corporate_parent = views.nations.facts(self.council.council.nation.value).corporate_parent
        return html_block("commitments.html", items=views.commitments(self.council), heading=True, none_yet="",
                          promised=views.sentence("commitments_promised", corporate_parent=corporate_parent))

    def smart_actions(self, count: int = 2) -> Markup:
        """One or two of the council's own actions taken apart, S, M, A, R and T (the handbook's worked example)."""
        actions = views.smart_actions(self.council, self.link, count)
        if not actions:
            return self._not_written(views.phrase("not_written_action_plan"))
        short = self.council.council.short_name
        plan = views.Link(views.sentence("smart_action_plan", council=short), self.link("strategy/action-plan/"))
        evaluation = views.Link(views.own_words(views.phrase("smart_the_self_evaluation")), self.link("strategy/self-evaluation/"))
        return html_block("smart_actions.html", actions=actions, caption=views.sentence("smart_caption", council=short),
                          see_every_action=views.sentence("smart_see_every_action", plan=views.link_html(plan),
                                                          evaluation=views.link_html(evaluation)))

    # --- Part C (issue 13): the council's figures beside the guidance ----------------------------

    def here_in_council(self, *themes: str) -> Markup:
        """A briefing's "Here in …" panel: the council's latest figures on the topic (one or more
        performance themes) and the nation's current figures (macros/data/national/), each with its source."""
        view = views.here_in(self.council, tuple(Theme(t) for t in themes), self.link)
        return html_block("here_in_council.html", v=view)

    # --- issue 13, part B: what's on (the events page; the calendar feed is macros/events_feed.py) ---------

    def _events(self) -> "views.EventsView":
        return views.events(self.council, self.today(), self.link)

    def events_list(self, which: str) -> Markup:
        """The events page's board meetings and events: "upcoming" (soonest first) or "past" (latest first)."""
        if which not in ("upcoming", "past"):
            raise ValueError(f"events_list({which!r}): say 'upcoming' or 'past'")
        v = self._events()
        if which == "upcoming":
            return html_block("events_list.html", cards=v.upcoming, empty=v.none_upcoming, missing=v.missing)
        return html_block("events_list.html", cards=v.past, empty=v.none_past, missing=None)

    def events_subscribe(self) -> Markup:
        """How to subscribe to the calendar feed, with its link and (when the site's address is known) its address."""
        return html_block("events_subscribe.html", v=self._events())

    # --- issue 13, part A: the scorecard's summary ------------------------------------------------

    def scorecard_summary(self) -> Markup:
        """Every indicator at a glance, before the detail: this year, last year, comparators, in words."""
        summary = views.scorecard_summary(self.council)
        missing = None if summary.any else self._not_written(views.phrase("not_written_scorecard"))
        return html_block("scorecard_summary.html", summary=summary, missing=missing)

    # --- issue 12: "Do I get this?" — which group of care leaver am I? (macros/care_leaver_groups.py) ---

    def care_leaver_groups(self) -> Markup:
        """The nation's questions, each answer a native disclosure (<details>) that opens the next question
        or the one group it ends in: what the group gives, links to the entitlements, the source. No JavaScript."""
        from . import care_leaver_groups  # only the pages that ask for it load it (`macros check` stays quick)
        view = care_leaver_groups.guide(self.council, self.link)

        def question(q: "care_leaver_groups.QuestionView") -> Markup:
            answers = [(a, question(a.question) if a.question else html_block("care_leaver_group.html", group=a.group, level=3))
                       for a in q.answers]
            return html_block("care_leaver_question.html", question=q, answers=answers)

        return html_block("care_leaver_groups.html", first=question(view.first))

    def care_leaver_groups_list(self) -> Markup:
        """Every group of the nation in short (who it is for, and what the law calls it)."""
        from . import care_leaver_groups
        return html_block("care_leaver_groups_list.html", guide=care_leaver_groups.guide(self.council, self.link))

    # --- the rest --------------------------------------------------------------------------------

    @functools.cached_property
    def _statement(self):
        """The accessibility statement's parts (a template module), made once."""
        statement = views.accessibility(self.council)
        return statement, environment().get_template("accessibility.html").make_module({"a": statement})

    def accessibility_statement(self, part: str) -> Markup:
        """One part of the accessibility statement, in the model form."""
        statement, module = self._statement
        if not statement.published and part not in ("using", "enforcement"):
            part = "missing"
        html = str(getattr(module, part)())
        return Markup("\n".join(line for line in html.splitlines() if line.strip()))

    def nation_text(self, part: str) -> str:
        """Paragraphs about a role that differs by nation (project text from macros/data/nations/, in Markdown)."""
        return views.nation_text(self.council, part)

    def handbook(self, key: str) -> str:
        """The council's nation's passage `key` for this handbook page (project text, in Markdown).
        Its file's sources join the page's Sources."""
        page = self.page()
        source = page.file.src_uri
        nation = self.council.council.nation.value
        cited = page.meta.setdefault("sources", [])
        cited += [s for s in handbook_text.text(nation, source).sources if s not in cited]
        text = handbook_text.passage(nation, source, key)
        return self.render(text) if "{{" in text or "{%" in text else text  # most passages hold no macros

    def question_list(self, section: str) -> str:
        """The question bank's questions for a section, as a Markdown checklist (project text)."""
        return questions.markdown_list(section, self.council.council.nation.value)

    def field_reference(self) -> str:
        return field_reference()

    # Every public method is a macro (a helper's name starts with "_"); `name` and `link` serve the others.
    NOT_MACROS = frozenset({"name", "link"})


Components.MACROS = tuple(sorted(
    name for name, value in vars(Components).items()
    if callable(value) and not name.startswith("_") and name not in Components.NOT_MACROS
    and name not in {f.name for f in dataclasses.fields(Components)}))
