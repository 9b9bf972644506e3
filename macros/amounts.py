"""Amounts of money in the data: found in text such as "Up to £1,200 a year", and compared.

One rule for the check that refuses a false "more" and the page that says "gives you more".
"""

from __future__ import annotations

import re
from typing import Optional

POUNDS = re.compile(r"£\s?([0-9][0-9,]*(?:\.[0-9]+)?)")


def pounds(amount: Optional[str]) -> Optional[float]:
    """The first amount of money in pounds in a text, or None."""
    match = POUNDS.search(amount or "")
    return float(match.group(1).replace(",", "")) if match else None


def is_more(local: Optional[str], national: Optional[str]) -> bool:
    """Is the local amount of money more than the national one? (False when either has no amount.)"""
    ours, theirs = pounds(local), pounds(national)
    return ours is not None and theirs is not None and ours > theirs
