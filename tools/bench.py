"""Build benchmark: what do the macros cost? Prints ratios, never asserts.

    make bench            (or: .venv/bin/python tools/bench.py [--runs N])

1. The site built with macros, against the same pages pre-rendered (macros
   already applied, saved as plain Markdown) and built without the macros
   plugin. Goal: ratio <= 1.2.
2. The same at 10x pages (ten copies of docs/). Goal: time grows no faster
   than pages (ratio of per-page times <= 1).
3. `check` time as a share of build time. Goal: <= 5%.
4. Peak memory of a build (max resident set size of the build process).
"""

from __future__ import annotations

import argparse
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")

DUMP_HOOK = textwrap.dedent('''
    import os, pathlib, yaml
    from mkdocs.plugins import event_priority

    @event_priority(-100)   # after the macros plugin has rendered the page
    def on_page_markdown(markdown, page, config, files):
        out = pathlib.Path(os.environ["BENCH_DUMP"]) / page.file.src_uri
        out.parent.mkdir(parents=True, exist_ok=True)
        meta = {k: v for k, v in page.meta.items() if k != "render_macros"}
        front = "---\\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\\n\\n" if meta else ""
        out.write_text(front + markdown, encoding="utf-8")
        return markdown
''')


def build(config: Path, out: Path, extra_env: dict | None = None) -> tuple[float, int]:
    """CPU seconds for one strict build, and the build process's peak memory (KiB).

    CPU time (user + system, of the build and what it runs) rather than the clock, so
    that other work on the machine does not move the figures much."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen([PY, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
                                cwd=ROOT, env=dict(ENV, **(extra_env or {})),
                                stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        if status != 0:
            errors.seek(0)
            raise SystemExit(f"build failed: {config}\n{errors.read().decode()[-2000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def best(config: Path, out: Path, runs: int, extra_env: dict | None = None) -> tuple[float, int]:
    times, peak = [], 0
    for _ in range(runs):
        seconds, rss = build(config, out, extra_env)
        times.append(seconds)
        peak = max(peak, rss)
    return min(times), peak


def paired(first: Path, second: Path, out: Path, runs: int, first_env: dict | None = None) -> tuple[float, float, int]:
    """The best of `runs` builds of each config, taken in turn (A, B, A, B…) so both see the same machine."""
    a_times, b_times, peak = [], [], 0
    for _ in range(runs):
        seconds, rss = build(first, out / "a", first_env)
        a_times.append(seconds)
        peak = max(peak, rss)
        b_times.append(build(second, out / "b")[0])
    return min(a_times), min(b_times), peak


def load_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}")
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def write_config(folder: Path, docs: Path, macros: bool, nav: bool, hook: Path | None = None) -> Path:
    """A copy of mkdocs.yml pointing at `docs`, with or without the macros plugin."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("base_path: [macros/data]", f"base_path: [{ROOT / 'macros' / 'data'}]")
    start = text.index("\nwatch:")
    end = text.index("\nnav:")
    text = text[:start] + "\n" + text[end:]  # watch paths are relative to mkdocs.yml; only serve needs them
    if not macros:
        start = text.index("  - macros:")
        end = text.index("\nmarkdown_extensions:")
        text = text[:start] + text[end:]
        # What define_env would have put in the configuration, written in instead.
        from macros import plain, theme_extras
        from macros.council_file import council_path, load_council

        council, _ = load_council(council_path())
        extra = {**load_config()["extra"], **plain(theme_extras(council))}
        start = text.index("\nextra:\n")
        end = re.search(r"\n(?=[A-Za-z_])", text[start + 1:]).start() + start + 1  # the next top-level key
        text = text[:start] + "\nextra: " + json.dumps(extra) + "\n" + text[end:]
        text = text.replace("site_name: Corporate parenting", "site_name: " + json.dumps(council.council.name))
        if council.council.site_url:
            text = text.replace("docs_dir:", f"site_url: {json.dumps(council.council.site_url)}\ndocs_dir:", 1)
    if not nav:
        text = text[: text.index("\nnav:")] + "\n"
    if hook:
        text += f"\nhooks:\n  - {hook}\n"
    # Beside mkdocs.yml, because the macros plugin finds the `macros` package next to its config.
    config = ROOT / f".bench-{folder.name}-{'macros' if macros else 'plain'}-{'nav' if nav else 'auto'}.yml"
    config.write_text(text, encoding="utf-8")
    return config


def multiply(docs: Path, target: Path, copies: int) -> int:
    shutil.copytree(docs, target)
    for n in range(2, copies + 1):
        copy = target / f"copy{n}"
        shutil.copytree(docs, copy, ignore=shutil.ignore_patterns("assets"))
    return sum(1 for _ in target.rglob("*.md"))


def check_seconds(runs: int) -> float:
    code = ("import time; from pathlib import Path; from macros.council_file import _CACHE; "
            "from macros.check import check\n"
            "best = 9e9\n"
            f"for _ in range({max(runs, 5)}):\n"
            "    _CACHE.clear(); t = time.perf_counter(); check(Path('council.yml')); best = min(best, time.perf_counter() - t)\n"
            "print(best)")
    out = subprocess.run([PY, "-c", code], cwd=ROOT, env=ENV, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per measurement (the best is kept)")
    args = parser.parse_args()
    # Both sides import compiled code: site-packages is compiled, so compile macros/ too.
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "macros")], check=True)

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        # Pre-render: a build with a hook that saves each page's Markdown after the macros ran.
        hook = tmp / "dump_hook.py"
        hook.write_text(DUMP_HOOK, encoding="utf-8")
        rendered = tmp / "rendered"
        build(write_config(tmp, ROOT / "docs", macros=True, nav=True, hook=hook), tmp / "out0",
              {"BENCH_DUMP": str(rendered)})
        shutil.copytree(ROOT / "docs" / "assets", rendered / "assets")
        shutil.copy2(ROOT / "docs" / "strategy" / "events.ics", rendered / "strategy" / "events.ics")  # a template
        pages = sum(1 for _ in rendered.rglob("*.md"))

        with_macros, without, peak = paired(write_config(tmp, ROOT / "docs", True, True),
                                            write_config(tmp, rendered, False, True), tmp / "out1", args.runs)
        # Cold: nothing kept from an earlier build (the first build after council.yml or the code changed).
        cold, cold_without, _ = paired(write_config(tmp, ROOT / "docs", True, True),
                                       write_config(tmp, rendered, False, True), tmp / "out2", args.runs,
                                       {"COUNCIL_CACHE": "0"})

        big_docs = tmp / "docs10"
        big_pages = multiply(ROOT / "docs", big_docs, 10)
        small_auto, _ = best(write_config(tmp, ROOT / "docs", True, False), tmp / "out3", args.runs)
        big, big_peak = best(write_config(tmp, big_docs, True, False), tmp / "out4", max(1, args.runs - 1))

        checking = check_seconds(args.runs)
        for config in ROOT.glob(f".bench-{tmp.name}-*.yml"):
            config.unlink()

    print(f"pages: {pages} (10x: {big_pages})")
    print(f"build with macros:            {with_macros:6.2f} s CPU")
    print(f"same pages, pre-rendered:     {without:6.2f} s CPU")
    print(f"macros ratio:                 {with_macros / without:6.2f}  (goal <= 1.2; council.yml unchanged since the last build)")
    print(f"macros ratio, cold:           {cold / cold_without:6.2f}  (nothing kept from an earlier build: COUNCIL_CACHE=0)")
    per_small, per_big = small_auto / pages, big / big_pages
    print(f"10x pages build:              {big:6.2f} s CPU  ({per_big * 1000:.1f} ms/page against {per_small * 1000:.1f} ms/page)")
    print(f"per-page time ratio at 10x:   {per_big / per_small:6.2f}  (goal <= 1.0: time grows no faster than pages)")
    print(f"check council.yml:            {checking * 1000:6.1f} ms")
    print(f"check share of build:         {checking / with_macros:6.1%}  (goal <= 5%)")
    print(f"peak memory (build process):  {max(peak, big_peak) / 1024:6.0f} MiB")


if __name__ == "__main__":
    main()
