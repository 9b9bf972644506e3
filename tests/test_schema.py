"""One schema: validation, the JSON Schema for editors and the field reference agree."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from macros.__main__ import SCHEMA_FILE, json_schema_text
from macros.fields import field_reference, rows
from macros.loader import read_yaml
from macros.schema import CouncilFile

ROOT = Path(__file__).resolve().parent.parent


def test_committed_json_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "schema/council.schema.json is stale: run `make schema` and commit it"
    )


def test_council_yml_points_editors_at_the_schema():
    first = (ROOT / "council.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/council.schema.json"


@pytest.mark.parametrize("name", ["council.yml", "tests/fixtures/afoncwm.yml"])
def test_json_schema_accepts_what_pydantic_accepts(name):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = read_yaml(ROOT / name).data
    CouncilFile.model_validate(data)
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_json_schema_refuses_unknown_keys_and_bad_enums():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(read_yaml(ROOT / "council.yml").data, default=str))
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
