"""Signing keys: stored in the auth database, private halves encrypted with AUTH_KEY_ENCRYPTION_KEY.

A rotation publishes the new key at once but lets it sign only `key_publish_ahead_seconds`
later, so every verifier can have fetched it (JWKSCache refetches an unknown `kid` at most
every 10 s) before the first token naming it arrives. The previous key signs until then and
stays published until every token it signed has expired (access token lifetime + leeway).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from cryptography.fernet import Fernet
from cryptography.fernet import InvalidToken as InvalidFernetToken
from sqlalchemy import insert, or_, select, text, update
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.models import signing_key
from services.auth.settings import DEV_KEY_ENCRYPTION_KEY, AuthSettings
from services.common import jwt
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.outbox import emit
from services.common.sql import run

log = structlog.get_logger("pakt.auth.keys")
KEYS_LOCK = 0x70616B74  # advisory lock id: only one process creates or rotates keys at a time
ALL_AUDIENCE = "all"  # events every organization may read


class KeyDecryptionError(RuntimeError):
    """The configured key-encryption key does not open the stored signing keys."""


def _fernet(settings: AuthSettings) -> Fernet:
    secret = settings.key_encryption_key.get_secret_value()
    if secret == DEV_KEY_ENCRYPTION_KEY and settings.environment != "development":
        log.warning(
            "dev_key_encryption_key", detail="set AUTH_KEY_ENCRYPTION_KEY outside development"
        )
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


def secret_box(settings: AuthSettings) -> Fernet:
    """The cipher for secrets auth must read back (TOTP secrets), keyed like the signing keys."""
    return _fernet(settings)


def _publish_cutoff(settings: AuthSettings) -> datetime:
    grace = settings.access_token_ttl_seconds + min(settings.jwt_leeway_seconds, 60) + 60
    return datetime.now(UTC) - timedelta(seconds=grace)


async def _new_key(session: AsyncSession, settings: AuthSettings, activates_at: datetime) -> str:
    pem = await asyncio.to_thread(jwt.generate_private_key_pem, settings.rsa_key_bits)
    kid = jwt.new_kid()
    await run(
        session,
        insert(signing_key).values(
            kid=kid,
            private_key_encrypted=_fernet(settings).encrypt(pem.encode()),
            public_jwk=jwt.public_jwk(pem, kid),
            activates_at=activates_at,
        ),
    )
    return kid


async def ensure_signing_key(session: AsyncSession, settings: AuthSettings) -> bool:
    """Creates the first signing key when none is active; True when it made one."""
    await run(session, text("SELECT pg_advisory_xact_lock(:id)").bindparams(id=KEYS_LOCK))
    active = (
        await run(session, select(signing_key.c.kid).where(signing_key.c.retired_at.is_(None)))
    ).first()
    if active is not None:
        return False
    kid = await _new_key(session, settings, datetime.now(UTC))
    await record_audit(session, "system", "signing_key.created", "signing_key", kid)
    return True


async def rotate_signing_key(
    session: AsyncSession, settings: AuthSettings, actor: Principal | str
) -> tuple[str, datetime]:
    """Publishes a new key now that signs from the returned time on; the current key signs
    until then and stays published until its tokens have expired."""
    await run(session, text("SELECT pg_advisory_xact_lock(:id)").bindparams(id=KEYS_LOCK))
    old = (
        await run(session, select(signing_key.c.kid).where(signing_key.c.retired_at.is_(None)))
    ).first()
    activates_at = datetime.now(UTC) + timedelta(seconds=settings.key_publish_ahead_seconds)
    await run(
        session,
        update(signing_key)
        .where(signing_key.c.retired_at.is_(None))
        .values(retired_at=activates_at),
    )
    kid = await _new_key(session, settings, activates_at)
    details = {"previous_kid": old[0] if old else None, "activates_at": activates_at.isoformat()}
    await record_audit(session, actor, "signing_key.rotated", "signing_key", kid, details)
    await emit(session, "key.rotated", "signing_key", kid, [ALL_AUDIENCE], details)
    return kid, activates_at


async def published_keys(session: AsyncSession, settings: AuthSettings) -> list[dict[str, Any]]:
    """Public JWKs of the active key and of retired keys whose tokens may still be valid."""
    rows = await run(
        session,
        select(signing_key.c.public_jwk)
        .where(
            or_(
                signing_key.c.retired_at.is_(None),
                signing_key.c.retired_at > _publish_cutoff(settings),
            )
        )
        .order_by(signing_key.c.activates_at.desc()),
    )
    return [dict(r[0]) for r in rows.all()]


class KeyRing:
    """The auth app's keys: signs with the active key and resolves `kid`s for verification.

    Decrypted private keys and public JWKs are cached in memory; an unknown `kid` rereads the
    database at most once per `key_refresh_min_seconds`, and the cache is reread every minute
    so retired keys drop out.
    """

    def __init__(self, settings: AuthSettings, sessions: Callable[[], AsyncSession]) -> None:
        self._settings = settings
        self._sessions = sessions
        self._fernet = _fernet(settings)
        self._private: dict[str, str] = {}
        self._public: dict[str, dict[str, Any]] = {}
        self._loaded_at = float("-inf")
        self._lock = asyncio.Lock()

    async def signing_key(self, session: AsyncSession) -> tuple[str, str]:
        """(kid, private PEM) of the active key, read in the caller's transaction."""
        now = datetime.now(UTC)  # not the database's now(): that is the transaction's start
        row = (
            await run(
                session,
                select(
                    signing_key.c.kid, signing_key.c.private_key_encrypted, signing_key.c.public_jwk
                )
                .where(
                    signing_key.c.activates_at <= now,
                    or_(signing_key.c.retired_at.is_(None), signing_key.c.retired_at > now),
                )
                .order_by(signing_key.c.activates_at.desc())
                .limit(1),
            )
        ).first()
        if row is None:
            raise RuntimeError("no active signing key: the start-up hook creates one")
        kid = str(row.kid)
        if kid not in self._private:
            try:
                pem = self._fernet.decrypt(bytes(row.private_key_encrypted)).decode()
            except InvalidFernetToken as exc:
                raise KeyDecryptionError(
                    f"AUTH_KEY_ENCRYPTION_KEY cannot decrypt signing key {kid}: wrong key?"
                ) from exc
            self._private[kid] = pem
            self._public[kid] = dict(row.public_jwk)
        return kid, self._private[kid]

    async def _reload(self) -> None:
        async with self._lock:
            if time.monotonic() - self._loaded_at < self._settings.key_refresh_min_seconds:
                return
            async with self._sessions() as session:
                keys = await published_keys(session, self._settings)
            self._public = {k["kid"]: k for k in keys}
            self._loaded_at = time.monotonic()

    async def key_for(self, kid: str) -> dict[str, Any] | None:
        if kid not in self._public or time.monotonic() - self._loaded_at > 60:
            await self._reload()
        return self._public.get(kid)
