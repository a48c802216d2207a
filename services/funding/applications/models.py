"""Applications, their positions and the history of their transitions."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    DateTime,
    Identity,
    Index,
    Numeric,
    Sequence,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Field

from services.funding.applications.workflow import STATES
from services.funding.models import FundingTable, metadata, stamped_now

notice_number_seq = Sequence("decision_notice_number_seq", metadata=metadata)

STEPS = ("applicant", "district", "council", "closed")


class Application(FundingTable, table=True):
    """A funding application and where it stands on its route.

    `step` names who holds it now (applicant, district office, regional council, or nobody);
    the route's organizations are fixed at creation from the applicant's AGS chain.
    """

    __tablename__ = "application"
    __table_args__ = (
        CheckConstraint("state IN ({})".format(", ".join(f"'{s}'" for s in STATES)), name="state"),
        CheckConstraint("step IN ({})".format(", ".join(f"'{s}'" for s in STEPS)), name="step"),
        CheckConstraint(
            "delivery_model IN ('own_staff', 'provider', 'delegated_to_district')",
            name="delivery_model",
        ),
        CheckConstraint(
            "applicant_kind IN ('municipality', 'consortium', 'district')", name="applicant_kind"
        ),
        Index("ix_application_list", "created_at", "id"),
        Index("ix_application_council", "council_org_id", "state"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id", index=True)
    state: str = Field(sa_type=Text)
    step: str = Field(sa_type=Text)
    applicant_kind: str = Field(sa_type=Text)
    applicant_org_id: str = Field(sa_type=Text, index=True)
    applicant_name: str = Field(sa_type=Text)
    applicant_ags: str = Field(sa_type=Text)
    district_ags: str = Field(sa_type=Text, index=True)
    region_ags: str = Field(sa_type=Text)
    district_org_id: str | None = Field(default=None, sa_type=Text, index=True)
    council_org_id: str = Field(sa_type=Text)
    council_ags: str = Field(sa_type=Text)
    consortium_id: uuid.UUID | None = Field(default=None, foreign_key="consortium.id")
    member_org_ids: list[str] = Field(default_factory=list, sa_type=ARRAY(Text))
    member_ags: list[str] = Field(default_factory=list, sa_type=ARRAY(Text))
    delivery_model: str = Field(sa_type=Text)
    providers: list[str] = Field(default_factory=list, sa_type=ARRAY(Text))
    frame_amount: Decimal = Field(sa_type=Numeric(14, 2))
    frame_status: str = Field(sa_type=Text)
    requested_amount: Decimal = Field(sa_type=Numeric(14, 2))
    granted_amount: Decimal | None = Field(default=None, sa_type=Numeric(14, 2))
    early_start: bool = False
    early_start_on: date | None = None
    needs_review: bool = False
    review_reason: str | None = Field(default=None, sa_type=Text)
    notice_number: str | None = Field(default=None, sa_type=Text, unique=True)
    submitted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True), index=True)
    decided_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    created_by: str = Field(sa_type=Text)
    created_at: datetime = stamped_now()
    updated_at: datetime = stamped_now(on_update=True)
    version: int = 1


class Position(FundingTable, table=True):
    """One manager's position: the amount is rate × FTE × months / period months, in cents."""

    __tablename__ = "application_position"
    __table_args__ = (CheckConstraint("fte >= 0.25 AND fte <= 1", name="fte"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    ordinal: int
    manager_name: str = Field(sa_type=Text)
    qualification: str = Field(sa_type=Text)
    fte: Decimal = Field(sa_type=Numeric(4, 2))
    start_on: date
    months: int
    rate: Decimal = Field(sa_type=Numeric(14, 2))
    amount: Decimal = Field(sa_type=Numeric(14, 2))


class Transition(FundingTable, table=True):
    """One step on the route: who moved the application, from where to where, and why."""

    __tablename__ = "application_transition"
    __table_args__ = (Index("ix_application_transition_app", "application_id", "id"),)

    id: int | None = Field(default=None, sa_column=Column(BigInteger, Identity(), primary_key=True))
    application_id: uuid.UUID = Field(foreign_key="application.id", ondelete="CASCADE")
    action: str = Field(sa_type=Text)
    from_state: str = Field(sa_type=Text)
    to_state: str = Field(sa_type=Text)
    actor: str = Field(sa_type=Text)
    actor_org: str = Field(sa_type=Text)
    comment: str | None = Field(default=None, sa_type=Text)
    granted_amount: Decimal | None = Field(default=None, sa_type=Numeric(14, 2))
    notice_number: str | None = Field(default=None, sa_type=Text)
    batch_id: uuid.UUID | None = None
    at: datetime = stamped_now()
