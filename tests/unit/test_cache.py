"""The cache of validated data: same bytes and same code give the kept result; anything else validates again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros import cache
from macros.council_file import validated
from macros.problems import DataError
from macros.schema import CouncilFile

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "fernleigh.yml"


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.delenv("COUNCIL_CACHE", raising=False)
    return tmp_path / "cache"


def counter():
    calls = []

    def compute():
        calls.append(1)
        return {"answer": len(calls)}

    return calls, compute


def test_the_same_bytes_are_validated_once(store):
    calls, compute = counter()
    assert cache.cached("thing", b"data", compute) == {"answer": 1}
    assert cache.cached("thing", b"data", compute) == {"answer": 1}
    assert len(calls) == 1 and len(list(store.glob("thing-*.pickle"))) == 1


def test_other_bytes_or_other_code_are_validated_again(store, monkeypatch):
    calls, compute = counter()
    cache.cached("thing", b"data", compute)
    cache.cached("thing", b"data, changed", compute)
    assert len(calls) == 2
    monkeypatch.setattr(cache, "code_version", lambda: b"other code")
    cache.cached("thing", b"data", compute)
    assert len(calls) == 3


def test_the_cache_can_be_turned_off(store, monkeypatch):
    monkeypatch.setenv("COUNCIL_CACHE", "0")
    calls, compute = counter()
    cache.cached("thing", b"data", compute)
    cache.cached("thing", b"data", compute)
    assert len(calls) == 2 and not store.exists()


def test_errors_are_never_kept(store):
    def broken():
        raise DataError([])

    for _ in range(2):
        with pytest.raises(DataError):
            cache.cached("thing", b"data", broken)
    assert not list(store.glob("*"))


def test_a_damaged_cache_file_is_ignored(store):
    calls, compute = counter()
    cache.cached("thing", b"data", compute)
    for kept in store.glob("thing-*.pickle"):
        kept.write_bytes(b"not a pickle")
    assert cache.cached("thing", b"data", compute) == {"answer": 2}


def test_a_cached_council_is_the_same_council(store, tmp_path):
    path = tmp_path / "council.yml"
    shutil.copy(FIXTURE, path)
    first, located = validated(path, "council.yml", CouncilFile)
    again, located_again = validated(path, "council.yml", CouncilFile)
    assert again == first and located_again.values == located.values and located_again.keys == located.keys
    assert len(list(store.glob("CouncilFile-*.pickle"))) == 1
    path.write_text(path.read_text(encoding="utf-8").replace("nation: england", "nation: wales"), encoding="utf-8")
    changed, _ = validated(path, "council.yml", CouncilFile)
    assert changed.council.nation.value == "wales"


def test_a_page_is_compiled_once_and_renders_the_same(tmp_path, monkeypatch):
    """The macros plugin compiles each page with from_string: the compiled code is kept, keyed by the page's text."""
    from jinja2 import Environment

    from macros import components

    monkeypatch.setattr(components, "CACHE_DIR", tmp_path / "templates")
    monkeypatch.delenv("COUNCIL_CACHE", raising=False)
    page = "# {{ title }}\n\n{% for n in numbers %}{{ n }} {% endfor %}"

    def fresh() -> tuple[Environment, list]:
        jinja = Environment(extensions=[components.CompiledPages])
        compiled = []
        original = jinja.compile
        jinja.compile = lambda source, *a, **k: compiled.append(source) or original(source, *a, **k)
        return jinja, compiled

    first, compiled = fresh()
    assert first.from_string(page).render(title="Hello", numbers=[1, 2]) == "# Hello\n\n1 2 "
    assert compiled == [page]
    second, compiled = fresh()  # the next build: a new environment, the same page
    assert second.from_string(page).render(title="Hello", numbers=[1, 2]) == "# Hello\n\n1 2 "
    assert compiled == []
    assert second.from_string(page + "!").render(title="Hi", numbers=[]) == "# Hi\n\n!"
    assert compiled == [page + "!"]
    monkeypatch.setenv("COUNCIL_CACHE", "0")
    third, compiled = fresh()
    third.from_string(page).render(title="Hello", numbers=[1])
    assert compiled == [page]
