"""mkdocs-macros module: wires council.yml into the pages.

`define_env` only loads, checks and registers: reading and validating live
in council_file.py, the checks in check.py, the answers pages need in
views.py, and the HTML in components.py and templates/. All logic stays in
define_env (no on_post_build hooks), so Zensical can run it too.
"""

from __future__ import annotations

import dataclasses

import gc
import html
import logging
import os
import sys
from datetime import date, datetime, time, timezone
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError

from . import events_feed, language, nations, once, views
from .check import check, errors, today
from .cache import enabled as cache_enabled
from .components import Components
from .council_file import council_path
from .escape import SafeView
from .page_errors import guarded, register
from .schema import CouncilFile
from .sources import citations
from .words import words

log = logging.getLogger("mkdocs.plugins.council")


def serving() -> bool:
    """Is this a live preview (`mkdocs serve`, `make serve`)? Then mistakes are shown in the browser."""
    return os.environ.get("COUNCIL_SERVE") == "1" or sys.argv[1:2] == ["serve"]


def define_env(env) -> None:
    path = council_path()
    # One meaning of strict: `mkdocs build --strict` fails on what `check --strict` fails on.
    strict = bool(env.conf.get("strict"))
    if getattr(env, "page", None) is None:   # MkDocs: once per build
        (council, problems), first = check(path, strict=strict), True
    else:   # Zensical: once per page; check once while nothing changes, and report the problems once
        (council, problems), first = once.checked(path, strict, lambda: check(path, strict=strict))
    bad = errors(problems)
    register()
    if council is None or bad:
        if serving():
            return show_problems(env, bad)
        lines = "\n".join(str(p) for p in bad)
        raise PluginError(
            f"{path} has {len(bad)} error(s); nothing was built.\n{lines}\n"
            "Fix them (python -m macros check shows them all), then build again."
        )
    # Not errors here. Overdue items are notes: only --fail-on-overdue stops on them.
    # mkdocs-static-i18n builds each other language after the first, with the same checks: said once.
    i18n = i18n_plugin(env.conf)
    first = first and getattr(i18n, "current_language", None) in (None, getattr(i18n, "default_language", None))
    for problem in problems if first else []:
        (log.warning if problem.severity == "warning" else log.info)(str(problem))
    # A mistake in a page's macros stops a build before anything is written (a preview shows it on the page).
    plugin_config = getattr(env, "config", None)  # mkdocs-macros' own settings; other engines may have none
    if plugin_config is not None:
        plugin_config["on_error_fail"] = not serving()

    # The language of this build (mkdocs-static-i18n builds each of the council's languages in turn), and
    # the council's texts in it: every view below reads one language.
    built_in = configure_languages(env.conf, council)
    main = main_language(env.conf, council)
    language.use(built_in, main=main)
    council_file = council    # in every language (the 404 page speaks all of them)
    feed_council = language.in_language(council, council.languages[0].value)
    council = language.in_language(council, built_in)
    use_language_words(env.conf, built_in)

    # Reproducible builds: the build date (sitemap, sitemap.xml.gz) comes from the data, not the clock.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        updated = datetime.combine(data_date(council), time(), tzinfo=timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(updated.timestamp()))

    # Values for the theme's templates (overrides/). Material prints site_name unescaped,
    # so it is escaped here, once; everything in extra is plain data, escaped there with |e.
    c = council.council
    env.conf["site_name"] = html.escape(c.name)
    if c.site_url:
        env.conf["site_url"] = c.site_url
    env.conf["extra"].update(theme_extras(council))
    env.conf["extra"]["not_found"] = not_found(council_file, main)
    # Where each other language's pages are (cy/): a search keeps to the page's language (search-on-demand.js)
    env.conf["extra"]["language_roots"] = [f"{item.value}/" for item in council.languages
                                           if item.value != main]
    write_not_found_once(env.conf, built_in == main)
    # The calendar feed, printed by the extra template docs/strategy/events.ics (issue 13, part B).
    # One feed at one address (each language's build writes it): in the site's main language.
    env.conf["extra"]["events_feed"] = events_feed.feed(feed_council, stamp=data_date(council))

    env.variables["council"] = SafeView(c)
    env.variables["nation"] = SafeView(nations.facts(c.nation.value))
    components = Components(council, today=today, page_url=lambda: getattr(env.page, "url", "") or "",
                            page=lambda: engine_page(env.page, env.conf), render=renderer(env))
    for name in Components.MACROS:
        env.macro(guarded(name, getattr(components, name)), name)
    give_page_theme_values(env, council)
    cache_theme_templates(env.conf)
    # What is loaded now lives for the whole build: leave it out of the garbage collector's later passes,
    # which otherwise walk the schema's and the data's objects again for every page built. Not in a live
    # preview, which builds again and again in one process.
    if not serving():
        gc.freeze()


# --- languages (issue 15) ----------------------------------------------------------------------------

def i18n_plugin(conf):
    """mkdocs-static-i18n, as MkDocs (or ProperDocs) loaded it from mkdocs.yml; None under another engine."""
    plugins = conf.get("plugins")
    i18n = plugins.get("i18n") if hasattr(plugins, "get") else None
    return i18n if hasattr(i18n, "config") else None


def configure_languages(conf, council: CouncilFile) -> str:
    """Tell mkdocs-static-i18n which of its languages this council publishes, and say which one this build is.

    mkdocs.yml lists English and Welsh, Welsh not built; a council that lists cy in `languages:` turns it on.
    define_env runs before the plugin's own start of each build (its on_config runs last), and the plugin
    builds the other languages after the first, calling define_env again for each. An engine without the
    plugin (Zensical) builds the English pages (the Welsh ones are in exclude_docs), in English."""
    declared = [item.value for item in council.languages]
    i18n = i18n_plugin(conf)
    if i18n is None:   # another engine: the English pages, in English
        return language.ENGLISH
    for item in i18n.config.languages:
        item.build = item.locale in declared
        # The home pages' links, relative like every other (the plugin would give "/" and "/cy/", which
        # break on a site published in a folder); each other page's link is its own page's, set by the plugin
        item.fixed_link = "./" if item.locale == declared[0] else f"{item.locale}/"
    main_language_at_root(declared[0], i18n.default_language)
    welsh_pages_built(conf, "cy" in declared)
    return i18n.current_language or i18n.default_language


WELSH_PAGES = "*.cy.md"   # in mkdocs.yml's exclude_docs: the Welsh pages, built only when a council lists cy


def welsh_pages_built(conf, built: bool) -> None:
    """Take the Welsh pages out of exclude_docs (mkdocs.yml) for a council that publishes in Welsh, or put them
    back: an English-only site, and an engine without mkdocs-static-i18n, never build them."""
    import pathspec

    spec = conf.get("exclude_docs")
    patterns = [p for p in getattr(spec, "patterns", []) if getattr(p, "pattern", None) != WELSH_PAGES]
    if not built:
        patterns += pathspec.gitignore.GitIgnoreSpec.from_lines([WELSH_PAGES]).patterns
    if spec is not None:
        conf["exclude_docs"] = pathspec.gitignore.GitIgnoreSpec(patterns)


def main_language_at_root(main: str, unsuffixed: str) -> None:
    """The council's first language at the site's root, the other in its folder (en/ or cy/).

    mkdocs-static-i18n puts its default language at the root, and its default is the language of the
    pages with no suffix: English (PAGE.md; the Welsh is PAGE.cy.md). For a council whose first language
    is Welsh (`languages: [cy, en]`), each page's place is turned round as the plugin makes it: Welsh
    pages at the root, English under en/. Everything else the plugin does (which file is which language,
    the alternates) is unchanged. Pinned to mkdocs-static-i18n 1.3 (requirements/site.in); a test builds
    both orders."""
    from mkdocs_static_i18n import suffix

    original = getattr(suffix.create_i18n_file, "cp_original", suffix.create_i18n_file)
    if main == unsuffixed:
        suffix.create_i18n_file = original
        return

    def create_i18n_file(file, current_language, default_language, all_languages, config):
        made = original(file, current_language, default_language, all_languages, config)
        if not made.is_documentation_page():   # scripts, images, the editor: one copy, at the root
            return made
        dest = made.dest_uri
        if current_language == main and dest.startswith(f"{main}/"):
            dest = dest[len(main) + 1:]
        elif current_language == default_language:
            dest = f"{default_language}/{dest}"
        else:
            return made
        made.dest_path = dest
        made.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, made.dest_path))
        made.url = made._get_url(config.use_directory_urls)
        return made

    create_i18n_file.cp_original = original
    suffix.create_i18n_file = create_i18n_file


def main_language(conf, council: CouncilFile) -> str:
    """The language at the site's root: the council's first (main_language_at_root); English where an engine
    has no mkdocs-static-i18n (it builds the English pages only)."""
    return council.languages[0].value if i18n_plugin(conf) is not None else language.ENGLISH


def not_found(council: CouncilFile, main: str) -> list[dict]:
    """What the one 404 page says, in each of the site's languages, the main one first (overrides/404.html)."""
    ordered = sorted((item.value for item in council.languages), key=lambda code: code != main)
    said = []
    for number, code in enumerate(ordered):
        with language.using(code):
            theme = words()["theme"]
            said.append({"lang": code, "level": 1 if number == 0 else 2, "title": theme["not_found_title"],
                         "text": theme["not_found_text"], "home_text": theme["not_found_home"],
                         "home": "" if code == main else f"{code}/"})
    return said


def write_not_found_once(conf, main_build: bool) -> None:
    """Only the main language's build writes 404.html (one page at one address, in every language):
    the other builds would write theirs over it."""
    theme = conf.get("theme")
    templates = getattr(theme, "static_templates", None)
    if not isinstance(templates, set):
        return
    if main_build:
        templates.add("404.html")
    else:
        templates.discard("404.html")


def use_language_words(conf, built_in: str) -> None:
    """The tooltips' words (pymdownx.snippets appends abbreviations.md to every page) in the build's language:
    macros/data/cy/abbreviations.md is found first while Welsh is built."""
    snippets = conf.get("mdx_configs", {}).get("pymdownx.snippets")
    if not snippets or "base_path" not in snippets:
        return
    data = Path(__file__).resolve().parent / "data"
    english = [p for p in snippets["base_path"] if Path(p).resolve() != data / "cy"]
    snippets["base_path"] = ([str(data / built_in)] if built_in != language.ENGLISH else []) + english


# --- other engines (make engines): what Zensical's macros extension gives define_env ------------------
# Zensical (0.0.73) calls define_env once per page with a small env of its own (zensical/extensions/macros.py,
# MacroEnv): its page has url, path, meta and title but no `file`, and the env has no `render`. These two
# give the components what MkDocs gives them. Under MkDocs both return MkDocs' own objects unchanged.

class PageFile:
    """The parts of MkDocs' File the macros read, for a page that has only its path under docs/."""

    def __init__(self, path: str, docs_dir: str) -> None:
        self.src_uri = self.src_path = path
        self.abs_src_path = os.path.join(docs_dir, path)


class EnginePage:
    """Another engine's page with MkDocs' `page.file`; everything else (meta, url, title) is the page's own."""

    def __init__(self, page, docs_dir: str) -> None:
        self._page = page
        self.file = PageFile(page.path, docs_dir)

    def __getattr__(self, name: str):
        return getattr(self._page, name)


def engine_page(page, conf):
    """The page being built, as the macros read it: MkDocs' page as it is; Zensical's given a `file`."""
    if page is None or hasattr(page, "file"):
        return page
    docs_dir = os.path.join(conf.get("root_dir", "."), conf.get("docs_dir", "docs"))
    return EnginePage(page, docs_dir)


def cache_theme_templates(conf) -> None:
    """Keep the theme's compiled templates in .cache/theme/, as components.py keeps the components'.

    MkDocs makes a new Jinja environment for the theme on every build (Theme.get_env) and compiles its
    templates again, about 40 of them: a tenth of what `make serve` spends on each save of council.yml.
    With a bytecode cache Jinja compiles a template only when its source changes (it checks): the
    output is the same. Only MkDocs' theme has get_env (Zensical's theme is not Jinja in Python)."""
    theme = conf.get("theme") if hasattr(conf, "get") else None
    get_env = getattr(theme, "get_env", None)
    if get_env is None or not cache_enabled() or getattr(get_env, "cached_templates", False):
        return
    folder = Path(__file__).resolve().parent.parent / ".cache" / "theme"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout: compile every time
        return

    def cached_env():
        jinja = get_env()
        jinja.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return jinja
    cached_env.cached_templates = True
    theme.get_env = cached_env


def give_page_theme_values(env, council: CouncilFile) -> None:
    """Zensical only: the theme's values on the page itself, where its templates can read them.

    Zensical gives its theme the configuration as mkdocs.yml has it and each page's front matter
    (page.meta, passed back after the page's Markdown): what define_env writes into `env.conf` above
    never reaches its templates. So, for the page being built, the same values go into
    `page.meta.engine_extra`, which the article's templates read first (overrides/partials/content.html,
    page-facts.html), with the review date's parts (Zensical gives front-matter dates as text). Under
    MkDocs define_env runs once, before any page (env.page is not set), and nothing is written here."""
    page = getattr(env, "page", None)
    if page is None or hasattr(page, "file") or not isinstance(getattr(page, "meta", None), dict):
        return
    values = plain(theme_extras(council))  # Zensical hands page.meta to Rust: plain data only
    reviewed = page.meta.get("last_reviewed_on")
    try:
        day = reviewed if isinstance(reviewed, date) else date.fromisoformat(str(reviewed))
        values["reviewed"] = {"day": day.day, "month": day.month, "year": day.year}
    except ValueError:
        pass
    page.meta["engine_extra"] = values


def plain(value):
    """Views (dataclasses) as dicts, tuples as lists, markup as text: what Zensical can pass to its theme."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def renderer(env):
    """Renders the macros in project text (a handbook passage): mkdocs-macros' env.render, or, for an
    engine without it, the same variables and macros in a strict Jinja environment (no autoescape, as in
    mkdocs-macros: the passages are Markdown; what comes from council.yml is escaped by the components)."""
    if hasattr(env, "render"):
        return lambda text: env.render(text, force_rendering=True)

    def render(text: str) -> str:
        from jinja2 import Environment, StrictUndefined

        jinja = Environment(undefined=StrictUndefined)  # noqa: S701 (Markdown, as above)
        jinja.filters.update(getattr(env, "filters", {}))
        return jinja.from_string(text).render({**env.variables, **env.macros})
    return render


class Blank:
    """Stands in for the council while its file is broken (preview only): every part prints as nothing."""

    def __getattr__(self, name: str) -> "Blank":
        return self

    def __getitem__(self, key) -> "Blank":
        return self

    def __call__(self, *args, **kwargs) -> str:
        return ""

    def __str__(self) -> str:
        return ""


def show_problems(env, problems) -> None:
    """A live preview of a broken council file: every page lists the problems, and reloads when they are fixed."""
    env.conf["extra"].update({
        "council": {"name": "Corporate parenting", "short_name": "Preview", "nation": "", "website": "",
                    "example_data": False, "exit_page_url": "https://www.bbc.co.uk/weather"},
        "citations": citations(), "months": words()["months"], "words": words()["theme"], "root": "",
        "council_problems": [str(p) for p in problems],
    })
    env.variables["council"] = env.variables["nation"] = Blank()
    for name in Components.MACROS:
        env.macro(Blank(), name)


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
            "nation": nations.facts(c.nation.value).name,
            "website": c.website,
            "example_data": c.example_data,
            "exit_page_url": council.young_people.exit_page_url,
        },
        "citations": citations(),
        "months": words()["months"],
        "help_bar": views.help_bar(council),  # issue 12: the one help bar on young people's pages
        "words": theme_words(council),        # issue 15: the theme's words, in the language being built
        "root": language.root(),              # where this language's pages are: "" or "cy/"
        "script_words": script_words(),       # what the scripts say (overrides/main.html gives it to them)
        # The sources are cited by their own (English) titles: marked lang="en" on a page in another language
        "sources_in_english": language.current() != language.ENGLISH,
    }


def script_words() -> dict:
    """What the site's scripts say, in the language being built: words.yml `script`, with the labels of the
    action plan's priorities and statuses (the same words as its table)."""
    said = dict(words()["script"])
    said["priorities"] = [[key, value["words"]] for key, value in words()["priorities"].items()]
    said["statuses"] = [[key, value] for key, value in words()["action_statuses"].items()]
    return said


def theme_words(council: CouncilFile) -> dict:
    """The theme's own words (words.yml: theme) in the language being built, sentences filled in."""
    said = dict(words()["theme"])
    said["example_notice"] = said["example_notice"].format(council=council.council.name)
    return said
