"""Table base of the funding service (its own MetaData, its own database).

The table classes live in the aggregates' subpackages (programmes, frames, applications,
batches, proofs); `all_models()` imports them so alembic and the app see every table.
"""

from __future__ import annotations

import importlib

from sqlalchemy.orm import registry
from sqlmodel import SQLModel

from services.common.db import new_metadata

metadata = new_metadata()

AGGREGATES = ("programmes", "frames", "applications", "batches", "proofs")


class FundingTable(SQLModel, registry=registry(metadata=metadata)):
    """Base of every funding table class (declare subclasses with `table=True`)."""


def all_models() -> None:
    """Import every aggregate's table classes into `metadata`."""
    for name in AGGREGATES:
        importlib.import_module(f"services.funding.{name}.models")
