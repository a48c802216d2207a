"""What is particular to the volunteer registry in SQL: whose volunteers, and the list filters.

The rows themselves go through the generic row code of `items.repository`.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement

from services.cases.models import volunteer
from services.cases.vocab import Field_


def of_org(org_id: str) -> ColumnElement[bool]:
    """The organization's volunteers: no one reaches another organization's."""
    return volunteer.c.org_id == org_id


def volunteer_filters(active: bool | None, field: Field_ | None) -> list[ColumnElement[bool]]:
    """Only (in)active volunteers, only those helping in `field` (None: no filter)."""
    filters: list[ColumnElement[bool]] = []
    if active is not None:
        filters.append(volunteer.c.active.is_(active))
    if field:
        filters.append(volunteer.c.fields.any_() == field)
    return filters
