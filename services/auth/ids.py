"""Identifiers that arrive from outside (token subjects, path values) before they meet SQL."""

from __future__ import annotations

import uuid


def is_uuid(value: str) -> bool:
    """True for a UUID string: ids from tokens are checked before they reach a uuid column.

    A client's token names its `client_id` as subject, so an id is not always a UUID, and
    PostgreSQL refuses a non-UUID text for a uuid column with an error, not an empty result.
    """
    try:
        uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
