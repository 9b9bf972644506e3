"""The live preview's rebuild: the theme's compiled templates are kept (macros.cache_theme_templates)."""

from __future__ import annotations

import jinja2
from jinja2 import FileSystemBytecodeCache

import macros


class Theme:
    """MkDocs' Theme as far as the cache needs: a new Jinja environment each time it is asked."""

    def get_env(self):
        return jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ x }}"}))


def test_the_theme_environment_keeps_compiled_templates(monkeypatch):
    monkeypatch.delenv("COUNCIL_CACHE", raising=False)
    theme = Theme()
    macros.cache_theme_templates({"theme": theme})
    first = theme.get_env()
    assert isinstance(first.bytecode_cache, FileSystemBytecodeCache)
    assert first.get_template("t.html").render(x="same output") == "same output"
    wrapped = theme.get_env
    macros.cache_theme_templates({"theme": theme})          # a second define_env does not wrap it twice
    assert theme.get_env is wrapped
    assert theme.get_env().bytecode_cache.directory == first.bytecode_cache.directory


def test_no_cache_when_caches_are_off_or_the_theme_is_not_mkdocs(monkeypatch):
    monkeypatch.setenv("COUNCIL_CACHE", "0")
    theme = Theme()
    macros.cache_theme_templates({"theme": theme})
    assert theme.get_env().bytecode_cache is None
    monkeypatch.delenv("COUNCIL_CACHE")
    macros.cache_theme_templates({"theme": {"name": "material"}})   # Zensical: the theme is a mapping
