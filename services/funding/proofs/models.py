"""Proofs of use (Verwendungsnachweis): months worked per position, key figures, report."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

from services.funding.models import FundingTable, stamped_now


class ProofOfUse(FundingTable, table=True):
    """The applicant's proof for one approved application (one per application)."""

    __tablename__ = "proof_of_use"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    application_id: uuid.UUID = Field(foreign_key="application.id", unique=True)
    months_worked: dict[str, Any] = Field(sa_type=JSONB)
    key_figures: dict[str, Any] = Field(sa_type=JSONB)
    report: str = Field(sa_type=Text)
    filed_by: str = Field(sa_type=Text)
    filed_at: datetime = stamped_now()
