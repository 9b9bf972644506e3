"""Your council: what your own council file and its site must pass, whichever council you are.

These tests read the council file named by $COUNCIL_FILE, else council.yml in
the project, and nothing else: no fact of any particular council is assumed.
Run just these while editing your file:

    .venv/bin/python -m pytest tests/site/test_your_council.py
    COUNCIL_FILE=my-draft.yml .venv/bin/python -m pytest tests/site/test_your_council.py

The browser checks (accessibility on every page) are in tests/browser/test_your_council.py; page weight
is in tests/site/test_weight.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from sites import ROOT, STRICT_ENV, broken_links, label, macro_problems

SITE_MAP = {
    "": "the home page",
    "young-people": "the young people's pages",
    "handbook": "the corporate parents' handbook",
    "strategy": "the strategy",
    "contacts": "the contacts page",
}


def test_council_file_passes_the_strict_check(your_council):
    """`python -m macros check --strict FILE`: what `make site`, pre-commit and CI run first."""
    result = subprocess.run([sys.executable, "-m", "macros", "check", "--strict", label(your_council)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"{label(your_council)} is not accepted. Each line below says where (FILE:LINE:COLUMN), "
                    f"which field, what is wrong and how to fix it:\n\n{result.stderr}{result.stdout}",
                    pytrace=False)


def test_council_file_matches_the_editors_schema(your_council):
    """What the pre-commit hook and VS Code check: schema/council.schema.json, from macros/schema.py."""
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", "schema/council.schema.json",
                             label(your_council)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"{label(your_council)} does not match the schema editors use:\n\n{result.stdout}{result.stderr}",
                    pytrace=False)


def test_the_site_builds(your_council_build):
    """`mkdocs build --strict`, with macro errors and council warnings stopping the build, as CI builds it."""
    result = your_council_build.wait()
    if result.returncode != 0:
        env = " ".join(f"{k}={v}" for k, v in STRICT_ENV.items())
        pytest.fail(f"The site could not be built from {label(your_council_build.council_file)} "
                    f"(COUNCIL_FILE={label(your_council_build.council_file)} {env} mkdocs build --strict). "
                    f"What the build said:\n\n{result.stderr[-6000:]}", pytrace=False)


@pytest.mark.parametrize("path", SITE_MAP, ids=lambda p: p or "home")
def test_site_map_page_exists(your_council_site, path):
    page = your_council_site / path / "index.html"
    assert page.is_file(), f"{SITE_MAP[path]} (/{path}/) is missing from the built site"


def test_every_internal_link_and_anchor_resolves(your_council_site):
    broken = broken_links(your_council_site)
    assert broken == [], f"{len(broken)} broken link(s):\n" + "\n".join(broken)


def test_no_page_shows_a_macro_error_or_template_code(your_council_site):
    problems = macro_problems(your_council_site)
    assert problems == [], "\n".join(problems)
