"""Print the built site to A4 PDF with the site's own print styles.

    python tools/pdf.py leaflet  [--site site] [--out out/pledge-leaflet.pdf]
    python tools/pdf.py handbook [--site site] [--out out/handbook.pdf]

`leaflet` prints the Pledge page; `handbook` prints every handbook page in the
order of the navigation and joins them into one PDF. Both use Debian's
chromium through Playwright (page.pdf), which applies the print stylesheet.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, serve  # noqa: E402  (tests/browser.py: the same browser setup as the tests)


def handbook_pages() -> list[str]:
    """The handbook's pages, as site paths, in the order of the navigation in mkdocs.yml."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    handbook = next(item["Handbook"] for item in config["nav"] if isinstance(item, dict) and "Handbook" in item)
    paths: list[str] = []

    def walk(entries):
        for entry in entries:
            if isinstance(entry, str):
                paths.append(entry)
            elif isinstance(entry, dict):
                for value in entry.values():
                    walk(value) if isinstance(value, list) else paths.append(value)

    walk(handbook)
    return [p[: -len("index.md")] if p.endswith("index.md") else p[: -len(".md")] + "/" for p in paths]


def print_pages(site: Path, paths: list[str], out: Path) -> int:
    """Print each path to A4 and join them. Returns the number of PDF pages."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.emulate_media(media="print")
        for path in paths:
            page.goto(base + path, wait_until="load")
            # page.pdf() fires no "beforeprint": open hidden answers as the print script would.
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            pdf = page.pdf(format="A4", print_background=True,
                           margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
            for sheet in PdfReader(io.BytesIO(pdf)).pages:
                writer.add_page(sheet)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["leaflet", "handbook"])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--out", type=Path, help="the PDF to write")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} has no built site: run `make site` first")
    if args.what == "leaflet":
        out = args.out or ROOT / "out" / "pledge-leaflet.pdf"
        sheets = print_pages(args.site, ["young-people/pledge/"], out)
    else:
        out = args.out or ROOT / "out" / "handbook.pdf"
        sheets = print_pages(args.site, handbook_pages(), out)
    print(f"Wrote {out} ({sheets} A4 pages).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
