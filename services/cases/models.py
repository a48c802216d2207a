"""Table classes of the cases service (its own MetaData, its own database)."""

from __future__ import annotations

from sqlalchemy.orm import registry
from sqlmodel import SQLModel

from services.common.db import new_metadata

metadata = new_metadata()


class CasesTable(SQLModel, registry=registry(metadata=metadata)):
    """Base of every cases table class (declare subclasses with `table=True`)."""
