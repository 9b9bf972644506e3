"""How long `make serve` takes to show an edit of the council file in the browser.

    .venv/bin/python tools/serve_timing.py [--runs 5] [--page /]

Copies the council file ($COUNCIL_FILE, else council.yml) to a temporary file, starts
`make serve COUNCIL_FILE=copy SERVE_ADDR=127.0.0.1:PORT` on a free port, opens a page in Debian's
chromium (Playwright, as the browser tests do), then, `--runs` times: changes the council's name in the
copy and measures the time from saving the file to the open page showing the new name (the live preview
reloads it by itself). Prints each run, the median, the CPU time the preview's processes used for each
rebuild (user + system, from /proc), MkDocs' own "built in" time, and the machine's load average, so a
figure from a busy machine can be told from one from an idle machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium  # noqa: E402  (the tests' browser: Debian's chromium, no network)

NAME = re.compile(r"(?m)^(council:\n(?:[ \t]+.*\n|\n)*?[ \t]+name:[ \t]*)(.+)$")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> list[int]:
    """pid and every process started under it (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of pid and its descendants, so far."""
    ticks = 0
    for p in descendants(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])     # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_for_server(url: str, log: Path, process: subprocess.Popen, timeout: float = 300) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"make serve stopped:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"make serve did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def page_shows(page, text: str) -> bool:
    try:
        return text in page.inner_text("body", timeout=1000)
    except Exception:          # the page is reloading
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="/", help="the page to watch (a path on the preview)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for one change")
    args = parser.parse_args(argv)

    source = Path(os.environ.get("COUNCIL_FILE") or ROOT / "council.yml")
    text = source.read_text(encoding="utf-8")
    match = NAME.search(text)
    if not match:
        print(f"{source}: no council name found to change")
        return 2
    original = match.group(2).strip()
    folder = Path(tempfile.mkdtemp(prefix="serve-timing-"))
    copy = folder / "council.yml"
    copy.write_text(text, encoding="utf-8")
    port = free_port()
    log = folder / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
    with log.open("w") as out:
        process = subprocess.Popen(["make", "--no-print-directory", "serve", f"COUNCIL_FILE={copy}",
                                    f"SERVE_ADDR=127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    results: list[tuple[float, float, str]] = []
    try:
        url = f"http://127.0.0.1:{port}{args.page}"
        wait_for_server(url, log, process)
        with chromium() as browser:
            page = browser.new_page()
            page.goto(url)
            assert page_shows(page, original), f"{args.page} does not show {original!r}"
            time.sleep(1.5)    # the first build is over and the page's live-reload poll is waiting
            for run in range(1, args.runs + 1):
                marker = f"{original} {run}{os.getpid() % 1000}"
                built_before = log.read_text(errors="replace").count("Documentation built in")
                cpu_before = cpu_seconds(process.pid)
                started = time.monotonic()
                copy.write_text(NAME.sub(lambda m: m.group(1) + marker, text, count=1), encoding="utf-8")
                while not page_shows(page, marker):
                    if time.monotonic() - started > args.timeout:
                        raise RuntimeError(f"run {run}: the page did not show the change within {args.timeout} s\n"
                                           f"{log.read_text(errors='replace')[-3000:]}")
                    time.sleep(0.05)
                seconds = time.monotonic() - started
                time.sleep(0.5)   # the rebuild's last messages are written
                cpu = cpu_seconds(process.pid) - cpu_before
                built = re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text(errors="replace"))
                mkdocs = built[-1] if len(built) > built_before else "?"
                results.append((seconds, cpu, mkdocs))
                print(f"run {run}: shown after {seconds:.2f} s; rebuild CPU {cpu:.2f} s; MkDocs: built in {mkdocs} s; "
                      f"load average {os.getloadavg()[0]:.1f}")
                time.sleep(1.0)
    finally:
        os.killpg(process.pid, signal.SIGTERM)   # the preview this script started (its own process group)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(folder, ignore_errors=True)
    wall = statistics.median(r[0] for r in results)
    cpu = statistics.median(r[1] for r in results)
    print(f"median of {len(results)}: shown after {wall:.2f} s, rebuild CPU {cpu:.2f} s "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} core(s))")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
