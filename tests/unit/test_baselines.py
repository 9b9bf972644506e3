"""The national baselines of entitlements (macros/data/entitlements/): valid, sourced, one per nation."""

from __future__ import annotations

from macros.entitlements import check_baselines, national


def test_national_baselines_are_valid_and_sourced():
    assert check_baselines() == []
    for nation in ("england", "wales"):
        baseline = national(nation)
        assert len(baseline.items) >= 10
        for item in baseline.items:
            assert item.law and item.keywords and (item.as_of or baseline.as_of), item.id
