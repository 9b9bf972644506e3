"""Content checks beyond the schema: is the data good enough to publish?

The schema says whether council.yml can be read. These rules say whether what
it says is good: the source material's tests for a good pledge, and dates that
have passed. They are warnings by default and errors with `--strict` (the
build uses the strict form in CI).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from .entitlements import reference_problems
from .loader import Problem
from .schema import CouncilFile, PromiseKind

VAGUE = ("help you to", "support you to", "try to", "where possible", "aim to",
         "endeavour", "when we can", "if possible", "seek to")

Where = Callable[[tuple], tuple[int, int]]


def pledge_problems(council: CouncilFile, where: Where, label: str, today: date) -> list[Problem]:
    problems: list[Problem] = []

    def warn(path: tuple, message: str) -> None:
        line, column = where(path)
        name = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in path).replace(".[", "[")
        problems.append(Problem(label, line, column, name, message, "warning"))

    pledge = council.pledge
    for index, promise in enumerate(pledge.promises):
        at = ("pledge", "promises", index)
        if promise.kind == PromiseKind.statutory and not promise.law:
            warn(at + ("kind",), "a statutory promise must name its legal basis — "
                 "add 'law:' with the law named simply, or set kind: our-own")
        if not promise.measure:
            warn(at, "the promise does not say how it is measured — add 'measure:' "
                 "saying how young people will know it was kept")
            vague = [v for v in VAGUE if re.search(rf"\b{re.escape(v)}\b", promise.promise, re.I)]
            if vague:
                warn(at + ("promise",), f"'{vague[0]}' is vague and there is no measure — "
                     "say exactly what you will do, and add 'measure:'")
        if promise.review_by < today:
            warn(at + ("review_by",), f"the review date {promise.review_by.isoformat()} has passed — "
                 "check the promise with young people and set a new review_by date")
    if pledge.next_review < today:
        warn(("pledge", "next_review"), f"the Pledge was due for review on {pledge.next_review.isoformat()} — "
             "review it with the Children in Care Council and set a new next_review date")
    if council.board.review_date < today:
        warn(("board", "review_date"), f"the board's terms of reference were due for review on "
             f"{council.board.review_date.isoformat()} — review them and set a new review_date")
    return problems


def content_problems(council: CouncilFile, where: Where, label: str, today: date) -> list[Problem]:
    """Every content problem: errors (broken references) and warnings."""
    return reference_problems(council, where, label) + pledge_problems(council, where, label, today)
