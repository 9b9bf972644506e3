"""Nothing wrong is ever published: every way of building stops on a mistake, says where it is, and writes nothing.

`check`, plain `mkdocs build --strict` (no environment variable), `make site`
and a page's macro error are covered here and in test_build.py; `make serve`
in tests/browser/test_serve.py.
"""

from __future__ import annotations

import subprocess
import sys

from sites import PROJECTS, ROOT, WALES, build_env

LINE_OF = "docs/index.md:10: contact_card('nobody')"


def test_a_page_error_stops_the_build_with_its_page_and_line_and_no_traceback(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(PROJECTS / "page-error" / "mkdocs.yml"),
         "-d", str(out)],
        cwd=ROOT, env=build_env(WALES), capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert LINE_OF in result.stderr, result.stderr[-2000:]
    assert "is not a valid Role" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists(), "a page error must stop the build before anything is written"


def test_a_page_error_stops_a_build_without_strict_too(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(PROJECTS / "page-error" / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT, env=build_env(WALES), capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and LINE_OF in result.stderr
    assert not out.exists()


def test_a_hostile_council_file_stops_the_build_with_one_message(tmp_path):
    """30,000 unclosed brackets once crashed the build with a segmentation fault."""
    council = tmp_path / "council.yml"
    council.write_text("a: " + "[" * 30000 + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=ROOT, env=build_env(council), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{council}:1:" in result.stderr and "nested more than" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


def test_every_page_allows_only_this_site(example_site):
    """A Content-Security-Policy in every page (GitHub Pages cannot send headers): only this site."""
    from sites import html_pages

    policy = ('<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\' '
              "'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
              "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'\">")
    pages = [*html_pages(example_site), example_site / "404.html"]
    missing = [str(p.relative_to(example_site)) for p in pages if policy not in p.read_text(encoding="utf-8")]
    assert len(pages) > 40 and missing == []
