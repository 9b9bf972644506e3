"""The schema of council.yml: the single source of truth.

Validation (`python -m macros check`), the exported JSON Schema
(`schema/council.schema.json`) and the editors' field reference all come from
these classes. Each field's `description` is what an editor reads.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, Strict, model_validator
from pydantic_core import PydanticCustomError
from typing_extensions import Annotated

from .language import Localised
from .types import ClockTime, Email, Figure, HttpsUrl, Icon, Name, Phone, ShortText, SiteUrl, Slug, Text

Age = Annotated[int, Strict(), Field(ge=0, le=30)]


class Model(BaseModel):
    """Every section refuses unknown fields, so a typo is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)


# --- closed lists -----------------------------------------------------------


class Nation(str, Enum):
    england = "england"
    wales = "wales"
    scotland = "scotland"
    northern_ireland = "northern-ireland"


class Language(str, Enum):
    en = "en"
    cy = "cy"


class CouncilKind(str, Enum):
    county = "county"
    unitary = "unitary"
    metropolitan_borough = "metropolitan-borough"
    london_borough = "london-borough"
    welsh_county = "welsh-county"
    welsh_county_borough = "welsh-county-borough"
    scottish_council = "scottish-council"
    hsc_trust = "hsc-trust"


class Role(str, Enum):
    """Who a contact is. Pages ask for a contact by its role."""

    director_of_childrens_services = "director_of_childrens_services"
    lead_member = "lead_member"
    chief_executive = "chief_executive"
    virtual_school_head = "virtual_school_head"
    independent_reviewing_officers = "independent_reviewing_officers"
    advocacy = "advocacy"
    independent_visitors = "independent_visitors"
    leaving_care = "leaving_care"
    social_care = "social_care"
    out_of_hours = "out_of_hours"
    children_in_care_council = "children_in_care_council"
    participation = "participation"
    health_for_children_in_care = "health_for_children_in_care"
    complaints = "complaints"
    fostering = "fostering"




class Area(str, Enum):
    """The local offer's areas (2017 Act, plus financial help and money skills from 2026)."""

    health_and_wellbeing = "health-and-wellbeing"
    relationships = "relationships"
    education_and_training = "education-and-training"
    employment = "employment"
    accommodation = "accommodation"
    participation_in_society = "participation-in-society"
    money = "money"




class Stage(str, Enum):
    in_care = "in-care"
    sixteen_seventeen = "16-17"
    leaving_care = "leaving-care"




# --- the council ------------------------------------------------------------


class Council(Model):
    name: Name = Field(
        description="The council's full name, as it appears on the site.",
        examples=["Anytown Borough Council"],
    )
    short_name: Name = Field(
        description="A short name for headings and the browser tab.", examples=["Anytown"]
    )
    nation: Nation = Field(
        description="Which UK nation's law applies: england, wales, scotland or northern-ireland."
    )
    kind: CouncilKind = Field(description="What kind of council this is.")
    website: HttpsUrl = Field(
        description="The council's main website.", examples=["https://www.anytown.gov.uk"]
    )
    site_url: Optional[SiteUrl] = Field(
        None,
        description="Where this corporate parenting site is published (used for the sitemap).",
        examples=["https://corporateparenting.anytown.gov.uk/"],
    )
    example_data: bool = Field(
        False,
        description="true while the file holds example data: every page then says so.",
    )


class Contact(Model):
    role: Role = Field(description="Which role this is. Pages ask for a contact by role.")
    name: Name = Field(
        description="The person's or team's name.", examples=["Leaving Care Team"]
    )
    what_they_do: Text = Field(
        description="What they do, in plain words a young person understands.",
        examples=["Helps you get ready to live on your own, up to age 25."],
    )
    phone: Optional[Phone] = Field(
        None, description='Phone number, in quotes.', examples=["01632 960001"]
    )
    email: Optional[Email] = Field(None, description="Email address.")
    web: Optional[HttpsUrl] = Field(None, description="Web page (https://).")
    hours: Optional[ShortText] = Field(
        None, description="When they can be reached.", examples=["Monday to Friday, 9am to 5pm"]
    )

    @model_validator(mode="after")
    def _reachable(self) -> "Contact":
        if not (self.phone or self.email or self.web):
            raise PydanticCustomError(
                "contact_unreachable",
                "this contact has no way to reach them — add a phone, email or web address",
            )
        return self


# --- the board --------------------------------------------------------------


class Board(Model):
    """The corporate parenting board's terms of reference (the seven key ingredients and more)."""

    name: Name = Field(description="The board's name.", examples=["Corporate Parenting Board"])
    chair: Name = Field(
        description="Who chairs it (a role, and name if you wish).",
        examples=["The Lead Member for Children's Services"],
    )
    membership: list[Text] = Field(
        min_length=1, description="Who sits on the board, one line each."
    )
    status: Text = Field(
        description="The board's formal status in the council.",
        examples=["A formal committee of the council"],
    )
    powers: list[Text] = Field(
        min_length=1, description="What the board can decide, one line each."
    )
    reports_to: Text = Field(description="Who the board reports to.", examples=["Full Council"])
    reports_in: list[Text] = Field(
        min_length=1, description="Who reports into the board, one line each."
    )
    childrens_voice: Text = Field(
        description="How children's and young people's views are represented at the board."
    )
    quorum: Text = Field(description="How many members must be present for a decision.")
    meets: Text = Field(description="How often it meets.", examples=["Every two months"])
    review_date: date = Field(description="When the terms of reference are next reviewed (YYYY-MM-DD).")


# --- the pledge -------------------------------------------------------------


class PromiseKind(str, Enum):
    statutory = "statutory"
    our_own = "our-own"


class Verdict(str, Enum):
    kept = "kept"
    partly_kept = "partly-kept"
    not_yet = "not-yet"


class YoungPeoplesCheck(Model):
    verdict: Verdict = Field(description="What young people said: kept, partly-kept or not-yet.")
    checked_on: date = Field(description="When they last checked this promise (YYYY-MM-DD).")
    quote: Optional[Text] = Field(
        None, description="Optional: what the Children in Care Council said, in their words."
    )


class Promise(Model):
    id: Slug = Field(description="A short unique name, lower-case-with-hyphens.", examples=["your-say"])
    icon: Icon = Field(description="An icon shown beside the promise.")
    promise: Text = Field(
        description='The promise in plain words, starting "We will".',
        examples=["We will tell you who your social worker is and how to reach them."],
    )
    kind: PromiseKind = Field(
        description="statutory (the law already says we must) or our-own (a promise of our own)."
    )
    law: Optional[Text] = Field(
        None, description="For a statutory promise: the law, named simply (the Act or regulations of your nation)."
    )
    measure: Optional[Text] = Field(
        None, description="How you will know we kept it: a sign that can be counted or checked."
    )
    owner: Role = Field(description="Who makes sure it happens (a contact role).")
    last_checked: date = Field(description="When the council last checked this promise.")
    review_by: date = Field(description="When it must next be checked.")
    young_people_said: Optional[YoungPeoplesCheck] = Field(
        None, description="What young people said when they last checked it."
    )


class Pledge(Model):
    title: ShortText = Field(default_factory=lambda: Localised(en="Our promises to you", cy="Ein haddewidion i ti"),
                             description="The Pledge's title.", json_schema_extra={"default": "Our promises to you"})
    agreed_on: date = Field(description="When the Pledge was agreed with the Children in Care Council.")
    agreed_with: Name = Field(description="Who agreed it with the council.")
    next_review: date = Field(description="When the Pledge will next be reviewed with young people.")
    promises: list[Promise] = Field(min_length=1, description="The promises.")

    @model_validator(mode="after")
    def _unique_ids(self) -> "Pledge":
        _refuse_repeats([p.id for p in self.promises], "promise")
        return self


# --- entitlements -----------------------------------------------------------


class Basis(str, Enum):
    """What kind of promise a thing is (see the project's LAW.md): only an Act or regulations is the law."""

    law = "law"
    statutory_guidance = "statutory-guidance"
    national_scheme = "national-scheme"
    government_advice = "government-advice"
    voluntary_charter = "voluntary-charter"
    charity_service = "charity-service"
    council_offer = "council-offer"


class Source(Model):
    title: Text = Field(description="The law, guidance or page this comes from.")
    url: Optional[HttpsUrl] = Field(None, description="Where to read it (https://).")


class Entitlement(Model):
    """One thing a child in care or care leaver can get."""

    id: Slug = Field(description="A short unique name, lower-case-with-hyphens.")
    title: ShortText = Field(description="What you get, in a few plain words.")
    area: Area = Field(description="The local offer area it belongs to.")
    stages: list[Stage] = Field(min_length=1, description="Who it is for: in-care, 16-17, leaving-care.")
    what_you_get: Text = Field(description="What you get, in plain words.")
    amount: Optional[Name] = Field(None, description="The amount, if it is money.", examples=["£2,000"])
    given_by: Optional[ShortText] = Field(
        None, description="Who gives it, in a few plain words, if it is not the council.",
        examples=["Your college", "The government"],
    )
    who_can_get_it: Text = Field(description="Who can get it.")
    up_to_age: Optional[Age] = Field(None, description="The age it stops at, if any.")
    how_to_ask: Text = Field(description="How to ask for it.")
    contact: Optional[Role] = Field(None, description="Who to ask (a contact role).")
    law: Optional[ShortText] = Field(None, description="The law or scheme behind it, if any.")
    basis: Basis = Field(
        Basis.council_offer,
        description="What kind of promise it is: law (an Act or regulations), statutory-guidance, national-scheme, "
                    "government-advice, voluntary-charter, charity-service or council-offer (the default).",
    )
    status: str = Field(
        "in-force",
        pattern=r"^(in-force|announced)$",
        description="in-force, or announced (the start date is not confirmed yet).",
    )
    keywords: list[Name] = Field(
        default_factory=list,
        description='Everyday words people search with, such as "money for uni".',
    )
    source: Optional[Source] = Field(None, description="Where the fact comes from.")
    as_of: Optional[date] = Field(None, description="When the fact was last checked.")


class LocalEntitlement(Entitlement):
    improves: Optional[Slug] = Field(
        None,
        description="The id of a national entitlement this improves on (the national one is still shown).",
    )


class NationalEntitlements(Model):
    """A nation's baseline (macros/data/entitlements/NATION.yml)."""

    nation: Nation
    as_of: date
    first: dict[Stage, list[Slug]] = Field(
        default_factory=dict,
        description="What matters most, for each stage (in-care, 16-17, leaving-care): item ids in the order a "
                    "young person at that stage should see them first. Never an item that has not started yet.",
    )
    items: list[Entitlement]

    @model_validator(mode="after")
    def _first_names_real_items_for_that_stage(self) -> "NationalEntitlements":
        by_id = {item.id: item for item in self.items}
        for stage, ids in self.first.items():
            for position, item_id in enumerate(ids):
                item = by_id.get(item_id)
                if item is None:
                    problem = "is not the id of an item in this file"
                elif stage not in item.stages:
                    problem = f"is not for {stage.value} (its stages: {', '.join(s.value for s in item.stages)})"
                elif item.status == "announced":
                    problem = "has not started yet (announced): it must never come first"
                elif item_id in ids[:position]:
                    problem = "is listed twice"
                else:
                    continue
                raise PydanticCustomError("first_item", "first.{stage}: '{id}' {problem}",
                                          {"stage": stage.value, "id": item_id, "problem": problem})
        return self

    @model_validator(mode="after")
    def _never_the_councils_own(self) -> "NationalEntitlements":
        for item in self.items:
            if item.basis == Basis.council_offer:
                raise PydanticCustomError(
                    "national_basis", "the national item '{id}' has no basis — say what kind of promise it is "
                    "(law, statutory-guidance, national-scheme, government-advice, voluntary-charter, "
                    "charity-service)", {"id": item.id})
        return self


class Entitlements(Model):
    local_offer: list[LocalEntitlement] = Field(
        default_factory=list, description="What this council offers on top of the national baseline."
    )
    local_offer_published: Optional[date] = Field(
        None, description="When the local offer was last published (YYYY-MM-DD)."
    )


# --- young people's pages -----------------------------------------------------


class ChildrenInCareCouncil(Model):
    name: Name = Field(description="Its name, as young people call it.", examples=["Anytown Voices"])
    meets: Text = Field(description="When and where it meets, in plain words.")
    how_to_join: Text = Field(description="How to join, in plain words.")


class DearCorporateParent(Model):
    how: Text = Field(description="How a young person can write to the board, in plain words.")
    email: Optional[Email] = Field(None, description="An email address for letters.")
    form: Optional[HttpsUrl] = Field(None, description="An online form (https://).")
    address: Optional[Text] = Field(None, description="A postal address (free post if you have one).")

    @model_validator(mode="after")
    def _a_route(self) -> "DearCorporateParent":
        if not (self.email or self.form or self.address):
            raise PydanticCustomError(
                "no_route", "there is no way to write — add an email, form or address"
            )
        return self


class YoungPeople(Model):
    exit_page_url: HttpsUrl = Field(
        "https://www.bbc.co.uk/weather",
        description='Where "Exit this page" takes a young person: a neutral site.',
    )
    children_in_care_council: ChildrenInCareCouncil = Field(
        description="The Children in Care Council: when it meets and how to join."
    )
    dear_corporate_parent: DearCorporateParent = Field(
        description='How a young person writes to the board ("Dear Corporate Parent").'
    )


# --- the board's work ------------------------------------------------------------


class BoardMember(Model):
    name: Name = Field(description="The member's name, or the seat (for young people's seats).")
    role: ShortText = Field(description="Their role on the board.", examples=["Councillor", "Young person"])
    party: Optional[Name] = Field(None, description="Political party, for councillors.")
    young_person: bool = Field(False, description="true for a seat held by a young person.")


class Meeting(Model):
    held_on: date = Field(description="The meeting date (YYYY-MM-DD).")
    starts_at: Optional[ClockTime] = Field(None, description='When it starts, as "HH:MM" in quotes (UK time).', examples=["18:00"])
    ends_at: Optional[ClockTime] = Field(None, description='When it ends, as "HH:MM" in quotes (UK time).', examples=["20:00"])
    place: Optional[Name] = Field(None, description="Where it meets.", examples=["Committee Room 2, Town Hall"])
    decisions: list[Text] = Field(default_factory=list, description="What the board decided.")
    papers: Optional[HttpsUrl] = Field(None, description="Where the papers are (agenda and minutes together).")
    agenda: Optional[HttpsUrl] = Field(None, description="The agenda.")
    minutes: Optional[HttpsUrl] = Field(None, description="The minutes, once agreed.")


class YouSaidWeDid(Model):
    you_said: Text = Field(description="What the Children in Care Council asked for.")
    we_did: Text = Field(description="What the board did about it.")
    raised_on: date = Field(description="When it was raised (YYYY-MM-DD).")


class BoardWork(Model):
    members: list[BoardMember] = Field(default_factory=list, description="Who sits on the board.")
    meetings: list[Meeting] = Field(default_factory=list, description="Past and planned meetings.")
    you_said_we_did: list[YouSaidWeDid] = Field(
        default_factory=list, description="The Children in Care Council's requests and what happened."
    )
    annual_report: Optional[HttpsUrl] = Field(None, description="The board's latest annual report.")


# --- events and commitments ----------------------------------------------------------


class EventKind(str, Enum):
    children_in_care_council = "children-in-care-council"
    corporate_parenting_week = "corporate-parenting-week"
    celebration = "celebration"
    training = "training"
    other = "other"


class Event(Model):
    """A dated event for the events page and the calendar feed (board meetings come from board_work.meetings)."""

    id: Slug = Field(description="A short unique name; it keeps the event's place in people's calendars.")
    title: ShortText = Field(description="What the event is.", examples=["Celebrating Success awards"])
    kind: EventKind = Field(description="children-in-care-council, corporate-parenting-week, celebration, training or other.")
    starts_on: date = Field(description="The day it starts (YYYY-MM-DD).")
    ends_on: Optional[date] = Field(None, description="The last day, for an event over several days.")
    starts_at: Optional[ClockTime] = Field(None, description='When it starts, as "HH:MM" in quotes (UK time); leave out for an all-day event.')
    ends_at: Optional[ClockTime] = Field(None, description='When it ends, as "HH:MM" in quotes (UK time).')
    place: Optional[Name] = Field(None, description="Where it is.")
    details: Optional[Text] = Field(None, description="What happens, and who it is for.")
    link: Optional[HttpsUrl] = Field(None, description="Where to find out more or book.")


class CommitmentKind(str, Enum):
    protected_characteristic = "protected-characteristic"
    covenant = "covenant"
    charter = "charter"
    plan = "plan"
    other = "other"


class Commitment(Model):
    """Something the council has publicly committed to, beyond what the law asks."""

    what: Text = Field(description="The commitment, in plain words.",
                       examples=["We treat care experience as if it were a protected characteristic."])
    kind: CommitmentKind = Field(description="protected-characteristic, covenant, charter, plan or other.")
    made_on: date = Field(description="When the council made it (YYYY-MM-DD).")
    link: Optional[HttpsUrl] = Field(None, description="Where the decision or document is published.")


# --- strategy, action plan, performance, self-evaluation ---------------------------


class Priority(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


class ActionStatus(str, Enum):
    not_started = "not-started"
    on_track = "on-track"
    at_risk = "at-risk"
    done = "done"


class Theme(str, Enum):
    """The performance themes, matching the handbook's question bank."""

    profile = "profile"
    placements = "placements"
    education = "education"
    health = "health"
    missing_and_offending = "missing-and-offending"
    care_leavers = "care-leavers"




class Population(Model):
    profile: Optional[Text] = Field(None, description="Who the children on the edge of care, in care and leaving care are.")
    needs: Optional[Text] = Field(None, description="What they need.")
    outcomes: Optional[Text] = Field(None, description="How well they are doing.")
    childrens_views: Optional[Text] = Field(None, description="What children and young people say.")
    services: Optional[Text] = Field(None, description="The services for them.")
    concerns: Optional[Text] = Field(None, description="Current concerns.")


class Objective(Model):
    id: Slug = Field(description="A short unique name for the objective.")
    title: ShortText = Field(description="The objective, in a few words.")
    detail: Optional[Text] = Field(None, description="What it means, in a sentence or two.")


class Serves(Model):
    objective: Optional[Slug] = Field(None, description="The id of the objective it serves.")
    self_evaluation: Optional[Slug] = Field(None, description="The id of the self-evaluation question whose gap it closes.")
    promise: Optional[Slug] = Field(None, description="The id of the pledge promise it helps keep.")


class Action(Model):
    id: Slug = Field(description="A short unique name for the action.")
    what: Text = Field(description="What will be done (Specific).")
    priority: Priority = Field(description="high, medium or low.")
    outcome: Text = Field(description="The outcome it should bring, so it can be Measured.")
    owner: Role = Field(description="Who is responsible (a contact role).")
    due: date = Field(description="When it will be done by (Time-bound).")
    status: ActionStatus = Field(ActionStatus.not_started, description="not-started, on-track, at-risk or done.")
    serves: Serves = Field(default_factory=Serves, description="What it serves: an objective, a self-evaluation gap or a promise.")


    def overdue_on(self, today: date) -> bool:
        """Overdue: its date has passed and it is not done (one rule for the pages and the checks)."""
        return self.due < today and self.status != ActionStatus.done


class Strategy(Model):
    title: ShortText = Field(default_factory=lambda: Localised(en="Our corporate parenting strategy",
                                                               cy="Ein strategaeth rhianta corfforaethol"),
                             description="The strategy's title.",
                             json_schema_extra={"default": "Our corporate parenting strategy"})
    starts: Optional[date] = Field(None, description="When the strategy starts.")
    ends: Optional[date] = Field(None, description="When the strategy ends.")
    approved: Optional[Text] = Field(None, description="Who approved it and when.")
    vision: Optional[Text] = Field(None, description="Vision and commitment.")
    message_from_young_people: Optional[Text] = Field(
        None, description="A message from young people to their corporate parents, in their words."
    )
    message_from: Optional[Name] = Field(None, description="Who the message is from.")
    how_it_works: Optional[Text] = Field(
        None, description="How corporate parenting works here: who leads, roles, levels of responsibility."
    )
    population: Population = Field(default_factory=Population, description="The local population of children on the edge of care, in care and leaving care.")
    strengths: list[Text] = Field(default_factory=list, description="What we do well.")
    must_improve: list[Text] = Field(default_factory=list, description="What must improve.")
    objectives: list[Objective] = Field(default_factory=list, description="Objectives for the next three years.")
    actions: list[Action] = Field(default_factory=list, description="The action plan.")


class Comparator(str, Enum):
    england = "england"
    region = "region"
    statistical_neighbours = "statistical-neighbours"
    wales = "wales"
    scotland = "scotland"
    northern_ireland = "northern-ireland"


class Unit(str, Enum):
    percent = "percent"
    number = "number"
    days = "days"
    rate_per_10000 = "rate-per-10000"


class Value(Model):
    period: Name = Field(description="The year or period, such as 2025-26.", examples=["2025-26"])
    value: Figure = Field(description="The figure (not negative; a percentage is 0 to 100).")
    numerator: Optional[Annotated[int, Strict(), Field(ge=0)]] = Field(
        None, description="For a percentage: how many children it counts."
    )
    denominator: Optional[Annotated[int, Strict(), Field(ge=1)]] = Field(
        None, description="For a percentage: out of how many children."
    )


class Comparison(Model):
    against: Comparator = Field(description="england, wales, scotland, northern-ireland, region or statistical-neighbours.")
    period: Name = Field(description="The year or period of the comparison.")
    value: Figure = Field(description="Their figure (not negative; a percentage is 0 to 100).")


class Indicator(Model):
    id: Slug = Field(description="A short unique name for the indicator.")
    theme: Theme = Field(description="The theme it belongs to.")
    title: ShortText = Field(description="What is measured, in plain words.")
    unit: Unit = Field(description="percent, number, days or rate-per-10000.")
    higher_is_better: Optional[bool] = Field(
        None, description="true if a higher figure is better, false if lower is better; leave out if neither."
    )
    values: list[Value] = Field(min_length=1, description="This council's figures, oldest first.")
    comparisons: list[Comparison] = Field(default_factory=list, description="England, region and statistical neighbours.")
    source: Text = Field(description="Where the figures come from.")
    as_of: date = Field(description="When the figures were published or checked.")
    commentary: Optional[Text] = Field(None, description="The officers' commentary: the story behind the number.")


class Performance(Model):
    indicators: list[Indicator] = Field(default_factory=list, description="The scorecard's indicators.")
    headline: list[Slug] = Field(default_factory=list, max_length=4,
                                 description="The ids of up to four indicators shown on the home page.")


class EvaluationSection(str, Enum):
    governance_and_leadership = "governance-and-leadership"
    access_to_information = "access-to-information"
    voice_of_the_child = "voice-of-the-child"




class Answer(str, Enum):
    yes = "yes"
    partly = "partly"
    no = "no"


class EvaluationQuestion(Model):
    id: Slug = Field(description="A short unique name for the question.")
    section: EvaluationSection = Field(description="Which part of the self-evaluation it is in.")
    question: Text = Field(description="The question.")
    answer: Answer = Field(description="yes, partly or no.")
    evidence: Optional[Text] = Field(None, description="The evidence for the answer.")
    action: Optional[Slug] = Field(None, description="The id of the action in the plan that closes the gap.")


class SelfEvaluation(Model):
    completed_on: Optional[date] = Field(None, description="When the self-evaluation was done.")
    questions: list[EvaluationQuestion] = Field(default_factory=list, description="The questions and answers.")


# --- accessibility statement -------------------------------------------------------


class Compliance(str, Enum):
    fully = "fully-compliant"
    partially = "partially-compliant"
    not_compliant = "not-compliant"


class KnownIssue(Model):
    issue: Text = Field(description="What does not work, in plain words.")
    criterion: Optional[Name] = Field(None, description="The WCAG 2.2 success criterion it fails.", examples=["1.4.3 Contrast (Minimum)"])
    fix_by: Optional[date] = Field(None, description="When it will be fixed (YYYY-MM-DD).")


class Accessibility(Model):
    """The accessibility statement (Public Sector Bodies Accessibility Regulations 2018, model form)."""

    email: Email = Field(description="Where to report a problem or ask for another format.")
    phone: Optional[Phone] = Field(None, description="A phone number for the same.")
    reply_within_days: Annotated[int, Strict(), Field(ge=1, le=60)] = Field(
        10, description="How many working days you take to reply."
    )
    status: Compliance = Field(description="fully-compliant, partially-compliant or not-compliant with WCAG 2.2 AA.")
    known_issues: list[KnownIssue] = Field(default_factory=list, description="Content that is not accessible, and why.")
    prepared_on: date = Field(description="When the statement was first prepared.")
    reviewed_on: date = Field(description="When it was last reviewed.")
    tested_on: date = Field(description="When the site was last tested.")
    tested_by: ShortText = Field(description="Who tested it.", examples=["The council's web team"])
    how_tested: Text = Field(description="How it was tested.")

    @model_validator(mode="after")
    def _issues_match_status(self) -> "Accessibility":
        if self.status != Compliance.fully and not self.known_issues:
            raise PydanticCustomError(
                "no_known_issues",
                "a site that is not fully compliant must list its known issues — add 'known_issues:'",
            )
        return self


class BannedWord(Model):
    word: Name = Field(description="A word or phrase the site must not use.", examples=["placement"])
    instead: Name = Field(description="What to say instead.", examples=["home"])
    young_people_only: bool = Field(
        False, description="true if it is banned only on the young people's pages and their data."
    )


class Editorial(Model):
    banned_words: list[BannedWord] = Field(
        default_factory=list,
        description="Words the site must not use, on top of the built-in list (the abbreviation for 'looked after child').",
    )


# --- the whole file -----------------------------------------------------------


class CouncilFile(Model):
    """council.yml: one council's local facts."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="council.yml",
        defer_build=True,
        json_schema_extra={"$comment": "Generated from macros/schema.py: do not edit by hand."},
    )

    council: Council = Field(description="Who the council is: its name, nation and website.")
    languages: list[Language] = Field(
        default_factory=lambda: [Language.en], min_length=1,
        description="The site's languages, the first being its main one: [en] (English only, when left out), or "
                    "for a council in Wales [en, cy] or [cy, en]. With two, every text is written in both (en: and cy:).",
        examples=[["en", "cy"]],
    )
    publish_draft_translations: bool = Field(
        True, description="false: a Welsh page not yet reviewed by a Welsh speaker (translation: draft) is a warning, "
                          "so check --strict and the strict build refuse to publish it.",
    )
    contacts: list[Contact] = Field(min_length=1, description="Who to contact, by role.")
    board: Board = Field(description="The corporate parenting board's terms of reference.")
    pledge: Pledge = Field(description="The Pledge: the council's promises to children in care and care leavers.")
    entitlements: Entitlements = Field(
        default_factory=Entitlements,
        description="The council's local offer, on top of the nation's baseline.",
    )
    young_people: YoungPeople = Field(description="Settings for the young people's pages.")
    board_work: BoardWork = Field(default_factory=BoardWork, description="The board's members, meetings and decisions.")
    strategy: Strategy = Field(default_factory=Strategy, description="The corporate parenting strategy and action plan.")
    performance: Performance = Field(default_factory=Performance, description="The performance scorecard.")
    self_evaluation: SelfEvaluation = Field(default_factory=SelfEvaluation, description="The self-evaluation.")
    events: list[Event] = Field(default_factory=list, description="Dated events for the events page and the calendar feed.")
    commitments: list[Commitment] = Field(default_factory=list, description="The council's public commitments, with their dates.")
    editorial: Editorial = Field(default_factory=Editorial, description="House style checks for the whole site.")
    accessibility: Optional[Accessibility] = Field(
        None, description="The accessibility statement, linked from every page's footer."
    )

    @model_validator(mode="after")
    def _unique_roles(self) -> "CouncilFile":
        _refuse_repeats([c.role.value for c in self.contacts], "contact role")
        _refuse_repeats([a.id for a in self.strategy.actions], "action id")
        _refuse_repeats([o.id for o in self.strategy.objectives], "objective id")
        _refuse_repeats([i.id for i in self.performance.indicators], "indicator id")
        _refuse_repeats([q.id for q in self.self_evaluation.questions], "self-evaluation question id")
        return self

    def contact(self, role: Role | str) -> Optional[Contact]:
        role = Role(role)
        return next((c for c in self.contacts if c.role == role), None)


def _refuse_repeats(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "repeated",
                "the {what} '{value}' appears twice — each must be used once",
                {"what": what, "value": value},
            )
        seen.add(value)
