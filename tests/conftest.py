"""Shared fixtures: real builds of real council files, made once per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "council.yml"
WALES = FIXTURES / "afoncwm.yml"


def run_build(council_file: Path, out: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """`COUNCIL_FILE=… mkdocs build --strict -d OUT`, exactly as the README says."""
    env = dict(os.environ, COUNCIL_FILE=str(council_file), MACROS_ON_ERROR_FAIL="true",
               NO_MKDOCS_2_WARNING="1", **(extra_env or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


def built(council_file: Path, out: Path) -> Path:
    result = run_build(council_file, out)
    assert result.returncode == 0, result.stderr[-4000:]
    return out


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    return built(EXAMPLE, tmp_path_factory.mktemp("example") / "site")


@pytest.fixture(scope="session")
def wales_site(tmp_path_factory) -> Path:
    return built(WALES, tmp_path_factory.mktemp("wales") / "site")


def page_text(site: Path, url_path: str) -> str:
    path = site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else site / url_path
    return path.read_text(encoding="utf-8")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
