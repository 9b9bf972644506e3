"""What differs by nation: the words, ages, bodies and laws (data/nations/NATION.yml),
and the nation's baseline of entitlements (data/entitlements/NATION.yml).

Both ship with the project and are validated like council.yml; every fact
carries its source and the date it was last checked. Pages and components
ask for these; nothing nation-specific is written in docs/, templates or
overrides.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Callable, Optional

from pydantic import Field, Strict

from .language import data_file as language_file, label_of, per_language
from .council_file import validated
from .problems import DataError, Problem
from .schema import Comparator, Model, Nation, NationalEntitlements, Role
from .types import HttpsUrl, Phone, ShortText, Text

DATA = Path(__file__).parent / "data"


class Sourced(Model):
    """A fact with where it comes from and when it was last checked."""

    source: Text = Field(description="The law, guidance or page this comes from.")
    checked_on: date = Field(description="When it was last checked against the source.")


class Age(Sourced):
    value: Annotated[int, Strict(), Field(ge=16, le=30)]


class Sentence(Sourced):
    text: Text


class Enforcement(Sourced):
    body: ShortText = Field(description="Who enforces the accessibility regulations.")
    advice: Text = Field(description="Where a person goes if not happy with the council's answer.")


class Ombudsman(Sourced):
    name: ShortText = Field(description="Who looks at a complaint after the council's (or Trust's) last stage, with 'the'.")
    web: HttpsUrl
    phone: Optional[Phone] = None


class AdviceLine(Model):
    name: ShortText
    phone: Optional[Phone] = Field(None, description="Only a number confirmed at the source; without one, pages send young people to the web.")
    when: Optional[ShortText] = Field(None, description="When it is open, and whether it is free (only what the source says).")


class Commissioner(Sourced):
    name: ShortText = Field(description="The nation's children's commissioner, with 'the'.")
    web: HttpsUrl
    advice_line: Optional[AdviceLine] = None


class RoleText(Sourced):
    """What a young people's page says about a role that differs by nation (project text, in Markdown)."""

    heading: ShortText
    meeting: Optional[Text] = Field(None, description="One sentence: who runs a review meeting.")
    about: str = Field(description="Paragraphs in Markdown, for young people.")


class Terms(Sourced):
    """Short names the handbook's shared text uses where a nation's body, law or role differs
    (`{{ nation.terms.inspectorate }}`). Each fits in a sentence where the English name stood."""

    The_corporate_parent: ShortText = Field(description='The corporate parent at the start of a sentence: "The council", "The Trust".')
    members: ShortText = Field(description='The people who govern the corporate parent: "councillors", "board members".')
    government: ShortText = Field(description="The government department answerable for children's social care, with 'the'.")
    main_act: ShortText = Field(description="The main law on children in care, with 'the'.")
    leaving_care_law: ShortText = Field(description="The law on help for care leavers.")
    inspectorate: ShortText = Field(description="Who inspects children's social care.")
    school_inspectorate: ShortText = Field(description="Who inspects schools.")
    staying_with_carers: ShortText = Field(description="The scheme for staying on with former foster carers.")
    review_chair: ShortText = Field(description="Who chairs a child's reviews, with 'the'.")
    education_lead: ShortText = Field(description="Who leads on the education of children in care for the corporate parent, with 'the'.")
    school_lead: ShortText = Field(description="The person in a school who looks out for children in care, with 'the'.")
    safeguarding_body: ShortText = Field(description="The local or regional body that leads safeguarding, with 'the'.")
    director: ShortText = Field(description="The senior officer answerable for children's social care, with 'the'.")
    voice_charity: ShortText = Field(description="The nation's charity run with and for care experienced young people.")


# --- issue 12 (help bar helper): the nation's voice charity, for "if your adviser does not reply" ---------


class VoiceCharity(Sourced):
    """The nation's charity run with and for care experienced young people: a charity's service, not the law."""

    name: ShortText = Field(description="The charity's name, as young people know it.")
    web: HttpsUrl
    does: ShortText = Field(description="What it does for young people, in a few plain words (only what the source says).")


# --- end of issue 12 (help bar helper) ---------------------------------------------------------


class NationFacts(Model):
    """One nation's words and facts (macros/data/nations/NATION.yml)."""

    nation: Nation
    name: ShortText
    short_name: ShortText = Field(description="A short label for the nation, beside a chart's line.")
    comparator: Comparator = Field(description="Which comparison in the performance figures is the nation's own.")
    corporate_parent: ShortText = Field(description='What to call the corporate parent: "the council", "the Trust".')
    leaders: Text = Field(description="Who leads the corporate parent, in two short sentences for young people.")
    corporate_parents: ShortText = Field(description='Who the handbook is for: "councillors and officers", "board members and staff".')
    care_leaver_upper_age: Age
    personal_adviser: Sentence = Field(description="How long a young person can have a personal adviser.")
    accessibility_enforcement: Enforcement
    ombudsman: Ombudsman = Field(description="Where a complaint goes when the council's own steps are done.")
    commissioner: Commissioner = Field(description="The children's commissioner, and its advice line.")
    role_titles: dict[Role, ShortText] = Field(
        default_factory=dict, description="Contact roles whose name differs in this nation from words.yml.")
    reviews: RoleText = Field(description="Who runs a child's reviews.")
    school: RoleText = Field(description="Who helps a child in care at school.")
    terms: Terms = Field(description="Short names the handbook uses where a nation's body, law or role differs.")
    voice_charity: VoiceCharity = Field(description="The nation's voice charity for care experienced young people (a charity's service).")  # issue 12


def load_data(folder: str, nation: str, model: type[Model]):
    """A nation's data file (macros/data/FOLDER/NATION.yml), validated with the same reader and messages as
    council.yml; a file that says which nation it is for must be that nation's."""
    path = language_file(f"{folder}/{nation}.yml")
    label = label_of(path)
    result, _ = validated(path, label, model)
    assert isinstance(result, model)
    declared = getattr(result, "nation", None)
    if isinstance(declared, Nation) and declared.value != nation:
        raise DataError([Problem(label, 1, 1, "nation", f"this file is for {declared.value}, not {nation}")])
    return result


@per_language
def facts(nation: str) -> NationFacts:
    """The nation's words and facts, validated."""
    return load_data("nations", nation, NationFacts)


@per_language
def baseline(nation: str) -> NationalEntitlements:
    """The nation's baseline of entitlements, validated with the same schema as council.yml."""
    return load_data("entitlements", nation, NationalEntitlements)


def every_nation(*loads: Callable[[str], object]) -> list[Problem]:
    """Load each nation's data with each loader: every problem found, none raised (for the tests)."""
    problems: list[Problem] = []
    for nation in Nation:
        for load in loads:
            try:
                load(nation.value)
            except DataError as err:
                problems += err.problems
    return problems


def check_nation_data() -> list[Problem]:
    """Validate every nation's shipped data (used by the tests)."""
    return every_nation(facts, baseline)
