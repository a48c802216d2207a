"""Decision batches of a regional council and the outcome of each item."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Numeric, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from services.funding.models import FundingTable, stamped_now


class DecisionBatch(FundingTable, table=True):
    """One batch request; its items keep their own outcomes."""

    __tablename__ = "decision_batch"
    __table_args__ = (CheckConstraint("mode IN ('per_item', 'all_or_nothing')", name="mode"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    mode: str = Field(sa_type=Text)
    created_by: str = Field(sa_type=Text)
    org_id: str = Field(sa_type=Text, index=True)
    item_count: int
    decided: int
    skipped: int
    failed: int
    applied: bool
    created_at: datetime = stamped_now()


class DecisionBatchItem(FundingTable, table=True):
    """An item of a batch as the client sent it and what became of it."""

    __tablename__ = "decision_batch_item"
    __table_args__ = (
        CheckConstraint("outcome IN ('decided', 'skipped', 'failed')", name="outcome"),
    )

    batch_id: uuid.UUID = Field(
        foreign_key="decision_batch.id", primary_key=True, ondelete="CASCADE"
    )
    ordinal: int = Field(primary_key=True)
    application_id: uuid.UUID
    decision: str = Field(sa_type=Text)
    outcome: str = Field(sa_type=Text)
    state: str | None = Field(default=None, sa_type=Text)
    granted_amount: Decimal | None = Field(default=None, sa_type=Numeric(14, 2))
    notice_number: str | None = Field(default=None, sa_type=Text)
    problem: dict[str, Any] | None = Field(default=None, sa_type=JSONB)
