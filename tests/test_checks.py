"""Unit tests for every content rule in `check` (macros/checks.py)."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from macros.checks import content_problems
from macros.loader import read_yaml, validate
from macros.schema import CouncilFile

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def example_data():
    return read_yaml(ROOT / "council.yml").data


def problems(data, today=TODAY):
    council = CouncilFile.model_validate(data)
    return content_problems(council, lambda path: (1, 1), "council.yml", today)


def messages(data, severity="warning", today=TODAY):
    return [(p.field, p.message) for p in problems(data, today) if p.severity == severity]


def test_example_council_has_no_warnings(example_data):
    assert problems(example_data) == []


def promise(data, index=0):
    return data["pledge"]["promises"][index]


def test_statutory_promise_must_name_its_law(example_data):
    data = copy.deepcopy(example_data)
    del promise(data)["law"]
    found = messages(data)
    assert ("pledge.promises[0].kind", found[0][1]) in found
    assert "must name its legal basis" in found[0][1]


def test_promise_must_say_how_it_is_measured(example_data):
    data = copy.deepcopy(example_data)
    del promise(data, 2)["measure"]
    assert any(f == "pledge.promises[2]" and "how it is measured" in m for f, m in messages(data))


@pytest.mark.parametrize("vague", ["help you to", "support you to", "try to", "where possible"])
def test_vague_words_without_a_measure_are_flagged(example_data, vague):
    data = copy.deepcopy(example_data)
    promise(data, 2)["promise"] = f"We will {vague} keep your things safe."
    del promise(data, 2)["measure"]
    assert any(f == "pledge.promises[2].promise" and f"'{vague}' is vague" in m for f, m in messages(data))


def test_vague_words_with_a_measure_are_allowed(example_data):
    data = copy.deepcopy(example_data)
    promise(data, 2)["promise"] = "We will try to keep your things safe."
    assert messages(data) == []


def test_passed_review_dates_are_reported(example_data):
    later = date(2027, 7, 1)
    fields = [f for f, _ in messages(example_data, today=later)]
    assert "pledge.promises[0].review_by" in fields
    assert "pledge.next_review" in fields
    assert "board.review_date" in fields


def test_overdue_actions_are_reported(example_data):
    fields = [f for f, m in messages(example_data, today=date(2027, 2, 1)) if "not done" in m]
    assert fields == ["strategy.actions[4].due"]  # complaints-analysis, due 31 January 2027


def test_done_actions_are_never_overdue(example_data):
    fields = [f for f, m in messages(example_data, today=date(2030, 1, 1)) if "not done" in m]
    assert "strategy.actions[5].due" not in fields  # the celebration event is done


def test_action_must_serve_something_that_exists(example_data):
    data = copy.deepcopy(example_data)
    data["strategy"]["actions"][0]["serves"] = {"objective": "world-peace"}
    errors = messages(data, "error")
    assert errors and errors[0][0] == "strategy.actions[0].serves.objective"
    assert "homes-close-to-home" in errors[0][1]


def test_action_that_serves_nothing_is_a_warning(example_data):
    data = copy.deepcopy(example_data)
    del data["strategy"]["actions"][0]["serves"]
    assert any(f == "strategy.actions[0]" for f, _ in messages(data))


@pytest.mark.parametrize("field", ["owner", "due", "outcome"])
def test_actions_that_are_not_smart_are_rejected(tmp_path, example_data, field):
    data = copy.deepcopy(example_data)
    del data["strategy"]["actions"][1][field]
    import json

    from macros.loader import DataError

    path = tmp_path / "c.yml"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(read_yaml(path), CouncilFile, "c.yml")
    assert caught.value.problems[0].field == f"strategy.actions[1].{field}"


def test_gap_without_an_action_is_reported(example_data):
    data = copy.deepcopy(example_data)
    del data["self_evaluation"]["questions"][1]["action"]
    assert any(f == "self_evaluation.questions[1]" and "no action closes the gap" in m
               for f, m in messages(data))


def test_gap_pointing_at_a_missing_action_is_an_error(example_data):
    data = copy.deepcopy(example_data)
    data["self_evaluation"]["questions"][1]["action"] = "nothing-here"
    assert messages(data, "error")[0][0] == "self_evaluation.questions[1].action"


def test_local_offer_cannot_improve_an_unknown_national_item(example_data):
    data = copy.deepcopy(example_data)
    data["entitlements"]["local_offer"][3]["improves"] = "free-moon-trip"
    errors = messages(data, "error")
    assert errors[0][0] == "entitlements.local_offer[3].improves"


def test_unwritten_strategy_sections_are_notices_not_warnings():
    data = read_yaml(ROOT / "tests" / "fixtures" / "afoncwm.yml").data
    notices = [f for f, _ in messages(data, "notice")]
    assert "strategy" in notices and "performance" in notices
    assert messages(data, "warning") == []
