"""`make serve` keeps running through every bad input, and shows a broken council's problems in the
browser (every page lists them, and the page reloads itself when they are fixed) instead of hanging."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest

from sites import ROOT, WALES

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, words: str, seconds: float = 90, present: bool = True) -> str:
    """The page at url once it shows (or, with present=False, no longer shows) the words."""
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and (words in page) == present:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{url} never {'showed' if present else 'stopped showing'} {words!r}; "
                         f"last page began: {page[:300]!r}")


def test_make_serve_shows_a_broken_council_in_the_browser_and_recovers(tmp_path):
    good = WALES.read_text(encoding="utf-8")
    council = tmp_path / "council.yml"  # outside the project: serve must watch the file it was given
    council.write_text(good.replace("nation: wales", "nation: wails"), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/young-people/"
    env = {**os.environ, "COUNCIL_FILE": str(council), "SERVE_ADDR": f"127.0.0.1:{port}", "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(["make", "--no-print-directory", "serve"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        page = wait_for(url, "The council file has problems")
        line = next(n for n, row in enumerate(good.splitlines(), start=1) if "nation: wales" in row)
        assert f"{council}:{line}:3: council.nation" in page and "did you mean" in page
        assert "Traceback" not in page

        council.write_text(good, encoding="utf-8")  # fixed: the preview rebuilds and shows the page
        page = wait_for(url, "The council file has problems", present=False)
        assert "Exit this page" in page and "cp-problems" not in page

        council.write_text("a: " + "[" * 30000 + "\n", encoding="utf-8")  # hostile: still an answer, no crash
        page = wait_for(url, "nested more than")
        assert server.poll() is None, "make serve stopped"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
