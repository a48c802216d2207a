"""Planning frames per municipality and programme, and consortia of municipalities."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, DateTime, Index, Numeric, Text, UniqueConstraint, text
from sqlmodel import Field

from services.funding.models import FundingTable, stamped_now


class PlanningFrame(FundingTable, table=True):
    """The most a municipality may claim in a programme; preliminary until the final count."""

    __tablename__ = "planning_frame"
    __table_args__ = (
        UniqueConstraint("programme_id", "ags", name="uq_planning_frame_programme_ags"),
        CheckConstraint("status IN ('preliminary', 'final')", name="status"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id", index=True)
    ags: str = Field(sa_type=Text)
    org_id: str = Field(sa_type=Text, index=True)
    name: str = Field(sa_type=Text)
    amount: Decimal = Field(sa_type=Numeric(14, 2))
    status: str = Field(sa_type=Text)
    reference_date: date
    updated_at: datetime = stamped_now(on_update=True)
    version: int = 1


CONSORTIUM_STATES = ("forming", "active", "dissolved")
MEMBER_STATES = ("invited", "accepted", "declined", "left", "dissolved")


def _one_of(values: tuple[str, ...]) -> str:
    return "state IN ({})".format(", ".join(f"'{v}'" for v in values))


class Consortium(FundingTable, table=True):
    """Municipalities applying together (Verbund) through a lead; members may span districts.

    `forming` until every remaining member has accepted, then `active` (only then does it
    count, for frames and for applying); `dissolved` by its lead or when fewer than two remain.
    """

    __tablename__ = "consortium"
    __table_args__ = (CheckConstraint(_one_of(CONSORTIUM_STATES), name="state"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id", index=True)
    name: str = Field(sa_type=Text)
    lead_org_id: str = Field(sa_type=Text, index=True)
    lead_ags: str = Field(sa_type=Text)
    state: str = Field(default="forming", sa_type=Text)
    created_at: datetime = stamped_now()
    version: int = 1


class ConsortiumMember(FundingTable, table=True):
    """One invited municipality of a consortium; it accepts at most one per programme (an
    invitation blocks nothing, an acceptance does)."""

    __tablename__ = "consortium_member"
    __table_args__ = (
        CheckConstraint(_one_of(MEMBER_STATES), name="state"),
        Index(
            "uq_consortium_member_accepted",
            "programme_id",
            "ags",
            unique=True,
            postgresql_where=text("state = 'accepted'"),
        ),
    )

    consortium_id: uuid.UUID = Field(
        foreign_key="consortium.id", primary_key=True, ondelete="CASCADE"
    )
    ags: str = Field(sa_type=Text, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id")
    org_id: str = Field(sa_type=Text, index=True)
    state: str = Field(default="invited", sa_type=Text)
    responded_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))


class FrameHold(FundingTable, table=True):
    """The share of an application's amount held against one municipality's frame, from submit
    until it is returned, withdrawn or rejected (a partial approval shrinks it to the grant)."""

    __tablename__ = "frame_hold"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount"),
        Index("ix_frame_hold_programme_ags", "programme_id", "ags"),
    )

    application_id: uuid.UUID = Field(
        foreign_key="application.id", primary_key=True, ondelete="CASCADE"
    )
    ags: str = Field(sa_type=Text, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id")
    amount: Decimal = Field(sa_type=Numeric(14, 2))
    consortium_id: uuid.UUID | None = Field(default=None, foreign_key="consortium.id", index=True)
