"""Print the built site to PDF (A4, or the Pledge leaflet on A5 too) with the site's own print styles.

    python tools/pdf.py leaflet  [--site site] [--size A4|A5] [--out out/pledge-leaflet.pdf]
    python tools/pdf.py handbook [--site site] [--out out/handbook.pdf]

`leaflet` prints the Pledge page: every promise, what young people say about
it, and who to call for help (999, Childline, the council's out-of-hours team,
an advocate). On A4 it goes to out/pledge-leaflet.pdf, on A5 (`--size A5`,
folded A4 paper) to out/pledge-leaflet-a5.pdf. `handbook` prints one document: a contents
page listing every handbook page in the order of the navigation, each title a
link to its page, then every page, each starting on a new sheet; links between
handbook pages go to their place in the PDF, and the PDF has bookmarks. Both use
Debian's chromium through Playwright (page.pdf), which applies the site's print
stylesheet (docs/assets/stylesheets/print.css).
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


PDF_OPTIONS = {"format": "A4", "print_background": True,
               "margin": {"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"}}
# The Pledge leaflet on A5 (148 x 210 mm): narrower margins; print.css lays it out for the narrow page.
SIZES = {"A4": PDF_OPTIONS,
         "A5": {"format": "A5", "print_background": True,
                "margin": {"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"}}}
LEAFLETS = {"A4": "pledge-leaflet.pdf", "A5": "pledge-leaflet-a5.pdf"}

# Runs in the handbook's first page: fetches every page and puts their content, and a contents list
# linking to each, in place of its own. Every id is prefixed with its page's, so that no two clash;
# a link to a handbook page (or a place in one) goes to its place in this document; a link to another
# page of the site goes to its published address (its canonical link), or is left as plain text when
# the site has no address (site_url) yet. Text goes in with textContent, never as markup.
BUILD_HANDBOOK = r"""
async ({paths}) => {
  const here = new URL(location.href);
  const canonical = document.querySelector('link[rel=canonical]');
  const published = canonical ? new URL(canonical.href) : null;
  const pageUrl = path => new URL(path, here.origin + '/').href;
  const ids = new Map(paths.map((path, i) => [pageUrl(path), 'page-' + (i + 1)]));
  const article = document.querySelector('article.md-content__inner');
  const council = article.querySelector('.cp-print-council');
  const pages = [];
  for (const path of paths) {
    const url = pageUrl(path);
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': ' + response.status);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const content = doc.querySelector('article.md-content__inner');
    const id = ids.get(url);
    for (const element of content.querySelectorAll('[id]')) element.id = id + '-' + element.id;
    for (const name of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
      for (const element of content.querySelectorAll('[' + name + ']')) {
        element.setAttribute(name, element.getAttribute(name).split(/\s+/).map(v => id + '-' + v).join(' '));
      }
    }
    for (const link of content.querySelectorAll('a[href]')) {
      const target = new URL(link.getAttribute('href'), url);
      const page = target.origin + target.pathname;
      if (ids.has(page)) {
        link.setAttribute('href', '#' + ids.get(page) + (target.hash ? '-' + decodeURIComponent(target.hash.slice(1)) : ''));
      } else if (target.origin === here.origin) {
        if (published) link.setAttribute('href', new URL(target.pathname + target.hash, published.origin + '/').href);
        else link.removeAttribute('href');
      }
    }
    for (const element of content.querySelectorAll('[src]')) element.setAttribute('src', new URL(element.getAttribute('src'), url).href);
    const heading = content.querySelector('h1').cloneNode(true);
    heading.querySelectorAll('.headerlink').forEach(e => e.remove());
    const section = document.createElement('section');
    section.className = 'cp-handbook-page';
    section.id = id;
    section.append(...content.childNodes);
    pages.push({path, id, title: heading.textContent.trim(), section});
  }
  // The contents: a page in the folder of another handbook page is listed under it.
  const contents = document.createElement('nav');
  contents.className = 'cp-contents';
  contents.setAttribute('aria-labelledby', 'contents');
  const lists = new Map();
  const top = document.createElement('ul');
  for (const page of pages) {
    const parent = page.path.replace(/[^/]+\/$/, '');
    let list = top;
    if (parent !== page.path && lists.has(parent)) list = lists.get(parent);
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '#' + page.id;
    link.textContent = page.title;
    item.append(link);
    list.append(item);
    // The handbook's own first page heads the list; the pages in its folder follow it, not under it.
    const sub = page === pages[0] ? top : item.appendChild(document.createElement('ul'));
    lists.set(page.path, sub);
  }
  top.querySelectorAll('ul:empty').forEach(e => e.remove());
  const title = document.createElement('h1');
  title.textContent = pages[0].title;
  const heading = document.createElement('h2');
  heading.id = 'contents';
  heading.textContent = 'Contents';
  contents.append(heading, top);
  const front = document.createElement('section');
  front.className = 'cp-handbook-contents';
  if (council) front.append(council.cloneNode(true));
  front.append(title, contents);
  article.replaceChildren(front, ...pages.map(page => page.section));
  document.title = pages[0].title;
  return pages.map(page => page.title);
}
"""


def print_handbook(site: Path, paths: list[str], out: Path) -> int:
    """Print the whole handbook as one PDF with a contents list at the start. Returns the number of PDF pages."""
    from pypdf import PdfReader

    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.emulate_media(media="print")
        page.goto(base + paths[0], wait_until="load")
        page.evaluate(BUILD_HANDBOOK, {"paths": paths})
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        pdf = page.pdf(**PDF_OPTIONS, outline=True, tagged=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    return len(PdfReader(out).pages)


def print_pages(site: Path, paths: list[str], out: Path, size: str = "A4") -> int:
    """Print each path on `size` paper (A4 or A5) and join them. Returns the number of PDF pages."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.emulate_media(media="print")
        for path in paths:
            page.goto(base + path, wait_until="load")
            # page.pdf() fires no "beforeprint": open hidden answers as the print script would.
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            if size == "A5":  # print.css lays the page out for A5 (its own @page) instead of shrinking A4
                page.evaluate("document.documentElement.classList.add('cp-print-a5')")
            pdf = page.pdf(**SIZES[size])
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
    parser.add_argument("--size", choices=sorted(SIZES), default="A4",
                        help="paper size of the leaflet (default A4; the handbook is always A4)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(f"{args.site} has no built site: run `make site` first")
    if args.what == "leaflet":
        out = args.out or ROOT / "out" / LEAFLETS[args.size]
        sheets = print_pages(args.site, ["young-people/pledge/"], out, args.size)
    else:
        if args.size != "A4":
            parser.error("the handbook prints on A4 only")
        out = args.out or ROOT / "out" / "handbook.pdf"
        sheets = print_handbook(args.site, handbook_pages(), out)
    print(f"Wrote {out} ({sheets} {args.size} pages).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
