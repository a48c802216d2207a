"""What is particular to consultations and referrals in SQL: their list filters.

Everything else about their rows is the generic row code of `items.repository`.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement

from services.cases.models import consultation, referral
from services.cases.vocab import Field_, ReferralStatus


def consultation_filters(field: Field_ | None) -> list[ColumnElement[bool]]:
    """Only consultations that discussed `field` (None: all)."""
    return [consultation.c.fields.any_() == field] if field else []


def referral_filters(status: ReferralStatus | None) -> list[ColumnElement[bool]]:
    """Only referrals in `status` (None: all)."""
    return [referral.c.status == status] if status else []
