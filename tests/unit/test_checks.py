"""Unit tests for every content rule in `check` (macros/data_checks.py)."""

from __future__ import annotations

import copy
from datetime import date
import pytest

from macros.data_checks import content_problems
from macros.council_file import validate
from macros.reader import read_yaml
from macros.schema import CouncilFile
from sites import FERNLEIGH, PROJECTS, ROOT, WALES

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def example_data():
    return read_yaml(FERNLEIGH).data


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
    fields = [f for f, _ in messages(example_data, "overdue", today=later)]
    assert "pledge.promises[0].review_by" in fields
    assert "pledge.next_review" in fields
    assert "board.review_date" in fields


def action_index(data, ident):
    return [a["id"] for a in data["strategy"]["actions"]].index(ident)


def test_overdue_actions_are_reported(example_data):
    fields = [f for f, m in messages(example_data, "overdue", today=date(2027, 3, 20)) if "not done" in m]
    # complaints-analysis, due 16 March 2027 and not started
    assert fields == [f"strategy.actions[{action_index(example_data, 'complaints-analysis')}].due"]


def test_done_actions_are_never_overdue(example_data):
    done = action_index(example_data, "housing-priority")
    assert example_data["strategy"]["actions"][done]["status"] == "done"
    assert example_data["strategy"]["actions"][done]["due"] < TODAY
    fields = [f for f, m in messages(example_data, "overdue", today=date(2030, 1, 1)) if "not done" in m]
    assert f"strategy.actions[{done}].due" not in fields
    assert len(fields) == len(example_data["strategy"]["actions"]) - 1  # every other action is overdue by 2030


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

    from macros.problems import DataError

    path = tmp_path / "c.yml"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(read_yaml(path), CouncilFile, "c.yml")
    assert caught.value.problems[0].field == f"strategy.actions[1].{field}"


def test_gap_without_an_action_is_reported(example_data):
    data = copy.deepcopy(example_data)
    del data["self_evaluation"]["questions"][1]["action"]
    assert any(f == "self_evaluation.questions[1]" and "no action answers it" in m
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
    data = read_yaml(WALES).data
    notices = [f for f, _ in messages(data, "notice")]
    assert "strategy" in notices and "performance" in notices
    assert messages(data, "warning") == []  # a sparse council can still pass `check --strict`
    del data["accessibility"]
    assert messages(data, "warning") == [("accessibility", messages(data, "warning")[0][1])]
    assert "the law requires" in messages(data, "warning")[0][1]


def test_strict_and_overdue_flags_decide_what_fails(tmp_path):
    import os
    import subprocess
    import sys

    def run(*args, today="2026-11-23"):
        return subprocess.run([sys.executable, "-m", "macros", "check", *args], cwd=ROOT,
                              capture_output=True, text=True,
                              env=dict(os.environ, COUNCIL_TODAY=today, COUNCIL_FILE=str(FERNLEIGH)))

    text = FERNLEIGH.read_text(encoding="utf-8")
    warned = tmp_path / "warned.yml"
    warned.write_text(text.replace("      measure: Every young person who moves home gets a suitcase. We count them each month.\n", ""),
                      encoding="utf-8")
    assert run(str(warned)).returncode == 0
    strict = run(str(warned), "--strict")
    assert strict.returncode == 1 and "pledge.promises[2]: the promise does not say how it is measured" in strict.stderr
    assert run(str(FERNLEIGH), today="2028-01-01").returncode == 0
    overdue = run(str(FERNLEIGH), "--fail-on-overdue", today="2028-01-01")
    assert overdue.returncode == 1
    assert "docs/handbook/faq.md:" in overdue.stderr and "pledge.next_review" in overdue.stderr


def test_banned_words_in_pages_and_data(example_data):
    from macros.page_checks import banned_word_problems
    from macros.problems import Located

    # young-people/a.md: "Your placement is safe."  handbook/b.md: "A placement panel. / Never say LAC. / BLACK is fine."
    docs = PROJECTS / "banned-words" / "docs"
    data = copy.deepcopy(example_data)
    data["pledge"]["promises"][0]["promise"] = "We will visit your placement."
    council = CouncilFile.model_validate(data)
    located = Located(data, {}, {})
    found = banned_word_problems(council, located, "council.yml", docs, lambda p: p.name)
    places = sorted((p.file, p.line, p.column, p.field) for p in found)
    assert places == [("a.md", 1, 6, "text"), ("b.md", 2, 11, "text"),
                      ("council.yml", 1, 1, "pledge.promises[0].promise")]


def test_a_council_outside_england_is_not_warned_off_the_handbook():
    """The handbook follows the nation now: no notice tells a council in Wales to check it first."""
    data = read_yaml(WALES).data
    assert not [m for _, m in messages(data, "notice") if "handbook" in m]


def test_banned_words_in_the_nations_handbook_passages(example_data, tmp_path, monkeypatch):
    """The passages for the council's nation are published on its site: the banned list covers them too."""
    from macros import page_checks
    from macros.problems import Located

    data_dir = tmp_path / "macros" / "data" / "handbook"
    (data_dir / "england" / "briefings").mkdir(parents=True)
    (data_dir / "wales").mkdir(parents=True)
    (data_dir / "england" / "briefings" / "x.yml").write_text("passages:\n  a: |\n    The LAC review.\n", encoding="utf-8")
    (data_dir / "wales" / "x.yml").write_text("passages:\n  a: |\n    The LAC review.\n", encoding="utf-8")
    monkeypatch.setattr(page_checks, "HANDBOOK_DATA", data_dir)
    council = CouncilFile.model_validate(example_data)
    found = page_checks.banned_word_problems(council, Located(example_data, {}, {}), "council.yml",
                                             PROJECTS / "banned-words" / "nothing", lambda p: p.name)
    assert [(p.file, p.line, p.column, p.field) for p in found] == [
        ("macros/data/handbook/england/briefings/x.yml", 3, 9, "passages")]
    assert "'LAC' is on the banned list" in found[0].message
