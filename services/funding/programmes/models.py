"""Programmes: the funding period, the budget and the rates per qualification."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Numeric, Text
from sqlmodel import Field

from services.funding.models import FundingTable, stamped_now


class Programme(FundingTable, table=True):
    """A funding programme; `booked_amount` never exceeds `total_budget` (a CHECK, too)."""

    __tablename__ = "programme"
    __table_args__ = (
        CheckConstraint(
            "booked_amount >= 0 AND booked_amount <= total_budget", name="budget_not_exceeded"
        ),
        CheckConstraint("deciding_mode IN ('statewide', 'regional')", name="deciding_mode"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(sa_type=Text, unique=True)
    period_start: date
    period_months: int
    total_budget: Decimal = Field(sa_type=Numeric(14, 2))
    booked_amount: Decimal = Field(default=Decimal("0.00"), sa_type=Numeric(14, 2))
    min_fte: Decimal = Field(sa_type=Numeric(4, 2))
    min_frame: Decimal = Field(sa_type=Numeric(14, 2))
    deciding_mode: str = Field(sa_type=Text)
    deciding_region: str | None = Field(default=None, sa_type=Text)
    proof_due_months: int = 3
    created_at: datetime = stamped_now()
    version: int = 1


class ProgrammeRate(FundingTable, table=True):
    """The fixed amount per full-time position for the whole period, per qualification."""

    __tablename__ = "programme_rate"

    programme_id: uuid.UUID = Field(
        foreign_key="programme.id", primary_key=True, ondelete="CASCADE"
    )
    qualification: str = Field(sa_type=Text, primary_key=True)
    amount: Decimal = Field(sa_type=Numeric(14, 2))
    label: str = Field(sa_type=Text)
    is_example: bool = False
