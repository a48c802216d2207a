"""Deterministic ids of seeded organizations, so every service can name them without a lookup."""

from __future__ import annotations

import uuid

PAKT_NAMESPACE = uuid.UUID("6f1c1c52-6b8e-4d1e-9a53-3c0b7c2f1a10")


def org_id_for_ags(ags: str) -> str:
    return str(uuid.uuid5(PAKT_NAMESPACE, f"ags:{ags}"))


def org_id_for_slug(slug: str) -> str:
    return str(uuid.uuid5(PAKT_NAMESPACE, f"org:{slug}"))


def user_id_for_username(username: str) -> str:
    """Ids of seeded demo users (token `sub`), so demo data in other services can name them."""
    return str(uuid.uuid5(PAKT_NAMESPACE, f"user:{username}"))
