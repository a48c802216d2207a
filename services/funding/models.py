"""Table base of the funding service (its own MetaData, its own database).

The table classes live in the aggregates' subpackages (programmes, frames, applications,
batches, proofs); `all_models()` imports them so alembic and the app see every table.
"""

from __future__ import annotations

import importlib
from typing import Any

from sqlalchemy import DateTime, func
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from services.common.db import new_metadata

metadata = new_metadata()

AGGREGATES = ("programmes", "frames", "applications", "batches", "proofs")


class FundingTable(SQLModel, registry=registry(metadata=metadata)):
    """Base of every funding table class (declare subclasses with `table=True`)."""


def stamped_now(*, on_update: bool = False) -> Any:
    """A `timestamptz` the database fills with `now()` on insert (and on update if asked).

    Its Python default is None: the value exists once the row is flushed and refreshed.
    """
    server: dict[str, Any] = {"server_default": func.now()}
    if on_update:
        server["onupdate"] = func.now()
    return Field(default=None, sa_type=DateTime(timezone=True), sa_column_kwargs=server)


def all_models() -> None:
    """Import every aggregate's table classes into `metadata`."""
    for name in AGGREGATES:
        importlib.import_module(f"services.funding.{name}.models")
