"""Zensical smoke check: does Zensical build this site, with the same words as MkDocs?

    make zensical-check          (or: .venv/bin/python tools/zensical_check.py [--reinstall])

Non-blocking: it always exits 0 and only reports. Zensical is the successor
of Material for MkDocs and reads mkdocs.yml; this check shows what would be
left to do before a switch.

1. Installs `zensical` from PyPI into .zensical-venv/ (the first time), next
   to the site's locked dependencies (the `macros` package needs them).
2. Copies the site's sources (mkdocs.yml, council.yml, docs/, overrides/,
   macros/, schema/) to a temporary folder and builds them there with
   Zensical, with that folder on PYTHONPATH so `macros` imports. (Zensical has
   no output-folder option and writes a .cache/ folder beside mkdocs.yml; the
   copy keeps both out of the project.) When Zensical cannot render a template
   from overrides/, the template is reported, left out, and the build retried,
   so the comparison still runs.
3. Builds the project with MkDocs (`mkdocs build --strict -d TEMP`).
4. Compares the visible text of every page: the main content (the page's
   <article>) and the whole page (header, navigation, footer too). Prints the
   pages only one build has, the pages whose content differs with their first
   differing lines, and the pages that differ only around the content.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".zensical-venv"
ZENSICAL = VENV / "bin" / "zensical"
PROJECT_PYTHON = ROOT / ".venv" / "bin" / "python"
SOURCES = ["mkdocs.yml", "council.yml", "docs", "overrides", "macros", "schema"]
MAX_TEMPLATE_RETRIES = 5
SHOW_LINES = 6          # differing lines shown per page (detailed comparisons)


# --------------------------------------------------------------------------- #
# Installing and building
# --------------------------------------------------------------------------- #

def install(reinstall: bool = False) -> str:
    """Create .zensical-venv/ with zensical and the locked site dependencies; return Zensical's version."""
    if reinstall and VENV.exists():
        shutil.rmtree(VENV)
    if not ZENSICAL.exists():
        print(f"Installing zensical into {VENV.name}/ …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        # The site's lock and the engines' lock (pinned with hashes, and constrained by site.lock, so the versions
        # shared with MkDocs are the ones the site is built with).
        locks = ["-r", str(ROOT / "requirements" / "site.lock"), "-r", str(ROOT / "requirements" / "engines.lock")]
        command = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                   "--require-hashes", *locks]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            shutil.rmtree(VENV, ignore_errors=True)
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    result = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def council_env() -> dict:
    """The environment both builds share; a relative COUNCIL_FILE is made absolute."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if env.get("COUNCIL_FILE"):
        env["COUNCIL_FILE"] = str((ROOT / env["COUNCIL_FILE"]).resolve())
    return env


def build_mkdocs(project: Path, out: Path) -> float:
    """Build `project` (the project itself, or the copy) with MkDocs into `out`. Returns seconds; raises on failure."""
    python = str(PROJECT_PYTHON) if PROJECT_PYTHON.exists() else sys.executable
    started = time.perf_counter()
    result = subprocess.run([python, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                            cwd=project, env=council_env(), capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"the MkDocs build failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


@dataclass
class ZensicalBuild:
    """What happened when Zensical built the copy."""

    site: Path | None
    seconds: float
    left_out: list[tuple[str, str]]      # (template, Zensical's error) for each template dropped
    error: str = ""


def build_zensical(work: Path) -> ZensicalBuild:
    """Copy the sources to `work` and build them with Zensical, leaving out templates it cannot render."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, work / name)
    env = dict(council_env(), PYTHONPATH=os.pathsep.join(filter(None, [str(work), os.environ.get("PYTHONPATH")])))
    left_out: list[tuple[str, str]] = []
    seconds = 0.0
    for _ in range(MAX_TEMPLATE_RETRIES + 1):
        started = time.perf_counter()
        result = subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=work, env=env,
                                capture_output=True, text=True, timeout=600)
        seconds = time.perf_counter() - started
        output = (result.stdout + result.stderr).strip()
        if result.returncode == 0 and (work / "site" / "index.html").exists():
            return ZensicalBuild(work / "site", seconds, left_out)
        error = output.splitlines()[-1] if output else f"exit status {result.returncode}"
        # "… (in base.html:210): … (in partials/content.html:8)": the innermost template we own.
        ours = [name for name in reversed(re.findall(r"\(in ([^():]+):\d+\)", error))
                if (work / "overrides" / name).is_file()]
        if not ours:
            return ZensicalBuild(None, seconds, left_out, error=output[-3000:])
        left_out.append((f"overrides/{ours[0]}", error))
        (work / "overrides" / ours[0]).unlink()
    return ZensicalBuild(None, seconds, left_out, error="gave up after leaving out templates")


# --------------------------------------------------------------------------- #
# Visible text
# --------------------------------------------------------------------------- #

BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "li", "main",
          "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
INVISIBLE = {"script", "style", "svg", "template", "noscript", "head"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class VisibleText(HTMLParser):
    """Collects a page's visible text, one line per block, for the whole page and for its <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page: list[str] = [""]
        self.article: list[str] = [""]
        self._invisible = 0
        self._in_article = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag == "br":
                self._break()
            return
        if tag in INVISIBLE:
            self._invisible += 1
        if tag == "article":
            self._in_article += 1
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        if tag in INVISIBLE and self._invisible:
            self._invisible -= 1
        if tag == "article" and self._in_article:
            self._in_article -= 1
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        if self._invisible:
            return
        self.page[-1] += data
        if self._in_article:
            self.article[-1] += data

    def _break(self):
        for lines in (self.page, self.article):
            if lines[-1].strip():
                lines.append("")

    @staticmethod
    def tidy(lines: list[str]) -> list[str]:
        return [" ".join(line.split()) for line in lines if line.strip()]


def visible_text(html: str) -> tuple[list[str], list[str]]:
    """(whole page, article) visible text as lists of lines."""
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    return parser.tidy(parser.page), parser.tidy(parser.article)


def pages(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


# --------------------------------------------------------------------------- #
# Comparing
# --------------------------------------------------------------------------- #

@dataclass
class PageDiff:
    """How one page's visible text differs: lines only in MkDocs (-) and only in Zensical (+)."""

    name: str
    removed: list[str]
    added: list[str]


def page_diff(name: str, a: list[str], b: list[str]) -> PageDiff:
    diff = [line for line in difflib.unified_diff(a, b, n=0, lineterm="")
            if not line.startswith(("---", "+++", "@@"))]
    return PageDiff(name, [d[1:] for d in diff if d.startswith("-")], [d[1:] for d in diff if d.startswith("+")])


@dataclass
class Comparison:
    """Two builds of the same pages, compared by visible text."""

    only_mkdocs: list[str]
    only_zensical: list[str]
    same: list[str]
    content: list[PageDiff]          # the <article> differs
    surroundings: list[PageDiff]     # the article is the same, the rest of the page is not


def compare(mkdocs_site: Path, zensical_site: Path) -> Comparison:
    ours, theirs = pages(mkdocs_site), pages(zensical_site)
    result = Comparison(sorted(set(ours) - set(theirs)), sorted(set(theirs) - set(ours)), [], [], [])
    for name in sorted(set(ours) & set(theirs)):
        page_a, article_a = visible_text(ours[name].read_text(encoding="utf-8"))
        page_b, article_b = visible_text(theirs[name].read_text(encoding="utf-8"))
        if article_a != article_b:
            result.content.append(page_diff(name, article_a, article_b))
        elif page_a != page_b:
            result.surroundings.append(page_diff(name, page_a, page_b))
        else:
            result.same.append(name)
    return result


def common_lines(diffs: list[PageDiff], limit: int = 8) -> list[str]:
    """The differing lines that recur most, with how many pages have them."""
    counts: Counter[tuple[str, str]] = Counter()
    for d in diffs:
        counts.update({("-", line) for line in d.removed} | {("+", line) for line in d.added})
    return [f"      {sign}{line[:120]}   ({n} page(s))" for (sign, line), n in counts.most_common(limit)]


def describe(title: str, comparison: Comparison, detail: bool) -> list[str]:
    """A comparison as report lines; with detail, each differing page's first lines."""
    c = comparison
    total = len(c.same) + len(c.content) + len(c.surroundings)
    out = [f"\n{title}", f"  Pages in both: {total}; same visible text: {len(c.same)}."]
    if c.only_mkdocs:
        out.append(f"  Only MkDocs built: {', '.join(c.only_mkdocs)}")
    if c.only_zensical:
        out.append(f"  Only Zensical built: {', '.join(c.only_zensical)}")
    for label, diffs in (("Content (<article>) differs", c.content),
                         ("Content the same, the page around it differs", c.surroundings)):
        out.append(f"  {label}: {len(diffs)} page(s).")
        if not diffs:
            continue
        out.append("    Most common differences (- only MkDocs, + only Zensical):")
        out += common_lines(diffs)
        if detail:
            for d in diffs[:8]:
                lines = [f"-{x}" for x in d.removed] + [f"+{x}" for x in d.added]
                out.append(f"    {d.name}: -{len(d.removed)} +{len(d.added)} line(s)")
                out += [f"      {line[:150]}" for line in lines[:SHOW_LINES]]
            if len(diffs) > 8:
                out.append(f"    … and {len(diffs) - 8} more page(s)")
        else:
            out.append(f"    Pages: {', '.join(d.name for d in diffs[:12])}" + (" …" if len(diffs) > 12 else ""))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reinstall", action="store_true", help="recreate .zensical-venv/ (newest zensical)")
    args = parser.parse_args(argv)
    try:
        version = install(args.reinstall)
        with tempfile.TemporaryDirectory(prefix="zensical-check-") as temp:
            temp = Path(temp)
            (temp / "zensical").mkdir()
            mkdocs_seconds = build_mkdocs(ROOT, temp / "mkdocs-site")
            zensical = build_zensical(temp / "zensical")
            print(f"Zensical {version}: build {'finished' if zensical.site else 'FAILED'} in {zensical.seconds:.1f} s "
                  f"(MkDocs: {mkdocs_seconds:.1f} s).")
            if zensical.left_out:
                print("Templates Zensical could not render (left out so that the rest could be compared):")
                for template, error in zensical.left_out:
                    print(f"  {template}: {error}")
            if zensical.site is None:
                print(f"Zensical's error:\n{zensical.error}")
                return 0
            if zensical.left_out:
                # The same sources, less the same templates, built by MkDocs: differences of the engines only.
                build_mkdocs(temp / "zensical", temp / "mkdocs-same-sources")
                print("\n".join(describe("Zensical against MkDocs building the same sources (without those templates):",
                                         compare(temp / "mkdocs-same-sources", zensical.site), detail=True)))
            print("\n".join(describe("Zensical against the site as MkDocs builds it now:",
                                     compare(temp / "mkdocs-site", zensical.site), detail=not zensical.left_out)))
    except Exception as error:       # a smoke check reports; it never blocks
        print(f"zensical-check could not finish: {type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
