"""The national baselines of entitlements (macros/data/entitlements/): valid, sourced, one per nation."""

from __future__ import annotations

import pytest

from macros.nations import baseline, check_nation_data
from macros.schema import Area, Basis


def test_every_nations_data_is_valid():
    assert check_nation_data() == []


@pytest.mark.parametrize("nation,at_least", [("england", 12), ("wales", 12), ("scotland", 12), ("northern-ireland", 12)])
def test_national_baselines_are_deep_and_sourced(nation, at_least):
    national = baseline(nation)
    assert len(national.items) >= at_least
    for item in national.items:
        assert item.law and item.keywords and item.source and (item.as_of or national.as_of), item.id
        assert item.basis != Basis.council_offer, item.id
    # the young people's pages group items by area: a baseline that covers most of them is useful on every page
    assert len({i.area for i in national.items}) >= 5, {i.area for i in national.items}
    assert len({i.area for i in national.items}) <= len(Area)
