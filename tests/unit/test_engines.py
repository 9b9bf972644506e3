"""define_env under another engine: Zensical's env and page, imitated (no build, no Zensical needed).

Zensical 0.0.73 (zensical/extensions/macros.py) calls define_env once per page with its own small env
(`conf`, `config`, `page`, `variables`, `macros`, `filters`, `macro()`; no `render`) and a page with
`url`, `path`, `meta` and `title` but no `file`. tests/site/test_engines.py builds with Zensical itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import macros
from macros import handbook as handbook_text
from macros.check import check
from sites import FERNLEIGH

ROOT = Path(__file__).resolve().parents[2]


class ZensicalPage:
    """zensical.extensions.context.Page: what a page offers the macros."""

    def __init__(self, url: str, path: str, meta: dict) -> None:
        self.url, self.path, self.meta, self.title = url, path, meta, None


class ZensicalEnv:
    """zensical.extensions.macros.MacroEnv: what define_env is given (no `render`)."""

    def __init__(self, page: ZensicalPage) -> None:
        self.conf = {"extra": {"generator": False}, "site_name": "Corporate parenting", "docs_dir": "docs",
                     "root_dir": str(ROOT), "strict": False}
        self.config: dict = {}
        self.page = page
        self.variables: dict = {}
        self.macros: dict = {}
        self.filters: dict = {}

    def macro(self, fn, name=None):
        self.macros[name or fn.__name__] = fn
        return fn


@pytest.fixture()
def handbook_page() -> tuple[str, str]:
    """A handbook page that asks for a passage, and the passage's key."""
    for page in handbook_text.pages():
        found = handbook_text.calls(page)
        if found:
            return str(page.relative_to(ROOT / "docs")), found[0][2]
    raise AssertionError("no handbook page asks for a passage")


@pytest.fixture()
def zensical_env(monkeypatch, handbook_page) -> ZensicalEnv:
    monkeypatch.setenv("COUNCIL_FILE", str(FERNLEIGH))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")   # define_env sets it only when it is not set
    monkeypatch.delenv("COUNCIL_SERVE", raising=False)
    path = handbook_page[0]
    page = ZensicalPage(path[: -len(".md")] + "/", path, {"last_reviewed_on": "2026-11-17", "render_macros": True})
    env = ZensicalEnv(page)
    macros.define_env(env)
    return env


def test_the_page_gets_the_theme_values_zensical_would_not_pass(zensical_env):
    council, _ = check(FERNLEIGH)
    values = zensical_env.page.meta["engine_extra"]
    assert values["council"] == macros.theme_extras(council)["council"]
    assert values["citations"] == macros.theme_extras(council)["citations"]
    assert values["months"][values["reviewed"]["month"] - 1] == "November"
    assert values["reviewed"] == {"day": 17, "month": 11, "year": 2026}


def test_handbook_passages_work_with_zensicals_page(zensical_env, handbook_page):
    page, key = handbook_page
    council, _ = check(FERNLEIGH)
    nation = council.council.nation.value
    text = zensical_env.macros["handbook"](key)
    assert text.strip()
    assert set(handbook_text.text(nation, page).sources) <= set(zensical_env.page.meta["sources"])


def test_macros_in_project_text_render_without_mkdocs_macros(zensical_env):
    council, _ = check(FERNLEIGH)
    render = macros.renderer(zensical_env)
    assert render("{{ council.short_name }}") == council.council.short_name
    with pytest.raises(Exception):
        render("{{ no_such_thing }}")   # strict, as the site's on_undefined


def test_mkdocs_pages_and_env_are_used_as_they_are():
    class MkDocsPage:
        file = object()

    page = MkDocsPage()
    assert macros.engine_page(page, {}) is page
    assert macros.engine_page(None, {}) is None

    class MkDocsEnv:   # mkdocs-macros: env.render exists, env.page is not set while define_env runs
        def render(self, text, force_rendering=False):
            return f"rendered {text} {force_rendering}"

    env = MkDocsEnv()
    assert macros.renderer(env)("x") == "rendered x True"
    macros.give_page_theme_values(env, None)   # no page: nothing to do, nothing read


def test_zensical_checks_the_council_once_while_nothing_changes(monkeypatch, tmp_path, handbook_page):
    """define_env runs once per page under Zensical: the checks run again only when a file they read changes."""
    from macros import once

    council = tmp_path / "council.yml"
    council.write_text(FERNLEIGH.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("COUNCIL_FILE", str(council))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.delenv("COUNCIL_SERVE", raising=False)
    calls = []
    real = macros.check
    monkeypatch.setattr(macros, "check", lambda *a, **k: calls.append(a) or real(*a, **k))
    path = handbook_page[0]
    for _ in range(3):
        macros.define_env(ZensicalEnv(ZensicalPage(path[: -len(".md")] + "/", path, {})))
    assert len(calls) == 1
    council.write_text(council.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    env = ZensicalEnv(ZensicalPage(path[: -len(".md")] + "/", path, {}))
    macros.define_env(env)
    assert len(calls) == 2
    assert once.checked(council, False, lambda: "again")[1] is False
