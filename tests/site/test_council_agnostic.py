"""The "your council" tests hold for any council: another council's file passes them, a broken one fails them.

Each case runs `pytest tests/site/test_your_council.py` in a subprocess with
COUNCIL_FILE pointing at a fixture, as a council would run it on its own file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from badfiles import patched
from sites import ROOT, WALES

YOUR_COUNCIL = "tests/site/test_your_council.py"


def run_your_council_tests(council_file) -> subprocess.Popen:
    env = dict(os.environ, COUNCIL_FILE=str(council_file))
    return subprocess.Popen([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", YOUR_COUNCIL],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finished(process: subprocess.Popen) -> tuple[int, str]:
    output, _ = process.communicate(timeout=300)
    return process.returncode, output


@pytest.fixture(scope="module")
def broken_wales(tmp_path_factory):
    """The Welsh fixture with one mistake, and where `check` must say it is."""
    text = WALES.read_text(encoding="utf-8")
    broken = tmp_path_factory.mktemp("broken") / "broken.yml"
    broken.write_text(patched(text, "  nation: wales\n", "  nation: wails\n"), encoding="utf-8")
    line = text.splitlines().index("  nation: wales") + 1
    return broken, f"{broken}:{line}:3: council.nation:"


@pytest.fixture(scope="module")
def runs(broken_wales):
    """Both runs, side by side (each builds a site)."""
    broken, _ = broken_wales
    return {"wales": run_your_council_tests(WALES), "broken": run_your_council_tests(broken)}


def summary(output: str) -> dict[str, int]:
    last = output.strip().splitlines()[-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) (passed|failed|error|errors|skipped)", last)}


def test_another_councils_file_passes_the_your_council_tests(runs):
    code, output = finished(runs["wales"])
    assert code == 0, output[-6000:]
    counts = summary(output)
    assert counts.get("passed", 0) >= 10 and set(counts) == {"passed"}, output[-2000:]


def test_a_broken_council_file_fails_them_with_file_line_and_column(runs, broken_wales):
    _, where = broken_wales
    code, output = finished(runs["broken"])
    assert code == 1, output[-6000:]
    counts = summary(output)
    assert counts.get("failed", 0) >= 2, output[-2000:]  # the check and the build
    assert where in output, f"expected {where!r} in:\n{output[-6000:]}"
    assert "is not accepted" in output and "Traceback" not in output
