"""The national baselines of entitlements (macros/data/entitlements/): valid, sourced, one per nation."""

from __future__ import annotations

from macros.nations import baseline, check_nation_data


def test_national_baselines_are_valid_and_sourced():
    assert check_nation_data() == []
    for nation in ("england", "wales"):
        national = baseline(nation)
        assert len(national.items) >= 10
        for item in national.items:
            assert item.law and item.keywords and (item.as_of or national.as_of), item.id
