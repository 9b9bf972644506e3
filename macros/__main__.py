"""Command line: python -m macros check [FILE] [--strict]

Exit status: 0 valid, 1 invalid, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .check import check, errors
from .council_file import council_path
from .fields import field_reference
from .schema import CouncilFile

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema" / "council.schema.json"


def json_schema_text() -> str:
    schema = CouncilFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="check a council file (default: council.yml)")
    check_cmd.add_argument("file", nargs="?", help="the council file (default: $COUNCIL_FILE or council.yml)")
    check_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check_cmd.add_argument("--fail-on-overdue", action="store_true",
                           help="treat overdue reviews and actions as errors")
    commands.add_parser("links", help="list every external link, for a person to check (nothing is fetched)")
    schema_cmd = commands.add_parser("schema", help="print the JSON Schema (or --write it)")
    schema_cmd.add_argument("--write", action="store_true", help=f"write {SCHEMA_FILE.name}")
    commands.add_parser("fields", help="print the field reference for editors (Markdown)")
    commands.add_parser("translations", help="check the Welsh pages and data files against the English; list the drafts")
    cms_cmd = commands.add_parser("cms", help="print the web editor's configuration (or --write docs/admin/config.yml)")
    cms_cmd.add_argument("--write", action="store_true", help="write docs/admin/config.yml")
    args = parser.parse_args(argv)

    if args.command == "schema":
        text = json_schema_text()
        if args.write:
            SCHEMA_FILE.parent.mkdir(exist_ok=True)
            SCHEMA_FILE.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if args.command == "cms":
        from . import cms

        if args.write:
            print(f"Wrote {cms.write().relative_to(cms.ROOT)}.")
        else:
            sys.stdout.write(cms.config_text())
        return 0
    if args.command == "translations":
        return translations_report()
    if args.command == "fields":
        sys.stdout.write(field_reference())
        return 0

    if args.command == "links":
        return list_links()
    path = council_path(args.file)
    if args.file is not None and Path(args.file).is_dir():
        parser.error(f"{args.file} is a folder — give the council file, such as council.yml")
    council, problems = check(path, strict=args.strict, fail_on_overdue=args.fail_on_overdue)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
        if annotate:
            print(problem.annotation())
    bad = errors(problems)
    warnings = sum(1 for p in problems if p.severity in ("warning", "overdue"))
    if bad:
        print(f"{len(bad)} error(s), {warnings} warning(s): {path} was not accepted.", file=sys.stderr)
        return 1
    print(f"{path}: valid ({warnings} warning(s)).")
    return 0


def list_links() -> int:
    from .check import DOCS
    from .council_file import label_for, load_council
    from .page_checks import external_links
    from .problems import DataError

    path = council_path(None)
    try:
        _, located = load_council(path, label_for(path))
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    links = external_links(located, label_for(path), DOCS, label_for)
    for where, url in links:
        print(f"{where}: {url}")
    print(f"{len(links)} external link(s) to check by hand; nothing was fetched.")
    return 0



def translations_report() -> int:
    """The Welsh translation: what differs from the English where it must not, then the drafts."""
    from . import translations

    found = translations.problems()
    for problem in found:
        print(problem, file=sys.stderr)
    for draft in translations.drafts():
        print(f"{draft.path}: translation {draft.status} — a Welsh speaker reviews it, then sets `translation: reviewed`")
    print(f"{len(translations.welsh_pages())} Welsh page(s), {len(translations.welsh_data_files())} Welsh data file(s), "
          f"{len(found)} problem(s), {len(translations.drafts())} draft(s).")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
