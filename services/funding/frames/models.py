"""Planning frames per municipality and programme, and consortia of municipalities."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Numeric, Text, UniqueConstraint
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


class Consortium(FundingTable, table=True):
    """Municipalities applying together (Verbund) through a lead; members may span districts."""

    __tablename__ = "consortium"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id", index=True)
    name: str = Field(sa_type=Text)
    lead_org_id: str = Field(sa_type=Text, index=True)
    lead_ags: str = Field(sa_type=Text)
    created_at: datetime = stamped_now()


class ConsortiumMember(FundingTable, table=True):
    """One municipality of a consortium; a municipality joins at most one per programme."""

    __tablename__ = "consortium_member"
    __table_args__ = (
        UniqueConstraint("programme_id", "ags", name="uq_consortium_member_programme_ags"),
    )

    consortium_id: uuid.UUID = Field(
        foreign_key="consortium.id", primary_key=True, ondelete="CASCADE"
    )
    ags: str = Field(sa_type=Text, primary_key=True)
    programme_id: uuid.UUID = Field(foreign_key="programme.id")
    org_id: str = Field(sa_type=Text, index=True)
