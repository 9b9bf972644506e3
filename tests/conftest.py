"""Shared fixtures: real builds of real council files, made once per test run.

The builds the collected tests need start in the background as soon as the
tests are collected, side by side, so they are ready (or nearly) by the time
the first test that reads a built site runs.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from sites import FERNLEIGH, NORTHERN_IRELAND, RECIPES, RELAXED_ENV, SCOTLAND, STRICT_ENV, WALES, Build, label, start_build, without_section, your_council_file


@dataclass
class Builds:
    """Site builds shared by the whole run, started in the background and waited for when needed."""

    recipes: dict[str, Callable[[Path], tuple[Path, dict]]]
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="council-sites-")))
    started: dict[str, Build] = field(default_factory=dict)

    def start(self, name: str) -> Build:
        if name not in self.started:
            folder = self.folder / name
            folder.mkdir()
            council_file, extra_env = self.recipes[name](folder)
            self.started[name] = start_build(council_file, folder / "site", extra_env)
        return self.started[name]

    def get(self, name: str) -> Build:
        build = self.start(name)
        build.wait()
        return build

    def site(self, name: str) -> Path:
        """The built site; fails with the end of the build's own messages if it did not build."""
        build = self.get(name)
        assert build.result.returncode == 0, \
            f"{label(build.council_file)} did not build:\n{build.result.stderr[-4000:]}"
        return build.out

    def close(self) -> None:
        for build in self.started.values():
            if build.process.poll() is None:
                build.process.kill()
                build.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


BUILDS = pytest.StashKey[Builds]()


def _no_statement(folder: Path) -> tuple[Path, dict]:
    path = folder / "afoncwm-no-statement.yml"
    path.write_text(without_section(WALES.read_text(encoding="utf-8"), "accessibility"), encoding="utf-8")
    return path, RELAXED_ENV  # a strict build refuses a council with no statement: this shows what the page says


# fixture name → what it builds, given a folder to write in: (council file, extra environment)
RECIPES.update({
    "example_site": lambda folder: (FERNLEIGH, {}),
    "wales_site": lambda folder: (WALES, {}),
    "scotland_site": lambda folder: (SCOTLAND, {}),
    "northern_ireland_site": lambda folder: (NORTHERN_IRELAND, {}),
    "no_statement_site": _no_statement,
    # exactly as `make site` and CI build a council's own file
    "your_council_build": lambda folder: (your_council_file(), STRICT_ENV),
})


def pytest_configure(config):
    config.stash[BUILDS] = Builds(RECIPES)


def pytest_collection_modifyitems(session, config, items):
    if config.option.collectonly:
        return
    wanted = {name for item in items for name in getattr(item, "fixturenames", ()) if name in RECIPES}
    for name in sorted(wanted):
        config.stash[BUILDS].start(name)


def pytest_unconfigure(config):
    config.stash[BUILDS].close()


@pytest.fixture(scope="session")
def builds(pytestconfig) -> Builds:
    return pytestconfig.stash[BUILDS]


@pytest.fixture(scope="session")
def example_site(builds) -> Path:
    """The example council (tests/fixtures/fernleigh.yml), built."""
    return builds.site("example_site")


@pytest.fixture(scope="session")
def wales_site(builds) -> Path:
    """The sparse Welsh council (tests/fixtures/afoncwm.yml), built."""
    return builds.site("wales_site")


@pytest.fixture(scope="session")
def scotland_site(builds) -> Path:
    """The council in Scotland (tests/fixtures/glenmorach.yml), built."""
    return builds.site("scotland_site")


@pytest.fixture(scope="session")
def northern_ireland_site(builds) -> Path:
    """The Trust in Northern Ireland (tests/fixtures/loughbeg.yml), built."""
    return builds.site("northern_ireland_site")


@pytest.fixture(scope="session")
def no_statement_site(builds) -> Path:
    """The Welsh council without its accessibility statement, built (as a council that has not written one)."""
    return builds.site("no_statement_site")


@pytest.fixture(scope="session")
def your_council() -> Path:
    """The council file a council keeps for itself: $COUNCIL_FILE, else council.yml."""
    return your_council_file()


@pytest.fixture(scope="session")
def your_council_build(builds) -> Build:
    """`mkdocs build --strict` of your council file, as `make site` and CI run it (not checked here)."""
    return builds.get("your_council_build")


@pytest.fixture(scope="session")
def your_council_site(your_council_build) -> Path:
    if your_council_build.result.returncode != 0:
        pytest.fail(f"The site could not be built from {label(your_council_build.council_file)}, "
                    "so its pages cannot be checked. See test_the_site_builds for why.", pytrace=False)
    return your_council_build.out


@pytest.fixture(autouse=True)
def english_unless_a_test_says_otherwise():
    """The language being built is one setting for a process (macros/language.py): a test that builds or reads
    Welsh in this process (language.using) must not leave the next test reading Welsh."""
    from macros import language

    language.use(language.ENGLISH)
    yield
    language.use(language.ENGLISH)
