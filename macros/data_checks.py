"""Content checks beyond the schema: is the data good enough to publish?

The schema says whether council.yml can be read. These rules say whether what
it says is good: the source material's tests for a good pledge, and dates that
have passed. They are warnings by default and errors with `--strict` (the
build uses the strict form in CI).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable, Optional

from . import nations
from .amounts import POUNDS, is_more, pounds
from .problems import Problem, reporter
from .schema import CouncilFile, PromiseKind, Role, Unit
from .words import words

VAGUE = ("help you to", "support you to", "try to", "where possible", "aim to",
         "endeavour", "when we can", "if possible", "seek to")

Where = Callable[[tuple], tuple[int, int]]
# What only the law is called: an Act (of Parliament, the Senedd or the Scottish Parliament), a Measure
# of the Welsh Assembly, regulations, an order (Northern Ireland's Orders in Council) or rules.
LAW_NAME = re.compile(r"\b(Act|Measure|Regulations?|Order|Rules)\b")


def pledge_problems(council: CouncilFile, where: Where, label: str, today: date) -> list[Problem]:
    problems: list[Problem] = []
    report = reporter(problems, where, label)

    def warn(path: tuple, message: str) -> None:
        report(path, message, "warning")

    def overdue(path: tuple, message: str) -> None:
        report(path, message, "overdue")

    pledge = council.pledge
    for index, promise in enumerate(pledge.promises):
        at = ("pledge", "promises", index)
        if promise.kind == PromiseKind.statutory and not promise.law:
            warn(at + ("kind",), "a statutory promise must name its legal basis — "
                 "add 'law:' with the law named simply, or set kind: our-own")
        elif promise.kind == PromiseKind.statutory and not LAW_NAME.search(promise.law):
            warn(at + ("law",), f"'{promise.law}' does not name an Act, regulations or an order, and the page "
                 "calls it the law — name the law (for example 'Children Act 1989'); guidance, a charter or a "
                 "scheme is not the law: set kind: our-own")
        if not promise.measure:
            warn(at, "the promise does not say how it is measured — add 'measure:' "
                 "saying how young people will know it was kept")
            vague = [v for v in VAGUE if re.search(rf"\b{re.escape(v)}\b", promise.promise, re.I)]
            if vague:
                warn(at + ("promise",), f"'{vague[0]}' is vague and there is no measure — "
                     "say exactly what you will do, and add 'measure:'")
        if promise.review_by < today:
            overdue(at + ("review_by",), f"the review date {promise.review_by.isoformat()} has passed — "
                    "check the promise with young people and set a new review_by date")
    if pledge.next_review < today:
        overdue(("pledge", "next_review"), f"the Pledge was due for review on {pledge.next_review.isoformat()} — "
                "review it with the Children in Care Council and set a new next_review date")
    if council.board.review_date < today:
        overdue(("board", "review_date"), f"the board's terms of reference were due for review on "
                f"{council.board.review_date.isoformat()} — review them and set a new review_date")
    return problems


def strategy_problems(council: CouncilFile, where: Where, label: str, today: date) -> list[Problem]:
    """The action plan must be SMART and its links must lead somewhere; gaps need actions."""
    problems: list[Problem] = []
    report = reporter(problems, where, label)
    strategy = council.strategy
    objectives = {o.id for o in strategy.objectives}
    actions = {a.id for a in strategy.actions}
    questions = {q.id for q in council.self_evaluation.questions}
    promises = {p.id for p in council.pledge.promises}

    for index, action in enumerate(strategy.actions):
        at = ("strategy", "actions", index)
        links = {"objective": objectives, "self_evaluation": questions, "promise": promises}
        for kind, known in links.items():
            target = getattr(action.serves, kind)
            if target and target not in known:
                report(at + ("serves", kind), f"there is no {kind.replace('_', '-')} '{target}' — use one of: "
                       f"{', '.join(sorted(known)) or '(none yet)'}", "error")
        if not (action.serves.objective or action.serves.self_evaluation or action.serves.promise):
            report(at, "the action does not say what it serves — add 'serves:' with an objective, "
                   "a self_evaluation question or a promise")
        if action.overdue_on(today):
            report(at + ("due",), f"the action was due on {action.due.isoformat()} and is not done — "
                   "update its status, or agree a new date with the board", "overdue")

    for index, question in enumerate(council.self_evaluation.questions):
        at = ("self_evaluation", "questions", index)
        if question.action and question.action not in actions:
            report(at + ("action",), f"there is no action '{question.action}' in the plan — use one of: "
                   f"{', '.join(sorted(actions)) or '(none yet)'}", "error")
        if question.answer.value != "yes" and not question.action:
            serving = [a.id for a in strategy.actions if a.serves.self_evaluation == question.id]
            fix = (f"add 'action: {serving[0]}' (that action says it closes this gap)" if serving else
                   "add 'action:' with the id of the action in the plan that answers it (write one if there is none)")
            report(at, f"the answer is '{question.answer.value}' but no action answers it — {fix}", "warning")

    for field in words()["strategy_sections"]:
        if not getattr(strategy, field):
            report(("strategy",), f"the strategy's {field.replace('_', ' ')} is not written yet — "
                   f"add 'strategy.{field}:' (the page says it is not written until then)", "notice")
    for part in words()["population_parts"]:
        if not getattr(strategy.population, part):
            report(("strategy",), f"the population's {part.replace('_', ' ')} is not written yet — "
                   f"add 'strategy.population.{part}:'", "notice")
    if not strategy.objectives:
        report(("strategy",), "there are no objectives yet — add 'strategy.objectives:'", "notice")
    if not council.performance.indicators:
        report(("performance",), "there are no performance figures yet — add 'performance.indicators:'", "notice")
    return problems


def reference_problems(council: CouncilFile, where: Where, label: str) -> list[Problem]:
    """A local item that `improves` a national item that does not exist is an error."""
    nation = council.council.nation.value
    known = {i.id for i in nations.baseline(nation).items}
    problems: list[Problem] = []
    report = reporter(problems, where, label)
    national = {i.id: i for i in nations.baseline(nation).items}
    for index, item in enumerate(council.entitlements.local_offer):
        if item.improves and item.improves not in known:
            report(("entitlements", "local_offer", index, "improves"),
                   f"there is no national entitlement '{item.improves}' in {nation} — "
                   f"use one of: {', '.join(sorted(known)) or '(none)'}", "error")
        elif item.improves and not is_more(item.amount, national[item.improves].amount) and \
                pounds(item.amount) is not None and pounds(national[item.improves].amount) is not None:
            report(("entitlements", "local_offer", index, "amount"),
                   f"{item.amount} is not more than the national amount ({national[item.improves].amount}, "
                   f"'{national[item.improves].title}'), but the page would say the council gives more — "
                   "give the real, higher amount, or remove 'improves'", "error")
    return problems



def board_and_home_problems(council: CouncilFile, where: Where, label: str, today: date) -> list[Problem]:
    """The home page's headline figures must name indicators that exist; a meeting's times must make sense,
    and it cannot have minutes before it is held; each event has its own id and its end comes after its start;
    a commitment cannot be made in the future."""
    problems: list[Problem] = []
    report = reporter(problems, where, label)
    indicators = [i.id for i in council.performance.indicators]
    seen: set[str] = set()
    for index, ident in enumerate(council.performance.headline):
        at = ("performance", "headline", index)
        if ident not in indicators:
            report(at, f"there is no indicator '{ident}' — use one of: {', '.join(indicators) or '(none yet)'}", "error")
        elif ident in seen:
            report(at, f"'{ident}' is already a headline figure — name each indicator once", "warning")
        seen.add(ident)
    if indicators and not council.performance.headline:
        report(("performance",), "no headline figures are chosen, so the home page shows none — add "
               "'performance.headline:' with the ids of up to four indicators", "notice")
    days: set[date] = set()
    for index, meeting in enumerate(council.board_work.meetings):
        at = ("board_work", "meetings", index)
        if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
            report(at + ("ends_at",), f"the meeting ends ({meeting.ends_at:%H:%M}) before it starts "
                   f"({meeting.starts_at:%H:%M}) — check the times (24-hour clock: 6pm is \"18:00\")", "error")
        if meeting.ends_at and not meeting.starts_at:
            report(at + ("ends_at",), "the meeting has an end time but no start time — add 'starts_at:'", "warning")
        if meeting.minutes and meeting.held_on > today:
            report(at + ("minutes",), f"the meeting on {meeting.held_on.isoformat()} has not been held yet, so it "
                   "cannot have minutes — check the date, or put the link under 'agenda:'", "warning")
        if meeting.held_on in days:
            report(at + ("held_on",), f"there are two meetings on {meeting.held_on.isoformat()} — "
                   "list each meeting once", "warning")
        days.add(meeting.held_on)
    ids: set[str] = set()
    for index, event in enumerate(council.events):
        at = ("events", index)
        if event.id in ids:  # the id is the event's place in people's calendars (its UID)
            report(at + ("id",), f"another event already has the id '{event.id}' — give each event its own id", "error")
        ids.add(event.id)
        if event.ends_on and event.ends_on < event.starts_on:
            report(at + ("ends_on",), f"the event ends ({event.ends_on.isoformat()}) before it starts "
                   f"({event.starts_on.isoformat()}) — check the dates", "error")
        if event.ends_at and not event.starts_at:
            report(at + ("ends_at",), "the event has an end time but no start time — add 'starts_at:'", "error")
        elif (event.starts_at and event.ends_at and event.ends_at <= event.starts_at
              and (event.ends_on or event.starts_on) == event.starts_on):
            report(at + ("ends_at",), f"the event ends ({event.ends_at:%H:%M}) before it starts "
                   f"({event.starts_at:%H:%M}) — check the times (24-hour clock: 6pm is \"18:00\")", "error")
    for index, commitment in enumerate(council.commitments):
        if commitment.made_on > today:
            report(("commitments", index, "made_on"), f"{commitment.made_on.isoformat()} has not come yet — "
                   "give the date the commitment was made (an event to come goes under 'events:')", "warning")
    return problems


MAX_AMOUNT = 50_000  # pounds: no entitlement pays more than this in one go


def number_problems(council: CouncilFile, where: Where, label: str) -> list[Problem]:
    """Numbers checked for what they mean: a percentage is at most 100, a count of children is not
    more than the children counted, and an amount of money is sensible."""
    problems: list[Problem] = []
    report = reporter(problems, where, label)
    for i, indicator in enumerate(council.performance.indicators):
        at = ("performance", "indicators", i)
        figures = [("values", j, v.value) for j, v in enumerate(indicator.values)]
        figures += [("comparisons", j, c.value) for j, c in enumerate(indicator.comparisons)]
        if indicator.unit == Unit.percent:
            for part, j, value in figures:
                if value > 100:
                    report(at + (part, j, "value"), f"{value:g}% is more than 100% — a percentage is 0 to 100: "
                           "check the figure, or set the indicator's unit", "error")
        for j, v in enumerate(indicator.values):
            if v.numerator is not None and v.denominator is not None and v.numerator > v.denominator:
                report(at + ("values", j, "numerator"), f"{v.numerator} children out of {v.denominator} is more "
                       "than all of them — the numerator counts some of the denominator's children", "error")
    items = [(("entitlements", "local_offer", i, "amount"), item.amount)
             for i, item in enumerate(council.entitlements.local_offer) if item.amount]
    for path, amount in items:
        for match in POUNDS.finditer(amount):
            pounds = float(match.group(1).replace(",", ""))
            if pounds > MAX_AMOUNT:
                report(path, f"£{pounds:,.0f} is more than any entitlement pays (the limit here is "
                       f"£{MAX_AMOUNT:,}) — check the figure", "error")
    return problems


def content_problems(council: CouncilFile, where: Where, label: str, today: date, docs=None) -> list[Problem]:
    """Every content problem: errors (broken references), warnings and notices."""
    problems = (reference_problems(council, where, label)
                + board_and_home_problems(council, where, label, today)
                + number_problems(council, where, label)
                + reader_problems(council, where, label, docs)
                + pledge_problems(council, where, label, today)
                + strategy_problems(council, where, label, today))
    if council.accessibility is None:
        line, column = where(("accessibility",))
        problems.append(Problem(label, line, column, "accessibility",
                                "there is no accessibility statement, which the law requires — add 'accessibility:'",
                                "warning"))
    return problems


# --- readers: contacts the young people's pages need, owners, plain words -----------------------

SAFETY_ROLES = (Role.out_of_hours, Role.complaints)  # always needed, whichever pages show them
LONGEST_PROMISE = 30      # words
LONGEST_SENTENCE = 25     # words, in what young people read
_CONTACT_CALL = re.compile(r"""contact_card\(\s*["']([a-z_]+)["']\s*\)""")


def needed_roles(docs) -> dict[Role, str]:
    """Role -> the first young people's page that shows its contact (plus the safety roles)."""
    needed: dict[Role, str] = {role: "the contacts page" for role in SAFETY_ROLES}
    if docs is not None and docs.is_dir():
        from .page_checks import read_pages

        for page in read_pages(docs):
            if not page.young_people:
                continue
            for role in _CONTACT_CALL.findall(page.text):
                if role in Role._value2member_map_:
                    needed.setdefault(Role(role), f"docs/{page.path.relative_to(docs).as_posix()}")
    return needed


def reader_problems(council: CouncilFile, where: Where, label: str, docs=None) -> list[Problem]:
    """Warnings for what would hurt readers: a missing safety contact, an owner nobody can reach,
    a promise or young people's text that is too long or too hard to read."""
    problems: list[Problem] = []
    report = reporter(problems, where, label)
    for role, page in needed_roles(docs).items():
        if not council.contact(role):
            report(("contacts",), f"there is no '{role.value}' contact, which {page} shows to young people — "
                   f"add a contact with role: {role.value} (until then the page says it is not published)")
    owners = [(("pledge", "promises", i, "owner"), p.owner) for i, p in enumerate(council.pledge.promises)]
    owners += [(("strategy", "actions", i, "owner"), a.owner) for i, a in enumerate(council.strategy.actions)]
    for path, role in owners:
        if not council.contact(role):
            report(path, f"the owner '{role.value}' has no contact, so nobody can be reached about this — "
                   f"add a contact with role: {role.value}, or choose an owner who has one")
    for i, promise in enumerate(council.pledge.promises):
        count = len(promise.promise.split())
        if count > LONGEST_PROMISE:
            report(("pledge", "promises", i, "promise"), f"the promise is {count} words long — keep a promise "
                   f"under {LONGEST_PROMISE} words, and put the detail in 'measure:'")
    graded = []
    for path, text in young_peoples_texts(council):
        problem = hard_to_read(text)
        if problem:
            report(path, problem)
        else:
            graded.append((path, text))
    for path, problem in readability_problems(council, graded):
        report(path, problem)
    return problems


def young_peoples_texts(council: CouncilFile):
    """(path, text) for what the council writes for young people to read."""
    for i, p in enumerate(council.pledge.promises):
        yield ("pledge", "promises", i, "promise"), p.promise
        if p.measure:
            yield ("pledge", "promises", i, "measure"), p.measure
        if p.young_people_said and p.young_people_said.quote:
            yield ("pledge", "promises", i, "young_people_said", "quote"), p.young_people_said.quote
    for i, item in enumerate(council.entitlements.local_offer):
        for field in ("title", "what_you_get", "who_can_get_it", "how_to_ask"):
            yield ("entitlements", "local_offer", i, field), getattr(item, field)
    cicc = council.young_people.children_in_care_council
    yield ("young_people", "children_in_care_council", "meets"), cicc.meets
    yield ("young_people", "children_in_care_council", "how_to_join"), cicc.how_to_join
    yield ("young_people", "dear_corporate_parent", "how"), council.young_people.dear_corporate_parent.how


def hard_to_read(text: str) -> Optional[str]:
    """Why a text is too hard for a young reader, or None: a long sentence (its reading grade is
    readability_problems' to judge)."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    words = re.findall(r"[^\W\d_][\w']*", text)   # a word in any language (Welsh has â, ŵ, ŷ…)
    if not words:
        return None
    longest = max(len(re.findall(r"[^\W\d_][\w']*", s)) for s in sentences)
    if longest > LONGEST_SENTENCE:
        return (f"a sentence here is {longest} words long — young people read this: keep sentences under "
                f"{LONGEST_SENTENCE} words (split it with a full stop)")
    return None


# --- reading age of young people's texts (Flesch-Kincaid grade 4: macros/readability.py) -------------


def readable_names(council: CouncilFile) -> set[str]:
    """Names a young person learns once: counted as one short word when a text's reading age is measured."""
    from .readability import abbreviations

    c = council.council
    names = {c.name, c.short_name, council.pledge.agreed_with, council.young_people.children_in_care_council.name}
    names |= {contact.name for contact in council.contacts}
    names |= set(words()["roles"].values()) | set(nations.facts(c.nation.value).role_titles.values())
    names |= abbreviations()
    return names


def readability_problems(council: CouncilFile, texts) -> list[tuple[tuple, str]]:
    """(path, why) for each young people's text that reads above grade 4 (a reading age of 9)."""
    from . import readability

    return readability.too_hard(list(texts), readable_names(council))
