"""The nation's own current figures on children in care (macros/data/national/NATION.yml).

The handbook's briefings show them beside the council's own figures ("Here in …").
They are project data, not council data: each figure is one a government statistics
release states, with the release's name, its address, the period it covers, what kind
of statistics it is and when we last checked it. Validated like the nations' files
(macros/nations.py), with the same reader and messages as council.yml.

A figure must cover a period ending in OLDEST_YEAR or later: older national figures
belong in the handbook's history, not beside today's local figures.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

from pydantic import Field, field_validator, model_validator

from .language import per_language
from .problems import DataError, Problem
from .schema import Model, Nation, Theme
from .types import Figure, HttpsUrl, ShortText, Slug, Text

DATA = Path(__file__).parent / "data" / "national"
OLDEST_YEAR = 2023
YEARS = re.compile(r"\b(20\d\d)(?:\s*[-/–]\s*(\d\d)\b)?")


class Kind(str, Enum):
    """What kind of figure it is: the statistics' status, as the release itself states it."""

    accredited_official_statistics = "accredited-official-statistics"
    official_statistics = "official-statistics"
    official_statistics_in_development = "official-statistics-in-development"


class NationalUnit(str, Enum):
    percent = "percent"
    number = "number"
    rate_per_10000 = "rate-per-10000"
    rate_per_1000 = "rate-per-1000"


def period_end_year(period: str) -> Optional[int]:
    """The last year a period names: 2025 in "31 March 2025", 2024 in "2023-24" or "2023/24"."""
    years = []
    for match in YEARS.finditer(period):
        first, second = int(match.group(1)), match.group(2)
        end = first - first % 100 + int(second) if second else first
        years.append(end + 100 if end < first else end)  # 2099-00 ends in 2100
    return max(years) if years else None


class Comparison(Model):
    """The same measure for all children, where the release gives it beside the figure."""

    who: ShortText = Field(description='Who the comparison is about, such as "all school leavers".')
    value: Figure


class NationalFigure(Model):
    id: Slug = Field(description="A short unique name for the figure.")
    theme: Theme = Field(description="The performance theme it belongs to (profile, placements, education…).")
    title: ShortText = Field(description="What is measured, in plain words.")
    value: Figure = Field(description="The figure, exactly as the release states it (a percentage is 0 to 100).")
    unit: NationalUnit = Field(description="percent, number, rate-per-10000 or rate-per-1000.")
    period: ShortText = Field(description='The date or period it covers, as the release says it: "31 March 2025", "2023-24".')
    comparison: Optional[Comparison] = Field(None, description="All children's figure, where the release gives it.")
    source: Text = Field(description="Who published it and the release's name.")
    url: Optional[HttpsUrl] = Field(None, description="Where the release states the figure.")
    kind: Kind = Field(description="accredited-official-statistics, official-statistics or official-statistics-in-development.")
    as_of: date = Field(description="When we last checked the figure against its source.")

    @field_validator("period")
    @classmethod
    def _recent(cls, period: str) -> str:
        year = period_end_year(period)
        if year is None:
            raise ValueError(f'"{period}" names no year: write the date or period the release gives, such as "2023-24"')
        if year < OLDEST_YEAR:
            raise ValueError(f"{period} is before {OLDEST_YEAR}: use a current release, or leave the figure out")
        return period

    @model_validator(mode="after")
    def _percent(self):
        if self.unit == NationalUnit.percent and self.value > 100:
            raise ValueError(f"{self.id}: a percentage is 0 to 100")
        return self

    @property
    def year(self) -> int:
        return period_end_year(self.period)  # validated: never None


class NationalFigures(Model):
    """One nation's current figures (macros/data/national/NATION.yml)."""

    nation: Nation
    figures: list[NationalFigure] = Field(min_length=4, description="At least four figures, across the themes.")

    @model_validator(mode="after")
    def _unique(self):
        ids = [f.id for f in self.figures]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"figure ids must be unique: {', '.join(repeated)}")
        return self

    def for_theme(self, theme: Theme) -> list[NationalFigure]:
        return [f for f in self.figures if f.theme == theme]


@per_language
def figures(nation: str) -> NationalFigures:
    """The nation's current figures, validated."""
    from .nations import load_data

    return load_data("national", nation, NationalFigures)


def check_national_data() -> list[Problem]:
    """Validate every nation's figures (used by the tests)."""
    from .nations import every_nation

    return every_nation(figures)
