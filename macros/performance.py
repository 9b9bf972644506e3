"""The performance scorecard: figures in, words, tables and charts out.

Presenters answer the questions a corporate parent asks of a figure: is it
better or worse than England, and than last year? Are the numbers so small
that a percentage misleads? Charts are inline SVG drawn at build time, with a
title and a description that hold the same numbers as the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from markupsafe import Markup, escape

from .schema import Comparator, Indicator, Theme, Unit

SMALL_DENOMINATOR = 20
COMPARATOR_NAMES = {
    Comparator.england: "England",
    Comparator.region: "region",
    Comparator.statistical_neighbours: "statistical neighbours",
    Comparator.wales: "Wales",
    Comparator.scotland: "Scotland",
}
QUESTIONS_PAGE = Path(__file__).resolve().parent.parent / "docs" / "handbook" / "questions-to-ask.md"


def number(value: float) -> str:
    """74, 74.5, 1,200: no trailing .0."""
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    return text


def formatted(value: float, unit: Unit) -> str:
    if unit == Unit.percent:
        return f"{number(value)}%"
    if unit == Unit.days:
        return f"{number(value)} days"
    if unit == Unit.rate_per_10000:
        return f"{number(value)} per 10,000"
    return number(value)


@dataclass(frozen=True)
class Judgement:
    """A figure compared with something else, in words."""

    against: str
    their_value: str
    word: str  # "better than", "worse than", "the same as", "higher than", "lower than"
    period: Optional[str] = None

    @property
    def sentence(self) -> str:
        when = f" in {self.period}" if self.period else ""
        return f"{self.word} {self.against} ({self.their_value}{when})"


def _compare(ours: float, theirs: float, higher_is_better: Optional[bool]) -> str:
    if abs(ours - theirs) < 1e-9:
        return "the same as"
    if higher_is_better is None:
        return "higher than" if ours > theirs else "lower than"
    return "better than" if (ours > theirs) == higher_is_better else "worse than"


class IndicatorView:
    """What a page needs to know about one indicator."""

    def __init__(self, indicator: Indicator):
        self.indicator = indicator

    @property
    def latest(self):
        return self.indicator.values[-1]

    @property
    def previous(self):
        return self.indicator.values[-2] if len(self.indicator.values) > 1 else None

    def comparison(self, against: Comparator):
        for comparison in self.indicator.comparisons:
            if comparison.against == against and comparison.period == self.latest.period:
                return comparison
        return None

    def judgements(self) -> list[Judgement]:
        unit, better = self.indicator.unit, self.indicator.higher_is_better
        out = []
        for against in (Comparator.england, Comparator.wales, Comparator.scotland):
            comparison = self.comparison(against)
            if comparison:
                out.append(Judgement(COMPARATOR_NAMES[against], formatted(comparison.value, unit),
                                     _compare(self.latest.value, comparison.value, better)))
        if self.previous:
            out.append(Judgement("the year before", formatted(self.previous.value, unit),
                                 _compare(self.latest.value, self.previous.value, better), self.previous.period))
        return out

    def summary(self, council_short: str) -> str:
        """One plain sentence: the latest figure and how it compares."""
        first = f"In {self.latest.period}, {council_short}'s figure was {formatted(self.latest.value, self.indicator.unit)}"
        judgements = self.judgements()
        if not judgements:
            return first + "."
        parts = [j.sentence for j in judgements]
        joined = parts[0] if len(parts) == 1 else ", and ".join([", ".join(parts[:-1]), parts[-1]])
        return f"{first}: {joined}."

    def small_numbers(self) -> Optional[str]:
        """A warning when a percentage is of so few children that one child moves it a lot."""
        value = self.latest
        if self.indicator.unit != Unit.percent or not value.denominator:
            return None
        if value.denominator >= SMALL_DENOMINATOR and (value.numerator is None or value.numerator >= 5):
            return None
        share = 100 / value.denominator
        counted = f"{value.numerator} of {value.denominator}" if value.numerator is not None else f"out of {value.denominator}"
        return (f"Small numbers: this is {counted} children, so one child changes the figure by about "
                f"{number(round(share, 1))} percentage points. Look at the trend and the children's stories, "
                "not the percentage alone.")

    def table_rows(self) -> list[tuple[str, str, dict[str, str]]]:
        """(period, our value, {comparator: value}) for each period, oldest first."""
        rows = []
        for value in self.indicator.values:
            others = {
                COMPARATOR_NAMES[c.against]: formatted(c.value, self.indicator.unit)
                for c in self.indicator.comparisons if c.period == value.period
            }
            rows.append((value.period, formatted(value.value, self.indicator.unit), others))
        return rows

    def comparators(self) -> list[str]:
        seen = []
        for c in self.indicator.comparisons:
            name = COMPARATOR_NAMES[c.against]
            if name not in seen:
                seen.append(name)
        return seen


# --- charts -----------------------------------------------------------------------

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def bar_chart(indicator: Indicator, council_short: str) -> Markup:
    """An accessible inline SVG bar chart of the council's values, with England's latest as a line.

    Every number drawn is in the chart's description and in the table beside it.
    """
    view = IndicatorView(indicator)
    unit = indicator.unit
    values = indicator.values
    england = view.comparison(Comparator.england)
    top = max([v.value for v in values] + ([england.value] if england else []) + [1])
    if unit == Unit.percent:
        top = max(top, 100) if top > 60 else top
    scale = (HEIGHT - TOP - BOTTOM) / (top * 1.1)
    slot = (WIDTH - LEFT - RIGHT) / len(values)
    bar = min(64, slot * 0.6)
    uid = f"chart-{indicator.id}"
    described = "; ".join(f"{v.period}: {formatted(v.value, unit)}" for v in values)
    if england:
        described += f". England {england.period}: {formatted(england.value, unit)}"
    parts = [
        f'<svg class="cp-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" data-indicator="{escape(indicator.id)}">',
        f'<title id="{uid}-title">{escape(indicator.title)}: {escape(council_short)}</title>',
        f'<desc id="{uid}-desc">{escape(described)}.</desc>',
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" class="cp-chart__axis"/>',
    ]
    for index, value in enumerate(values):
        height = value.value * scale
        x = LEFT + index * slot + (slot - bar) / 2
        y = HEIGHT - BOTTOM - height
        label = formatted(value.value, unit)
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}" class="cp-chart__bar" '
            f'data-period="{escape(value.period)}" data-value="{escape(label)}"/>'
        )
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" class="cp-chart__value" text-anchor="middle">{escape(label)}</text>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{HEIGHT - BOTTOM + 16:.1f}" class="cp-chart__period" text-anchor="middle">{escape(value.period)}</text>')
    if england:
        y = HEIGHT - BOTTOM - england.value * scale
        label = formatted(england.value, unit)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="cp-chart__england" '
            f'data-value="{escape(label)}"/>'
        )
        parts.append(f'<text x="{LEFT - 4}" y="{y + 4:.1f}" class="cp-chart__england-label" text-anchor="end">Eng</text>')
        parts.append(f'<text x="{WIDTH - RIGHT}" y="{y - 4:.1f}" class="cp-chart__england-label" text-anchor="end">England {escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


# --- the question bank, beside the figures -------------------------------------------


@lru_cache(maxsize=None)
def questions_for(theme: str, page: Path = QUESTIONS_PAGE) -> tuple[str, ...]:
    """The questions under a theme in the handbook's question bank (one source for both pages)."""
    if not page.exists():
        return ()
    lines = page.read_text(encoding="utf-8").splitlines()
    questions: list[str] = []
    inside = False
    for line in lines:
        if line.startswith("## "):
            inside = line.rstrip().endswith(f"{{#{theme}}}") or line.rstrip().endswith(f"{{: #{theme} }}")
            continue
        if not inside:
            continue
        if line.startswith(("??? ", "!!! ", "### ")):
            inside = False
            continue
        item = re.match(r"^- (?:\[[ x]\] )?(.*)", line)
        if item:
            questions.append(item.group(1).strip())
        elif questions and line.startswith("  ") and line.strip():
            questions[-1] += " " + line.strip()
    return tuple(_plain(q) for q in questions)


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text)


THEME_ORDER = list(Theme)
