"""The same site from three engines: MkDocs, ProperDocs and Zensical, each from the same mkdocs.yml.

    make engines      (or: .venv/bin/python tools/engines.py [--only properdocs] [--json FILE] [--keep DIR])

MkDocs 1.6.1 (the site's engine, .venv/) builds the site as `make site` does. ProperDocs (MkDocs' continuation
by its original maintainers) and Zensical (the successor of Material for MkDocs) come from .engines-venv/, one
virtual environment made from requirements/site.lock and requirements/engines.lock (exact versions with hashes,
--require-hashes: nothing unpinned), or from an existing .zensical-venv/ that has both.

1. MkDocs:     `mkdocs build --strict -d TEMP` in the project.
2. ProperDocs: `properdocs build --strict -f mkdocs.yml -d TEMP` in the project.
3. Zensical:   `zensical build --clean --strict` in a copy of the sources (mkdocs.yml, council.yml, docs/,
   overrides/, macros/, schema/ and the macros' caches in .cache/): Zensical has no output-folder option and
   writes its own .cache/ beside mkdocs.yml, and `macros` imports only with that folder on PYTHONPATH.
   Zensical 0.0.73 looks an extra template (mkdocs.yml `extra_templates`) up by its file name in the theme's
   folders, never in docs/, and stops when it is not there: such an entry is left out of the copy's
   mkdocs.yml, and reported: Zensical writes no calendar feed (docs/strategy/events.ics, which mkdocs.yml
   also lists in exclude_docs, so that Zensical does not publish the template's source instead). A template of
   overrides/ that Zensical cannot render is left out too, reported, and counted as a failed build.

Then the visible text of every page is compared with MkDocs' build: the MAIN TEXT (the page's <article>), and
the page around it (header, navigation, footer: the theme's chrome). Pages only one engine built, and the
site's other outputs (sitemap.xml, the calendar feed), are reported too.

Exit status: 0 when every engine built and every page's main text is the same as MkDocs'; 1 when a build
failed or main text differs; 2 when an engine could not be installed. Differences around the article are
reported, never a failure: each engine has its own theme chrome (see the README, "Before 5 May 2027").
"""

from __future__ import annotations

import argparse
import hashlib
import difflib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".engines-venv"
OLD_VENV = ROOT / ".zensical-venv"       # made by the former tools/zensical_check.py from the same locks
LOCKS = ["-r", str(ROOT / "requirements" / "site.lock"), "-r", str(ROOT / "requirements" / "engines.lock")]
PROJECT_PYTHON = ROOT / ".venv" / "bin" / "python"
SOURCES = ["mkdocs.yml", "council.yml", "docs", "overrides", "macros", "schema"]
CACHES = ["data", "templates", "pages"]   # the macros' caches in .cache/ (macros/cache.py, components.py)
OTHER_OUTPUTS = ["sitemap.xml", "strategy/events.ics"]
ENGINES = ("properdocs", "zensical")
MAX_TEMPLATE_RETRIES = 5
SHOW_LINES = 6


# --------------------------------------------------------------------------- #
# Installing
# --------------------------------------------------------------------------- #

def venv() -> Path:
    """The engines' virtual environment: .engines-venv/, or .zensical-venv/ when it already has both engines."""
    if not (VENV / "bin" / "python").exists() and all((OLD_VENV / "bin" / e).exists() for e in ENGINES):
        return OLD_VENV
    return VENV


def install(reinstall: bool = False) -> dict[str, str]:
    """Make the engines' venv from the locks (the first time); return each engine's version."""
    folder = venv()
    if reinstall and folder.exists():
        shutil.rmtree(folder)
        folder = VENV
    # The venv is (re)filled whenever the locks change: a stamp holds their hash, as make's .site-deps does.
    locked = hashlib.sha256(b"".join(Path(lock).read_bytes() for lock in LOCKS if lock != "-r")).hexdigest()
    stamp = folder / ".locks"
    fresh = stamp.is_file() and stamp.read_text(encoding="utf-8") == locked
    if not fresh or not all((folder / "bin" / e).exists() for e in ENGINES):
        print(f"Installing ProperDocs and Zensical into {folder.name}/ from the locks …", file=sys.stderr)
        if not (folder / "bin" / "python").exists():
            subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        command = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                   "--require-hashes", *LOCKS]   # LOCKS: requirements/site.lock and requirements/engines.lock
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
        stamp.write_text(locked, encoding="utf-8")
    versions = {}
    for engine in ENGINES:
        result = subprocess.run([str(folder / "bin" / engine), "--version"], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{folder.name}/bin/{engine} --version failed:\n{result.stderr[-1000:]}")
        number = re.search(r"\d+\.\d+(?:\.\d+)?", result.stdout)
        versions[engine] = f"{engine} {number.group(0) if number else result.stdout.strip()}"
    return versions


# --------------------------------------------------------------------------- #
# Building
# --------------------------------------------------------------------------- #

@dataclass
class Build:
    """One engine's build: where it went, how long it took (wall and CPU), what was left out or went wrong."""

    engine: str
    site: Path | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    left_out: list[str] = field(default_factory=list)    # what the engine could not build, and why
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.site is not None and not self.error


def council_env(**extra: str) -> dict:
    """The environment every build shares; a relative COUNCIL_FILE is made absolute (the Zensical copy)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    if env.get("COUNCIL_FILE"):
        env["COUNCIL_FILE"] = str((ROOT / env["COUNCIL_FILE"]).resolve())
    return env


def run(command: list[str], cwd: Path, env: dict) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run a build; return it with its wall time and the CPU time (user + system) it and its children used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, seconds, cpu


def build_mkdocs_like(engine: str, out: Path) -> Build:
    """MkDocs (.venv/) or ProperDocs (the engines' venv), strict, in the project, into `out`."""
    if engine == "mkdocs":
        python = str(PROJECT_PYTHON) if PROJECT_PYTHON.exists() else sys.executable
        command = [python, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    else:
        command = [str(venv() / "bin" / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)]
    result, seconds, cpu = run(command, ROOT, council_env())
    build = Build(engine, seconds=seconds, cpu_seconds=cpu)
    if result.returncode == 0 and (out / "index.html").exists():
        build.site = out
    else:
        build.error = (result.stdout + result.stderr).strip()[-3000:] or f"exit status {result.returncode}"
    return build


def copy_sources(work: Path) -> None:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, work / name)
    for name in CACHES:  # the same warm caches MkDocs had: a fair time
        if (ROOT / ".cache" / name).is_dir():
            shutil.copytree(ROOT / ".cache" / name, work / ".cache" / name)


def extra_templates_zensical_cannot_find(work: Path) -> list[str]:
    """The mkdocs.yml `extra_templates` Zensical would not find (it looks in the theme's folders, by file name)."""
    text = (work / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"(?m)^extra_templates:\n((?:[ \t]+- .*\n)+)", text)
    entries = re.findall(r"- +(\S+)", block.group(1)) if block else []
    return [e for e in entries if not (work / "overrides" / Path(e).name).is_file()]


def leave_out_extra_templates(work: Path, names: list[str]) -> None:
    config = work / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for name in names:
        text = re.sub(rf"(?m)^[ \t]+- +{re.escape(name)}[ \t]*\n", "", text)
    text = re.sub(r"(?m)^extra_templates:\n(?![ \t]+- )", "", text)  # an empty list is left out whole
    config.write_text(text, encoding="utf-8")


def build_zensical(work: Path) -> Build:
    """Copy the sources to `work` and build them there with Zensical (see the module's docstring)."""
    copy_sources(work)
    build = Build("zensical")
    missing = extra_templates_zensical_cannot_find(work)
    if missing:
        leave_out_extra_templates(work, missing)
        build.left_out += [f"{name}: an extra template (mkdocs.yml extra_templates); Zensical looks for "
                           f"'{Path(name).name}' in the theme's folders only, so it is not written" for name in missing]
    env = council_env(PYTHONPATH=os.pathsep.join(filter(None, [str(work), os.environ.get("PYTHONPATH")])))
    for _ in range(MAX_TEMPLATE_RETRIES + 1):
        result, build.seconds, build.cpu_seconds = run(
            [str(venv() / "bin" / "zensical"), "build", "--clean", "--strict"], work, env)
        output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr).strip()
        if result.returncode == 0 and (work / "site" / "index.html").exists():
            build.site = work / "site"
            return build
        error = output.splitlines()[-1] if output else f"exit status {result.returncode}"
        # "… (in base.html:210): … (in partials/content.html:8)": the innermost template we own.
        ours = [name for name in reversed(re.findall(r"\(in ([^():]+):\d+\)", error))
                if (work / "overrides" / name).is_file()]
        if not ours:
            build.error = output[-3000:]
            return build
        build.left_out.append(f"overrides/{ours[0]}: Zensical cannot render it: {error}")
        build.error = "left out templates it could not render"
        (work / "overrides" / ours[0]).unlink()
    build.error = "gave up after leaving out templates"
    return build


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
    """How one page's visible text differs: lines only in MkDocs' build (-) and only in the other (+)."""

    name: str
    removed: list[str]
    added: list[str]


def page_diff(name: str, a: list[str], b: list[str]) -> PageDiff:
    diff = [line for line in difflib.unified_diff(a, b, n=0, lineterm="")
            if not line.startswith(("---", "+++", "@@"))]
    return PageDiff(name, [d[1:] for d in diff if d.startswith("-")], [d[1:] for d in diff if d.startswith("+")])


@dataclass
class Comparison:
    """Another engine's build against MkDocs', by visible text."""

    engine: str
    only_mkdocs: list[str]
    only_other: list[str]
    same: list[str]
    content: list[PageDiff]          # the <article> differs
    surroundings: list[PageDiff]     # the article is the same, the rest of the page is not
    outputs: dict[str, str]          # sitemap.xml, the feed: "same", "differs", "missing", "not in MkDocs' build"

    @property
    def main_text_same(self) -> bool:
        return not self.content and not self.only_mkdocs


def compare(engine: str, mkdocs_site: Path, other_site: Path) -> Comparison:
    ours, theirs = pages(mkdocs_site), pages(other_site)
    result = Comparison(engine, sorted(set(ours) - set(theirs)), sorted(set(theirs) - set(ours)), [], [], [], {})
    for name in sorted(set(ours) & set(theirs)):
        page_a, article_a = visible_text(ours[name].read_text(encoding="utf-8"))
        page_b, article_b = visible_text(theirs[name].read_text(encoding="utf-8"))
        if article_a != article_b:
            result.content.append(page_diff(name, article_a, article_b))
        elif page_a != page_b:
            result.surroundings.append(page_diff(name, page_a, page_b))
        else:
            result.same.append(name)
    for name in OTHER_OUTPUTS:
        result.outputs[name] = compare_output(mkdocs_site / name, other_site / name)
    return result


def compare_output(a: Path, b: Path) -> str:
    """Another output (sitemap.xml, the feed): the same bytes, or how it differs."""
    if not a.is_file():
        return "not in MkDocs' build"
    if not b.is_file():
        return "missing"
    if a.read_bytes() == b.read_bytes():
        return "same"
    first = next((line.strip() for line in b.read_text(encoding="utf-8", errors="replace").splitlines()
                  if line.strip()), "")
    if a.suffix == ".xml":
        count = lambda p: p.read_text(encoding="utf-8", errors="replace").count("<loc>")  # noqa: E731
        return f"differs ({count(a)} addresses in MkDocs', {count(b)} here)"
    return f"differs (here it starts {first[:60]!r})"


def common_lines(diffs: list[PageDiff], limit: int = 8) -> list[str]:
    """The differing lines that recur most, with how many pages have them."""
    counts: Counter[tuple[str, str]] = Counter()
    for d in diffs:
        counts.update({("-", line) for line in d.removed} | {("+", line) for line in d.added})
    return [f"      {sign}{line[:120]}   ({n} page(s))" for (sign, line), n in counts.most_common(limit)]


def describe(c: Comparison) -> list[str]:
    total = len(c.same) + len(c.content) + len(c.surroundings)
    out = [f"\n{c.engine} against MkDocs:",
           f"  Pages in both: {total}. Main text (<article>) the same: {total - len(c.content)}; "
           f"differs: {len(c.content)}. Whole page the same: {len(c.same)}."]
    if c.only_mkdocs:
        out.append(f"  Only MkDocs built: {', '.join(c.only_mkdocs)}")
    if c.only_other:
        out.append(f"  Only {c.engine} built: {', '.join(c.only_other)}")
    out.append("  Other outputs: " + "; ".join(f"{k}: {v}" for k, v in c.outputs.items()))
    for label, diffs in (("MAIN TEXT differs", c.content),
                         ("Main text the same, the theme's chrome around it differs (allowed)", c.surroundings)):
        if not diffs:
            continue
        out.append(f"  {label}: {len(diffs)} page(s). Most common lines (- only MkDocs, + only {c.engine}):")
        out += common_lines(diffs)
        if diffs is c.content:
            for d in diffs[:8]:
                lines = [f"-{x}" for x in d.removed] + [f"+{x}" for x in d.added]
                out.append(f"    {d.name}: -{len(d.removed)} +{len(d.added)} line(s)")
                out += [f"      {line[:150]}" for line in lines[:SHOW_LINES]]
            if len(diffs) > 8:
                out.append(f"    … and {len(diffs) - 8} more page(s)")
    return out


def summary(builds: dict[str, Build], comparisons: list[Comparison], versions: dict[str, str]) -> dict:
    """What a test or CI reads (--json)."""
    return {
        "versions": versions,
        "load_average": os.getloadavg()[0],
        "builds": {name: {"ok": b.ok, "seconds": round(b.seconds, 2), "cpu_seconds": round(b.cpu_seconds, 2),
                          "left_out": b.left_out, "error": b.error} for name, b in builds.items()},
        "comparisons": {c.engine: {"pages": len(c.same) + len(c.content) + len(c.surroundings),
                                   "main_text_differs": [asdict(d) for d in c.content],
                                   "chrome_differs": len(c.surroundings),
                                   "only_mkdocs": c.only_mkdocs, "only_other": c.only_other,
                                   "outputs": c.outputs} for c in comparisons},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=ENGINES, action="append", help="compare only this engine (repeatable)")
    parser.add_argument("--reinstall", action="store_true", help="make the engines' venv again from the locks")
    parser.add_argument("--json", type=Path, help="also write a summary as JSON to this file")
    parser.add_argument("--keep", type=Path, help="keep the builds in this folder (it is emptied first)")
    args = parser.parse_args(argv)
    engines = args.only or list(ENGINES)
    try:
        versions = install(args.reinstall)
    except Exception as error:   # no engines: say why, fail (CI shows it; the job does not block)
        print(f"engines: could not install ProperDocs and Zensical: {type(error).__name__}: {error}")
        return 2
    temp = Path(tempfile.mkdtemp(prefix="engines-"))
    folder = args.keep or temp
    if args.keep:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    try:
        builds = {"mkdocs": build_mkdocs_like("mkdocs", folder / "mkdocs")}
        if "properdocs" in engines:
            builds["properdocs"] = build_mkdocs_like("properdocs", folder / "properdocs")
        if "zensical" in engines:
            (folder / "zensical").mkdir()
            builds["zensical"] = build_zensical(folder / "zensical")
        print(f"Council file: {os.environ.get('COUNCIL_FILE') or 'council.yml'}; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} core(s).")
        for name, b in builds.items():
            version = versions.get(name, "MkDocs 1.6.1 (.venv)")
            state = "built" if b.ok else "FAILED"
            print(f"  {name:<10} {state:<6} in {b.seconds:5.1f} s wall, {b.cpu_seconds:5.1f} s CPU   [{version}]")
            for item in b.left_out:
                print(f"             left out: {item}")
            if b.error and not b.ok:
                print("             " + b.error.replace("\n", "\n             ")[-2000:])
        comparisons = []
        if builds["mkdocs"].ok:
            for name in engines:
                if builds[name].site is not None:
                    comparisons.append(compare(name, builds["mkdocs"].site, builds[name].site))
                    print("\n".join(describe(comparisons[-1])))
        if args.json:
            args.json.write_text(json.dumps(summary(builds, comparisons, versions), indent=2), encoding="utf-8")
        failed = [n for n, b in builds.items() if not b.ok] + [c.engine for c in comparisons if not c.main_text_same]
        print(f"\nengines: {'main text the same in every engine' if not failed else 'FAILED: ' + ', '.join(failed)}.")
        return 1 if failed else 0
    finally:
        shutil.rmtree(temp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
