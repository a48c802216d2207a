"""Request and response bodies of applications, positions and transitions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from services.common.schema_examples import with_examples
from services.funding.applications.workflow import Action, State
from services.funding.money import Day, Fte, Money
from services.funding.vocab import ApplicantKind, FrameStatus, Step

DeliveryModel = Literal["own_staff", "provider", "delegated_to_district"]
Ags8 = Annotated[str, StringConstraints(pattern=r"^08[0-9]{6}$")]
OrgId = Annotated[
    str,
    StringConstraints(
        pattern=r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    ),
]
CARITAS_ID = "410973e4-8966-5b1f-a66a-48a0c939afa7"  # org:caritas-fils-neckar-alb


class PositionIn(BaseModel):
    """One manager's position; the manager is named because the qualification sets the rate."""

    manager_name: str = Field(min_length=1, max_length=200, examples=["Aylin Demir"])
    qualification: str = Field(pattern=r"^[a-z][a-z_]{0,39}$", examples=["mid_level"])
    fte: Fte
    start_on: Day
    months: int = Field(ge=1, le=60, examples=[22])


class PositionRead(PositionIn):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    rate: Money = Field(description="EUR per full-time position for the whole period")
    amount: Money = Field(
        description="rate × FTE × months / period months, rounded to cents (half up)"
    )


_EXAMPLE: dict[str, Any] = {
    "programme_id": "0b9c3a4e-6a2d-5d0f-8f4e-3f1a2b3c4d5e",
    "delivery_model": "provider",
    "providers": [CARITAS_ID],
    "positions": [
        {
            "manager_name": "Aylin Demir",
            "qualification": "mid_level",
            "fte": "1.00",
            "start_on": "2017-07-01",
            "months": 24,
        },
        {
            "manager_name": "Jonas Keller",
            "qualification": "university",
            "fte": "0.50",
            "start_on": "2017-10-01",
            "months": 21,
        },
    ],
    "early_start": True,
    "early_start_on": "2017-07-01",
}


class ApplicationContent(BaseModel):
    """What the applicant may edit while the application is with them."""

    delivery_model: DeliveryModel = Field(
        description="`own_staff`, `provider` (list the commissioned charities) or "
        "`delegated_to_district` (a district applying)"
    )
    providers: list[OrgId] = Field(
        default_factory=list,
        max_length=20,
        description="The commissioned charities: ids of directory organizations of kind "
        "`provider` (checked with the directory). They read the application (read-only) once "
        "submitted, and their cases delivered for the applicant count in its proof of use.",
    )
    positions: list[PositionIn] = Field(min_length=1, max_length=100)
    early_start: bool = Field(
        False, description="Request to start before the decision (vorzeitiger Maßnahmebeginn)"
    )
    early_start_on: Day | None = None


class ApplicationCreate(ApplicationContent):
    """A new draft. A consortium applies through its lead (`consortium_id`); a district applying
    for municipalities that delegated the task lists them in `delegating_municipalities`."""

    model_config = with_examples(_EXAMPLE)

    programme_id: uuid.UUID
    consortium_id: uuid.UUID | None = None
    delegating_municipalities: list[Ags8] = Field(default_factory=list, max_length=200)


class ApplicationUpdate(ApplicationContent):
    """Replaces the content of a draft or returned application (If-Match required)."""

    model_config = with_examples({k: v for k, v in _EXAMPLE.items() if k != "programme_id"})


class ApplicationRead(BaseModel):
    """An application, where it stands on its route, and its money."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    programme_id: uuid.UUID
    state: State = Field(examples=["forwarded"])
    step: Step = Field(
        description="Who holds it: applicant, district, council, or closed", examples=["council"]
    )
    applicant_kind: ApplicantKind = Field(examples=["municipality"])
    applicant_org_id: str
    applicant_name: str = Field(examples=["Göppingen"])
    applicant_ags: str = Field(examples=["08117019"])
    district_ags: str = Field(examples=["08117"])
    region_ags: str = Field(examples=["081"])
    district_org_id: str | None = Field(description="Null when the route skips the district step")
    council_org_id: str
    council_ags: str = Field(examples=["081"])
    consortium_id: uuid.UUID | None
    member_ags: list[str] = Field(description="Consortium members or delegating municipalities")
    delivery_model: DeliveryModel
    providers: list[str] = Field(description="Ids of the commissioned charities")
    frame_amount: Money = Field(
        description="The applicant's planning frame when the application was made"
    )
    frame_status: FrameStatus
    requested_amount: Money
    granted_amount: Money | None
    early_start: bool
    early_start_on: date | None
    needs_review: bool = Field(
        description="A final planning frame replaced the preliminary one it was based on"
    )
    review_reason: str | None
    notice_number: str | None = Field(examples=["ZB-081-0000042"])
    submitted_at: datetime | None
    decided_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    positions: list[PositionRead] = Field(
        default_factory=list,
        description="The managers' positions, named; only for the applicant's side, the "
        "district reviewer and the approver on the route (empty for a commissioned charity "
        "and the platform)",
    )


class TransitionCreate(BaseModel):
    """An action on the route. `return` needs a reason in `comment`; `partially_approve` a
    `granted_amount` below the requested amount."""

    model_config = with_examples(
        {"action": "forward", "comment": "Befürwortet; Bedarf plausibel."},
        {
            "action": "partially_approve",
            "granted_amount": "40000.00",
            "comment": "Zweite Stelle erst ab 2018",
        },
    )

    action: Action
    comment: str | None = Field(None, max_length=2000)
    granted_amount: Money | None = None


class TransitionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    action: Action
    from_state: State
    to_state: State
    actor: str = Field(examples=["9a0f5a8e-2f1c-4c55-8d8e-1b9a4c2f7e10"])
    actor_org: str
    comment: str | None
    granted_amount: Money | None
    notice_number: str | None
    batch_id: uuid.UUID | None
    at: datetime


class ApplicationFilters(BaseModel):
    """The list filters, shared by the JSON list and the CSV export."""

    state: list[State] | None = None
    programme_id: uuid.UUID | None = None
    applicant: str | None = None
    district: str | None = None
    region: str | None = None
    submitted_from: Day | None = None
    submitted_to: Day | None = None
    amount_min: Money | None = None
    amount_max: Money | None = None
    needs_review: bool | None = None
