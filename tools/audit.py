"""Lighthouse audit of the built site: scores, page weight and what to fix.

    make site && make audit          (or: .venv/bin/python tools/audit.py [--runs N])

Builds nothing: it audits site/ as `make site` left it. The site is served on
127.0.0.1 the way GitHub Pages serves it (gzip-compressed text, a short cache
lifetime), so the performance score and the byte counts are fair; no request
leaves this machine. Lighthouse is installed the first time with `npm ci` from
tools/lighthouse/package-lock.json (exact versions, with integrity hashes), and
runs Debian's chromium with its default
settings: a mid-range phone on a slow 4G connection.

Audits every young people's page (front matter young_people: true; budget
55 KB first load), the home page and a handbook page (budget 100 KB before a
search). Prints one row a page (performance, accessibility, best practices,
SEO, bytes transferred), whether each keeps within its weight budget, and, for
every score below 100, the audits that cost the most. The full Lighthouse
reports are kept in tools/.lighthouse/reports/. The same budgets hold for
every page in tests/site/test_weight.py (a static count, no browser).

Exit status: 0 done, 1 a page is over its weight budget, 2 could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_PACKAGE_DIR = ROOT / "tools" / "lighthouse"   # package.json and package-lock.json (committed)
LIGHTHOUSE = LIGHTHOUSE_PACKAGE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "tools" / ".lighthouse" / "reports"
CHROMIUM = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = " ".join([
    "--headless", "--no-sandbox", "--disable-gpu",
    # Never reach another host: the site must not need one.
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"',
])
CATEGORIES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "Best pr.", "seo": "SEO"}


@dataclass(frozen=True)
class Page:
    """A page to audit, and the most it may weigh on first load (bytes), if anything."""

    name: str
    path: str
    budget: int | None = None


OTHER_PAGES = [
    Page("Home", "/", budget=100 * 1024),
    Page("Handbook: governance", "/handbook/governance/", budget=100 * 1024),
]


def pages_to_audit(site: Path) -> list[Page]:
    """Every young people's page of the built site (budget 55 KB), then OTHER_PAGES."""
    sys.path.insert(0, str(ROOT / "tests"))
    from weight import YOUNG_PEOPLE_BUDGET, is_young_peoples, pages

    young = [Page("Young people", "/" + p, budget=YOUNG_PEOPLE_BUDGET)
             for p in pages(site) if is_young_peoples(site, p)]
    return young + [p for p in OTHER_PAGES if (site / p.path.strip("/") / "index.html").exists()]


# --------------------------------------------------------------------------- #
# A local server that compresses like GitHub Pages
# --------------------------------------------------------------------------- #

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; text responses are gzip-compressed when the browser accepts it.

    Headers follow GitHub Pages: `Cache-Control: max-age=600` and
    `Vary: Accept-Encoding`. Compressed bodies are kept in memory per file.
    """

    cache: dict[tuple[str, float], bytes] = {}
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".json": "application/json",
                      ".svg": "image/svg+xml", ".xml": "application/xml", ".webmanifest": "application/manifest+json"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type.startswith(COMPRESSIBLE)):
            return super().send_head()      # directories without a slash, 404s, images, fonts
        body = self.compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    @classmethod
    def compressed(cls, path: Path) -> bytes:
        key = (str(path), path.stat().st_mtime)
        if key not in cls.cache:
            cls.cache[key] = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        return cls.cache[key]

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve site/ gzip-compressed on 127.0.0.1 (a free port); yields the base URL without a slash."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import serve as serve_quietly  # the tests' server, with this compressing handler

    with serve_quietly(site, CompressingHandler) as base:
        yield base.rstrip("/")


# --------------------------------------------------------------------------- #
# Lighthouse
# --------------------------------------------------------------------------- #

def install_lighthouse() -> None:
    """Install Lighthouse exactly as tools/lighthouse/package-lock.json says (npm ci), unless it is there already."""
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        raise SystemExit("audit: npm is needed to install Lighthouse (apt-get install npm)")
    print(f"Installing Lighthouse into {LIGHTHOUSE_PACKAGE_DIR.relative_to(ROOT)}/node_modules/ (npm ci) …",
          file=sys.stderr)
    subprocess.run(["npm", "ci", "--prefix", str(LIGHTHOUSE_PACKAGE_DIR), "--no-audit", "--no-fund",
                    "--loglevel=error"], check=True)


def lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse once (default settings: mobile, simulated slow 4G) and return its JSON report."""
    report.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
        env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {url}: {data['runtimeError'].get('message')}")
    return data


@dataclass
class Result:
    """One page's scores (0-100), bytes transferred, and the audits that cost points."""

    page: Page
    scores: dict[str, int]
    transferred: int
    failing: dict[str, list[str]] = field(default_factory=dict)

    @property
    def within_budget(self) -> bool | None:
        return None if self.page.budget is None else self.transferred <= self.page.budget


def failing_audits(report: dict, category: str, limit: int = 5) -> list[str]:
    """The audits that cost this category the most, worst first, one line each.

    Weighted audits (the metrics, for performance) cost points; unweighted
    ones (Lighthouse's "insights") explain why: they are marked as such and
    come after, largest estimated time saving first.
    """
    audits = report["audits"]
    costs = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if audit.get("score") is None or audit["score"] >= 1 or audit.get("scoreDisplayMode") in (
                "notApplicable", "informative", "manual"):
            continue
        weight = ref.get("weight", 0)
        line = f"{audit['id']}: {audit['title']}"
        if audit.get("displayValue"):
            line += f" [{audit['displayValue']}]"
        if not weight:
            line += " (no weight)"
        items = [i for i in audit.get("details", {}).get("items") or [] if isinstance(i, dict)]
        where = [(i.get("node") or {}).get("snippet") or i.get("url") for i in items]
        where = [w for w in where if w]
        if where:
            line += f" — e.g. {where[0][:90]}" + (f" (+{len(where) - 1} more)" if len(where) > 1 else "")
        savings = sum(v for k, v in (audit.get("metricSavings") or {}).items() if k != "CLS" and v)
        costs.append((weight * (1 - audit["score"]), savings, line))
    costs.sort(key=lambda c: (-c[0], -c[1]))
    return [line for *_, line in costs[:limit]]


def audit_page(base: str, page: Page, runs: int) -> Result:
    """Audit a page `runs` times; keep the run with the median performance score."""
    reports = []
    for run in range(runs):
        name = page.path.strip("/").replace("/", "_") or "home"
        reports.append(lighthouse(base + page.path, REPORTS / f"{name}{'-' + str(run + 1) if runs > 1 else ''}.json"))
    performance = [r["categories"]["performance"]["score"] for r in reports]
    report = reports[performance.index(statistics.median_low(performance))]
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    transferred = int(report["audits"]["total-byte-weight"]["numericValue"])
    failing = {c: failing_audits(report, c) for c in CATEGORIES if scores[c] < 100}
    return Result(page, scores, transferred, failing)


# --------------------------------------------------------------------------- #
# Report
# --------------------------------------------------------------------------- #

def table(results: list[Result]) -> str:
    """The results as a plain-text table."""
    header = ["Page", *CATEGORIES.values(), "Transferred", "Budget"]
    rows = [header]
    for r in results:
        budget = "" if r.page.budget is None else (
            f"{'OK' if r.within_budget else 'OVER'} (≤ {r.page.budget // 1024} KB)")
        rows.append([f"{r.page.name} {r.page.path}", *(str(r.scores[c]) for c in CATEGORIES),
                     f"{r.transferred / 1024:.1f} KB", budget])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) if i < len(header) - 1 else cell
                       for i, (cell, w) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def details(results: list[Result]) -> str:
    """For each score below 100, the audits that cost the most."""
    out = []
    for r in results:
        for category, lines in r.failing.items():
            out.append(f"\n{r.page.path} — {category} {r.scores[category]}:")
            out.extend(f"  - {line}" for line in lines or ["(no single audit: the score is a weighted metric mix)"])
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs a page; the median is kept (default 1)")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").exists():
        print(f"audit: {args.site} has no index.html — run `make site` first", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"audit: chromium not found at {CHROMIUM} (apt-get install chromium)", file=sys.stderr)
        return 2
    install_lighthouse()

    results = []
    with serve(args.site) as base:
        for page in pages_to_audit(args.site):
            print(f"Auditing {page.path} …", file=sys.stderr)
            try:
                results.append(audit_page(base, page, args.runs))
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                print(f"audit: {error}", file=sys.stderr)
                return 2

    print(table(results))
    print(details(results))
    print(f"\nFull reports: {REPORTS.relative_to(ROOT)}/ (open in https://googlechrome.github.io/lighthouse/viewer/)")
    over = [r for r in results if r.within_budget is False]
    for r in over:
        print(f"\n{r.page.path} weighs {r.transferred / 1024:.1f} KB, over its {r.page.budget // 1024} KB budget.",
              file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
