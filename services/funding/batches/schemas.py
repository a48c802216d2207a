"""Request and response bodies of decision batches."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.common.schema_examples import with_examples
from services.funding.applications.workflow import State
from services.funding.money import Money
from services.funding.vocab import BatchMode, Decision

MAX_ITEMS = 10_000


class DecisionItem(BaseModel):
    """One decision of a batch; `if_match` (the ETag you read) makes it conditional."""

    application_id: uuid.UUID
    decision: Decision
    granted_amount: Money | None = Field(
        None, description="Only for `partially_approve`: less than requested"
    )
    comment: str | None = Field(None, max_length=2000)
    if_match: str | None = Field(
        None,
        max_length=200,
        examples=['"3"'],
        description='The ETag you read, quotes included (`"3"`); `3` or `W/"3"` fails the item',
    )


class DecisionBatchCreate(BaseModel):
    """Up to 10,000 decisions. `per_item`: each succeeds or fails on its own; `all_or_nothing`:
    if any item fails, none is applied."""

    model_config = with_examples(
        {
            "mode": "per_item",
            "items": [
                {"application_id": "6b0f8d9e-2f55-4a8e-9a7e-1c1a5f3e9b01", "decision": "approve"},
                {
                    "application_id": "0e4c2b7a-8c21-4d3b-b1f4-7a9c0d2e6f10",
                    "decision": "partially_approve",
                    "granted_amount": "40000.00",
                    "comment": "Zweite Stelle erst ab 2018",
                    "if_match": '"3"',
                },
            ],
        }
    )

    mode: BatchMode = "per_item"
    items: list[DecisionItem] = Field(min_length=1, max_length=MAX_ITEMS)


class ItemResult(BaseModel):
    """What became of one item: `decided`, `skipped` (already decided; `state` says how) or
    `failed` (`problem` says why, as an RFC 9457 problem)."""

    model_config = ConfigDict(from_attributes=True)

    ordinal: int = Field(description="Position of the item in the request, from 0")
    application_id: uuid.UUID
    decision: Decision
    outcome: Literal["decided", "skipped", "failed"]
    state: State | None = None
    granted_amount: Money | None = None
    notice_number: str | None = None
    problem: dict[str, Any] | None = None


class DecisionBatchRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    mode: BatchMode
    created_by: str
    org_id: str
    item_count: int
    decided: int
    skipped: int
    failed: int
    applied: bool = Field(description="False when all_or_nothing refused the whole batch")
    created_at: datetime
    items: list[ItemResult]
