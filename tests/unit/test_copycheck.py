"""The copy check (tests/copycheck.py) finds copied runs, and never passes when it has no sources."""

from __future__ import annotations

import pytest

from copycheck import RUN_LENGTH, copied_runs, missing_sources_reason

SOURCE = ("The council must act in the best interests of every child it looks after and promote "
          "their physical and mental health and wellbeing at every stage of their lives.")


def test_without_sources_the_check_says_where_it_looked(tmp_path):
    nowhere = tmp_path / "sources"
    reason = missing_sources_reason(nowhere)
    assert reason and "NOT run" in reason and str(nowhere) in reason and "no such folder" in reason
    nowhere.mkdir()
    assert "no *.txt files" in missing_sources_reason(nowhere)
    with pytest.raises(FileNotFoundError, match="NOT run"):
        copied_runs("any text at all", nowhere)


def test_a_run_of_words_from_a_source_is_found(tmp_path):
    (tmp_path / "law.txt").write_text(SOURCE, encoding="utf-8")
    assert missing_sources_reason(tmp_path) is None
    page = "<p>We know that the council must act in the <b>best</b> interests of every child it looks after.</p>"
    runs = copied_runs(page, tmp_path)
    assert runs == ["the council must act in the best interests of every child it looks after"]
    assert len(runs[0].split()) >= RUN_LENGTH
    assert copied_runs("Our own words about children in care, written for councillors.", tmp_path) == []
