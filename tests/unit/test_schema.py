"""One schema: validation, the JSON Schema for editors and the field reference agree."""

from __future__ import annotations

import json
import os

import jsonschema
import pytest

from macros.__main__ import SCHEMA_FILE, json_schema_text
from macros.fields import field_reference, rows
from macros.reader import read_yaml
from macros.schema import CouncilFile
from sites import FERNLEIGH, FIXTURES, WALES

FIXTURE_COUNCILS = sorted(FIXTURES.glob("*.yml"))


def test_committed_json_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/council.schema.json is stale: run `make schema` and commit it"
    )


@pytest.mark.parametrize("path", FIXTURE_COUNCILS, ids=lambda p: p.name)
def test_council_files_point_editors_at_the_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{path.name}: line 1 should name the schema for editors"
    named = (path.parent / first[len(prefix):]).resolve()
    assert named == SCHEMA_FILE.resolve(), f"{path.name} names {os.path.relpath(named, path.parent)}"


@pytest.mark.parametrize("path", [FERNLEIGH, WALES], ids=lambda p: p.name)
def test_json_schema_accepts_what_pydantic_accepts(path):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = read_yaml(path).data
    CouncilFile.model_validate(data)
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_json_schema_refuses_unknown_keys_and_bad_enums():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(read_yaml(FERNLEIGH).data, default=str))
    data["council"]["nation"] = "atlantis"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    data["council"]["nation"] = "england"
    data["council"]["colour"] = "blue"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_field_reference_covers_every_field_with_a_meaning():
    paths = [r[0] for r in rows(CouncilFile)]
    for expected in ("council.name", "contacts[].phone", "board.childrens_voice",
                     "pledge.promises[].measure", "entitlements.local_offer[].improves",
                     "young_people.exit_page_url"):
        assert expected in paths
    assert all(r[3] for r in rows(CouncilFile)), "every field needs a description"
    reference = field_reference()
    assert "| `contacts[].role` | one of: `director_of_childrens_services`" in reference
