"""'Do I get this?': which group of care leaver a young person is in, nation by nation
(macros/data/care_leaver_groups/NATION.yml).

Each nation's law puts care leavers in groups (England and Northern Ireland: eligible, relevant,
former relevant, qualifying; Wales: categories 1 to 6; Scotland: continuing care and aftercare),
and what a young person gets depends on the group. A nation's file asks two or three plain
questions; each answer leads to the next question or to one group. Every group says in plain
words who it is for, what it gives (a personal adviser, a pathway plan, money, help to what age),
links to the entitlements it brings, and where it comes from with the date we checked it.

The files are project data, validated once (like the nations' files, macros/nations.py) and
cached. `guide()` makes the view a page prints (components.Components.care_leaver_groups):
the questions as a tree of native <details> disclosures, so it works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Callable, Iterator, Optional

from markupsafe import Markup
from pydantic import Field, Strict, model_validator

from .language import per_language
from .problems import DataError, Problem
from .schema import Model, Nation
from .types import HttpsUrl, ShortText, Slug, Text
from .views import Link, When, sentence, time_html

DATA = Path(__file__).parent / "data" / "care_leaver_groups"
Years = Annotated[int, Strict(), Field(ge=0, le=30)]


class AgeSpan(Model):
    """Ages in whole years: from_age 16, until_age 18 means 16 and 17. No until_age: any age from from_age."""

    from_age: Years
    until_age: Optional[Years] = None

    @model_validator(mode="after")
    def _order(self):
        if self.until_age is not None and self.until_age <= self.from_age:
            raise ValueError(f"until_age {self.until_age} must be more than from_age {self.from_age}")
        return self

    def within(self, other: "AgeSpan") -> bool:
        """Is every age in this span also in `other`?"""
        top, other_top = self.until_age if self.until_age is not None else 99, \
            other.until_age if other.until_age is not None else 99
        return other.from_age <= self.from_age and top <= other_top

    def meet(self, other: "AgeSpan") -> "AgeSpan":
        tops = [a for a in (self.until_age, other.until_age) if a is not None]
        return AgeSpan(from_age=max(self.from_age, other.from_age), until_age=min(tops) if tops else None)


class Answer(Model):
    text: ShortText = Field(description="The answer, in the young person's words.")
    next: Slug = Field(description="The id of the next question, or of the group this answer ends in.")
    ages: Optional[AgeSpan] = Field(None, description="For an answer about age: the ages it stands for.")


class Question(Model):
    id: Slug
    ask: ShortText = Field(description="The question, in plain words.")
    hint: Optional[ShortText] = Field(None, description="One short line that helps answer it.")
    answers: list[Answer] = Field(min_length=2, max_length=6)


class Group(Model):
    id: Slug
    title: ShortText = Field(description="Who the group is, in plain words (a heading).")
    about: Text = Field(description="Who is in the group, in two or three short sentences.")
    law_calls_this: Optional[ShortText] = Field(
        None, description='The legal name, shown as "The law calls this …" after the plain words; none when the answer is not a legal group.')
    ages: AgeSpan = Field(description="The ages of young people in this group.")
    personal_adviser: Text = Field(description="Whether the group gets a personal adviser, in plain words.")
    pathway_plan: Text = Field(description="Whether the group gets a pathway plan (a plan for leaving care).")
    money: Text = Field(description="The main money and home help the group gets.")
    help_until: Text = Field(description="Until what age the help goes on, in plain words.")
    up_to_age: Optional[Years] = Field(None, description="That age as a number, where there is one.")
    entitlements: list[Slug] = Field(default_factory=list, description="Ids in the nation's entitlements (macros/data/entitlements/NATION.yml).")
    unconfirmed: Optional[Text] = Field(None, description="What we could not confirm, in plain words (shown on the page).")
    source: Text = Field(description="The law or page this comes from.")
    url: Optional[HttpsUrl] = None
    checked_on: date = Field(description="When it was last checked against the source.")


class CareLeaverGroups(Model):
    """One nation's questions and groups (macros/data/care_leaver_groups/NATION.yml)."""

    nation: Nation
    checked_on: date
    start: Slug = Field(description="The id of the first question.")
    questions: list[Question] = Field(min_length=1)
    groups: list[Group] = Field(min_length=2)

    @model_validator(mode="after")
    def _a_tree_that_ends_in_groups(self):
        ids = [q.id for q in self.questions] + [g.id for g in self.groups]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"question and group ids must be unique: {', '.join(repeated)}")
        if self.start not in self.question_by_id:
            raise ValueError(f"start: there is no question {self.start!r}")
        for question in self.questions:
            for answer in question.answers:
                if answer.next not in self.question_by_id and answer.next not in self.group_by_id:
                    raise ValueError(f"{question.id}: the answer {answer.text!r} leads to {answer.next!r}, "
                                     "which is neither a question nor a group")
        reached_questions, reached_groups = set(), set()
        for path in self.paths():  # raises on a loop
            reached_questions.update(q.id for q, _ in path.steps)
            reached_groups.add(path.group.id)
            if not path.ages.within(path.group.ages):
                raise ValueError(f"{path.describe()}: the ages answered ({path.ages.from_age} to {path.ages.until_age}) "
                                 f"are not all in the group's ages")
        unused = sorted(set(self.question_by_id) - reached_questions) + sorted(set(self.group_by_id) - reached_groups)
        if unused:
            raise ValueError(f"no answer leads to: {', '.join(unused)}")
        return self

    @property
    def question_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @property
    def group_by_id(self) -> dict[str, Group]:
        return {g.id: g for g in self.groups}

    def paths(self) -> Iterator["Route"]:
        """Every way through the questions, from the first question to a group."""
        questions, groups = self.question_by_id, self.group_by_id

        def walk(question: Question, steps: tuple, seen: tuple) -> Iterator[Route]:
            if question.id in seen:
                raise ValueError(f"the questions go round in a loop at {question.id!r}")
            for answer in question.answers:
                here = steps + ((question, answer),)
                if answer.next in groups:
                    yield Route(here, groups[answer.next])
                else:
                    yield from walk(questions[answer.next], here, seen + (question.id,))

        yield from walk(questions[self.start], (), ())


@dataclass(frozen=True)
class Route:
    """One way through the questions: each question with the answer given, and the group it ends in."""

    steps: tuple[tuple[Question, Answer], ...]
    group: Group

    @property
    def ages(self) -> AgeSpan:
        span = AgeSpan(from_age=0)
        for _, answer in self.steps:
            if answer.ages:
                span = span.meet(answer.ages)
        return span

    def describe(self) -> str:
        return " → ".join(f"{q.id}: {a.text}" for q, a in self.steps) + f" → {self.group.id}"


@per_language
def groups(nation: str) -> CareLeaverGroups:
    """The nation's questions and groups, validated (once per process)."""
    from . import nations  # the entitlements a group links to must be the nation's own

    label = f"macros/data/care_leaver_groups/{nation}.yml"
    result = nations.load_data("care_leaver_groups", nation, CareLeaverGroups)
    known = {item.id for item in nations.baseline(nation).items}
    unknown = sorted({e for g in result.groups for e in g.entitlements} - known)
    if unknown:
        raise DataError([Problem(label, 1, 1, "entitlements", f"no entitlement {e!r} in macros/data/entitlements/{nation}.yml",
                                 "use an id listed there") for e in unknown])
    return result


def check_care_leaver_groups() -> list[Problem]:
    """Validate every nation's file (used by the tests)."""
    from .nations import every_nation

    return every_nation(groups)


# --- the view a page prints ------------------------------------------------------------------


@dataclass(frozen=True)
class GroupView:
    anchor: str
    title: str
    about: str
    law_calls_this: Optional[str]
    personal_adviser: str
    pathway_plan: str
    money: str
    help_until: str
    links: list[Link]
    unconfirmed: Optional[str]
    source: str
    url: Optional[str]
    checked_on: str       # in words
    checked_iso: str

    @property
    def law_sentence(self) -> Markup:
        """The law calls this …: the group's legal name, after its plain words."""
        return sentence("law_calls_this", name=self.law_calls_this)

    @property
    def we_last_checked(self) -> Markup:
        return sentence("group_we_last_checked", date=time_html(When(self.checked_iso, self.checked_on)))


@dataclass(frozen=True)
class AnswerView:
    text: str
    question: Optional["QuestionView"]  # the next question, or
    group: Optional[GroupView]          # the group it ends in


@dataclass(frozen=True)
class QuestionView:
    anchor: str
    number: int      # 1 for the first question, 2 for the next…
    ask: str
    hint: Optional[str]
    answers: list[AnswerView]

    @property
    def step(self) -> Markup:
        """Question 1."""
        return sentence("question_number", number=self.number)


@dataclass(frozen=True)
class GuideView:
    nation_name: str
    first: QuestionView
    groups: list[GroupView]   # each group once, in the file's order (the summary at the end)
    entitlements_href: str


def entitlement_links(council, ids: list[str], link: Callable[[str], str]) -> list[Link]:
    """Links to the entitlements on the "What you can get" page. Where the council's own offer
    improves a national item, the page shows the council's item instead, so link to that."""
    from . import views
    offers = views.offers(council)
    out = []
    for wanted in ids:
        for offer in offers:
            if offer.item.id == wanted or (offer.improves is not None and offer.improves.id == wanted):
                out.append(Link(offer.item.title, f"{link('young-people/entitlements/')}#all-{offer.item.id}"))
                break
    return out


def guide(council, link: Callable[[str], str]) -> GuideView:
    from . import nations, views
    from .words import words
    nation = council.council.nation.value
    data = groups(nation)

    def group_view(group: Group, anchor: str) -> GroupView:
        return GroupView(anchor, group.title, group.about, group.law_calls_this, group.personal_adviser,
                         group.pathway_plan, group.money, group.help_until,
                         entitlement_links(council, group.entitlements, link), group.unconfirmed, group.source,
                         views.safe_href(group.url) if group.url else None,
                         words().long_date(group.checked_on), group.checked_on.isoformat())

    def question_view(question: Question, anchor: str, number: int) -> QuestionView:
        answers = []
        for index, answer in enumerate(question.answers, start=1):
            here = f"{anchor}-{index}"
            if answer.next in data.group_by_id:
                answers.append(AnswerView(answer.text, None, group_view(data.group_by_id[answer.next], f"{here}-result")))
            else:
                answers.append(AnswerView(answer.text, question_view(data.question_by_id[answer.next], here, number + 1), None))
        return QuestionView(f"{anchor}-q", number, question.ask, question.hint, answers)

    return GuideView(nations.facts(nation).name, question_view(data.question_by_id[data.start], "cp-groups", 1),
                     [group_view(g, f"cp-group-{g.id}") for g in data.groups],
                     link("young-people/entitlements/"))
