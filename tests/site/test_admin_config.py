"""The web editor at /admin/ (Decap CMS): its configuration is generated from the schema and covers every field;
it is a standalone page, out of the public site's navigation, sitemap and search, with its own narrow policy."""

from __future__ import annotations

import json
import re
import typing
from datetime import date
from enum import Enum
from html.parser import HTMLParser

import yaml
from pydantic import BaseModel

from macros import cms
from macros import schema as s
from macros.council_file import _unwrap
from macros.fields import rows
from macros.words import words
from sites import ADMIN, ROOT, html_pages

ADMIN_DIR = ROOT / "docs" / "admin"
SITE_POLICY_FILE = ROOT / "overrides" / "main.html"


def config() -> dict:
    return yaml.safe_load(cms.CONFIG_FILE.read_text(encoding="utf-8"))


def council_fields() -> list[dict]:
    (collection,) = config()["collections"]
    (file_,) = collection["files"]
    return file_["fields"]


def _plain(annotation):
    parts = [a for a in _unwrap(annotation) if a is not type(None)]
    return parts[0] if len(parts) == 1 else annotation


def walk(model: type[BaseModel], fields: list[dict], path: str, optional_section: bool = False):
    """Every (path, schema field, editor field) pair, checking that the names match one for one, in order."""
    assert [f["name"] for f in fields] == list(model.model_fields), f"{path or 'council.yml'}: fields differ"
    for (name, info), field in zip(model.model_fields.items(), fields):
        here = f"{path}{name}"
        yield here, info, field, optional_section
        kind = _plain(info.annotation)
        if typing.get_origin(kind) is list:
            item = _plain(typing.get_args(kind)[0])
            if isinstance(item, type) and issubclass(item, BaseModel):
                yield from walk(item, field["fields"], f"{here}[].")
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            yield from walk(kind, field["fields"], f"{here}.", optional_section or not info.is_required())


def test_the_committed_configuration_is_the_one_the_schema_gives():
    assert cms.CONFIG_FILE.read_text(encoding="utf-8") == cms.config_text(), \
        "docs/admin/config.yml is stale: run `make cms` (python -m macros cms --write) and commit it"


def test_making_it_again_keeps_the_web_teams_own_settings(tmp_path):
    own = {"backend": {"name": "github", "repo": "anytown-council/corporate-parenting", "branch": "main",
                       "base_url": "https://cms-auth.anytown.gov.uk"},
           "publish_mode": "editorial_workflow"}
    path = tmp_path / "config.yml"
    path.write_text(cms.config_text(own), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("Council", "Old words"), encoding="utf-8")
    cms.write(path)
    assert path.read_text(encoding="utf-8") == cms.config_text(own)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert {key: data[key] for key in own} == own


def test_one_file_collection_edits_council_yml():
    (collection,) = config()["collections"]
    assert collection["format"] == "yml" and "folder" not in collection
    (file_,) = collection["files"]
    assert file_["file"] == "council.yml"


def test_every_field_of_the_schema_is_in_the_editor_with_its_help_and_kind():
    seen = set()
    for path, info, field, optional_section in walk(s.CouncilFile, council_fields(), ""):
        seen.add(path)
        assert field["label"] and field.get("hint", "").startswith(info.description or ""), path
        required = info.is_required() and not optional_section
        assert field.get("required", True) is required, path
        kind = _plain(info.annotation)
        item = _plain(typing.get_args(kind)[0]) if typing.get_origin(kind) is list else None
        if item is not None:
            assert field["widget"] in ("list", "select"), path
            if isinstance(item, type) and issubclass(item, Enum):
                assert field["widget"] == "select" and field["multiple"] is True, path
        elif isinstance(kind, type) and issubclass(kind, Enum):
            assert field["widget"] == "select", path
        elif kind is date:
            assert (field["widget"], field["format"], field["time_format"]) == ("datetime", "YYYY-MM-DD", False), path
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            assert field["widget"] == "object", path
        elif kind is bool:
            assert field["widget"] == "boolean", path
        elif kind in (int, float):
            assert field["widget"] == "number", path
        else:
            assert field["widget"] in ("string", "text", "select"), path
    # the same fields, path for path, as the editors' field reference (python -m macros fields)
    assert seen == {row[0] for row in rows(s.CouncilFile)}


def test_closed_lists_are_selects_labelled_in_the_sites_own_words():
    enums = set()
    for path, info, field, _ in walk(s.CouncilFile, council_fields(), ""):
        kind = _plain(info.annotation)
        if typing.get_origin(kind) is list:
            kind = _plain(typing.get_args(kind)[0])
        if isinstance(kind, type) and issubclass(kind, Enum):
            enums.add(kind)
            assert [o["value"] for o in field["options"]] == [m.value for m in kind], path
            assert [o["label"] for o in field["options"]] == [cms.enum_label(kind, m) for m in kind], path
            assert all(o["label"] and o["label"] != o["value"] for o in field["options"] if "-" in o["value"]), path
    assert enums - {s.Nation} == set(cms.ENUM_WORDS), "a closed list has no words.yml section for the editor"
    for enum, section in cms.ENUM_WORDS.items():
        assert set(words()[section]) == {m.value for m in enum}, section


def test_required_fields_of_a_section_that_may_be_left_out_say_when_they_are_needed():
    fields = {path: field for path, _, field, _ in walk(s.CouncilFile, council_fields(), "")}
    checked = fields["pledge.promises[].young_people_said.verdict"]
    assert checked["required"] is False and checked["hint"].endswith("Needed when this section is used.")
    assert "required" not in fields["pledge.promises[].promise"]


# --- a standalone page, out of the public site, with its own narrow policy ---


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.policy, self.scripts, self.links = None, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.policy = a["content"]
        elif tag == "script":
            self.scripts.append(a.get("src"))
        elif tag == "link":
            self.links.append(a.get("href"))


def directives(policy: str) -> dict[str, set[str]]:
    return {d.split()[0]: set(d.split()[1:]) for d in policy.split(";") if d.strip()}


def site_policy() -> str:
    return re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"',
                     SITE_POLICY_FILE.read_text(encoding="utf-8")).group(1)


def test_the_editors_policy_is_the_sites_plus_github_and_this_computer_only():
    head = _Head()
    head.feed((ADMIN_DIR / "index.html").read_text(encoding="utf-8"))
    assert head.scripts == ["decap-cms.js"] and head.links == []  # served from here, never from a CDN
    admin, site = directives(head.policy), directives(site_policy())
    assert set(admin) == set(site)
    wider = {name: admin[name] - site[name] for name in admin if admin[name] != site[name]}
    assert wider == {
        "script-src": {"'unsafe-eval'"},
        "img-src": {"blob:"},
        "connect-src": {"https://api.github.com", "http://localhost:*", "http://127.0.0.1:*"},
    }
    assert site["script-src"] - admin["script-src"] == {"'unsafe-inline'"}  # no inline script on the editor page
    other_hosts = {src for sources in admin.values() for src in sources if re.match(r"https?://", src)}
    assert other_hosts == {"https://api.github.com", "http://localhost:*", "http://127.0.0.1:*"}


def test_the_editor_is_in_the_build_but_not_in_navigation_sitemap_or_search(example_site):
    assert (example_site / ADMIN / "index.html").is_file()
    assert (example_site / ADMIN / "config.yml").read_text(encoding="utf-8") == cms.CONFIG_FILE.read_text(encoding="utf-8")
    assert (example_site / ADMIN / "decap-cms.js").stat().st_size == (ADMIN_DIR / "decap-cms.js").stat().st_size
    assert "/admin/" not in (example_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("admin")]
    links = [str(p.relative_to(example_site)) for p in html_pages(example_site)
             if re.search(r'href="[^"]*admin/', p.read_text(encoding="utf-8"))]
    assert links == [], "a public page links to the editor"
    assert (example_site / ADMIN / "index.html") not in html_pages(example_site)


def test_the_editor_page_says_what_to_do_without_javascript_and_asks_not_to_be_indexed():
    text = (ADMIN_DIR / "index.html").read_text(encoding="utf-8")
    assert "<noscript>" in text and 'name="robots" content="noindex, nofollow"' in text
