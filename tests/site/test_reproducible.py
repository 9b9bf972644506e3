"""Reproducible builds: the example council built twice gives byte-identical files,
also when the second build runs on another day (a shifted clock)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from sites import FERNLEIGH, RECIPES


# --------------------------------------------------------------------------- #
# Reproducible builds
# --------------------------------------------------------------------------- #

# A `sitecustomize` put first on PYTHONPATH moves the build's clock forward:
# time.time() (and so date.today()) and datetime.now(). Everything the site
# shows about "today" comes from $COUNCIL_TODAY, pinned below, so a build on
# another day must give the same bytes.
CLOCK_SHIFT_DAYS = 400
FAKE_CLOCK = textwrap.dedent('''
    """Test helper (tests/site/test_reproducible.py): this process's clock runs $CLOCK_SHIFT_DAYS days ahead."""
    import datetime as _dt
    import os
    import time as _time

    _SHIFT = float(os.environ.get("CLOCK_SHIFT_DAYS", "0")) * 86400
    _real_time, _real_time_ns, _Real = _time.time, _time.time_ns, _dt.datetime
    _time.time = lambda: _real_time() + _SHIFT
    _time.time_ns = lambda: _real_time_ns() + int(_SHIFT * 1_000_000_000)


    class _AnyDatetime(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, _Real)

        def __subclasscheck__(cls, sub):
            return issubclass(sub, _Real)


    class datetime(_Real, metaclass=_AnyDatetime):
        @classmethod
        def now(cls, tz=None):
            return _Real.fromtimestamp(_time.time(), tz)

        @classmethod
        def utcnow(cls):
            return _Real.fromtimestamp(_time.time(), _dt.timezone.utc).replace(tzinfo=None)


    _dt.datetime = datetime
''')


def shifted_clock_env(folder: Path) -> dict:
    """Environment for a subprocess whose clock is CLOCK_SHIFT_DAYS days ahead."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(FAKE_CLOCK, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH")) if p)
    return {"PYTHONPATH": path, "CLOCK_SHIFT_DAYS": str(CLOCK_SHIFT_DAYS)}


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(name: str, a: bytes, b: bytes) -> str:
    """A short, readable account of how two versions of one file differ."""
    note = ""
    if name.endswith(".gz"):
        note = f" (gzip header mtime {int.from_bytes(a[4:8], 'little')} vs {int.from_bytes(b[4:8], 'little')})"
        a, b = gzip.decompress(a), gzip.decompress(b)
        if a == b:
            return f"{name}: same content{note}"
    lines_a, lines_b = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for number, (x, y) in enumerate(zip(lines_a, lines_b), 1):
        if x != y:
            return f"{name}:{number}: {x.strip()[:100]!r} vs {y.strip()[:100]!r}{note}"
    return f"{name}: {len(lines_a)} vs {len(lines_b)} lines{note}"


def assert_identical(site_a: Path, site_b: Path) -> None:
    a, b = files_of(site_a), files_of(site_b)
    assert {"index.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(a), \
        "the build is missing files this test expects to compare"
    assert sorted(a) == sorted(b), f"different files: {sorted(set(a) ^ set(b))}"
    differing = [name for name in a if a[name] != b[name]]
    details = "\n".join(first_difference(name, a[name], b[name]) for name in differing[:10])
    assert not differing, f"{len(differing)} of {len(a)} files differ:\n{details}"


# Every build agrees on "today" (the project's own knob: $COUNCIL_TODAY), and none is
# given SOURCE_DATE_EPOCH: the site must be reproducible by itself, not because the caller set it.
PINNED = {"COUNCIL_TODAY": date.today().isoformat(), "SOURCE_DATE_EPOCH": None}

# Three builds of the example council, started in the background side by side (tests/conftest.py).
RECIPES.update({
    "first_build": lambda folder: (FERNLEIGH, PINNED),
    "second_build": lambda folder: (FERNLEIGH, PINNED),
    # …and with nothing kept from an earlier build (the caches in .cache/ are keyed, never trusted blindly)
    "build_400_days_later": lambda folder: (FERNLEIGH, {**PINNED, **shifted_clock_env(folder / "clock"),
                                                        "COUNCIL_CACHE": "0"}),
})


@pytest.fixture(scope="module")
def first_build(builds) -> Path:
    return builds.site("first_build")


@pytest.fixture(scope="module")
def second_build(builds) -> Path:
    return builds.site("second_build")


@pytest.fixture(scope="module")
def build_400_days_later(builds) -> Path:
    return builds.site("build_400_days_later")


def test_two_builds_are_byte_identical(first_build, second_build):
    assert_identical(first_build, second_build)


def test_the_shifted_clock_works(tmp_path):
    """The helper really moves the clock of a subprocess (else the next test proves nothing)."""
    probe = ("import datetime, time; "
             "print(datetime.datetime.now(datetime.timezone.utc).date(), datetime.date.today(), "
             "isinstance(datetime.datetime(2000, 1, 1), datetime.datetime))")
    result = subprocess.run([sys.executable, "-c", probe], env=dict(os.environ, **shifted_clock_env(tmp_path)),
                            capture_output=True, text=True, timeout=60, check=True)
    now_utc, today, isinstance_works = result.stdout.split()
    expected = datetime.now(timezone.utc).date() + timedelta(days=CLOCK_SHIFT_DAYS)
    assert abs((date.fromisoformat(now_utc) - expected).days) <= 1
    assert abs((date.fromisoformat(today) - date.today() - timedelta(days=CLOCK_SHIFT_DAYS)).days) <= 1
    assert isinstance_works == "True"


def test_a_build_on_another_day_is_byte_identical(first_build, build_400_days_later):
    """Same council file, same $COUNCIL_TODAY, built 400 days later: the same bytes.

    MkDocs dates the sitemap (<lastmod>) and the gzip header of sitemap.xml.gz
    with the build date unless SOURCE_DATE_EPOCH is set; the site must set it
    from its own data for this to pass.
    """
    assert_identical(first_build, build_400_days_later)


def test_the_calendar_feed_is_among_the_files_compared(first_build, build_400_days_later):
    """The feed's DTSTAMP and times come from the data, never the clock: the comparison above covers it."""
    feed = (first_build / "strategy" / "events.ics").read_bytes()
    assert feed.count(b"BEGIN:VEVENT") >= 5
    assert feed == (build_400_days_later / "strategy" / "events.ics").read_bytes()
