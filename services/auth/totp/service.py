"""TOTP second factor (RFC 6238: 6 digits, 30 s steps, SHA-1, as every authenticator app).

Enrolment stores the secret encrypted (it must be read back to check codes) and takes effect
only when confirmed with a code; confirmation hands out ten single-use recovery codes, stored
keyed-hashed. A code's time step works once (no replay within its window). Wrong codes are
throttled like wrong passwords (services/auth/tokens/throttle.py), per account.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyotp
from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.errors import InvalidTotpCode, TotpNotPending, UserNotFound
from services.auth.keys import secret_box
from services.auth.settings import AuthSettings
from services.auth.tokens import throttle
from services.auth.totp import repository as repo
from services.common.problem_types import texts

ISSUER_NAME = "Pakt"
RECOVERY_CODES = 10
TOTP_ROLES = frozenset({"admin", "approver"})  # AUTH_TOTP_REQUIRED makes it mandatory for them


@dataclass(frozen=True)
class Enrolment:
    """A pending enrolment: the secret to put into an authenticator app."""

    secret: str
    otpauth_uri: str


def required_for(user: Row[Any], settings: AuthSettings) -> bool:
    """True when this user must use a second factor (AUTH_TOTP_REQUIRED and a listed role)."""
    return settings.totp_required and not TOTP_ROLES.isdisjoint(user.roles)


def enrolled(user: Row[Any]) -> bool:
    return user.totp_confirmed_at is not None


def _recovery_hash(settings: AuthSettings, code: str) -> str:
    key = hashlib.sha256(settings.key_encryption_key.get_secret_value().encode()).digest()
    normalized = code.strip().lower().replace("-", "").replace(" ", "")
    return hmac.new(key, normalized.encode(), hashlib.sha256).hexdigest()


async def _account(session: AsyncSession, user_id: str) -> Row[Any]:
    user = await repo.get_account(session, user_id)
    if user is None or not user.active:
        raise UserNotFound(
            texts(
                "No active user with this id",
                "Kein aktiver Benutzer mit dieser ID",
            )
        )
    return user


async def begin(session: AsyncSession, settings: AuthSettings, user_id: str) -> Enrolment:
    """A new secret for the user, pending until confirmed; an enrolled user must confirm the
    new one too (the old one stays in force until then)."""
    user = await _account(session, user_id)
    secret = pyotp.random_base32()
    sealed = secret_box(settings).encrypt(secret.encode())
    values: dict[str, Any] = {"totp_secret_encrypted": sealed}
    if enrolled(user):  # re-enrolment: the confirmed factor is replaced only on confirmation
        values = {"totp_secret_encrypted": sealed, "totp_confirmed_at": None}
    await repo.set_totp(session, user_id, values)
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER_NAME)
    return Enrolment(secret, uri)


def _matching_step(secret: str, code: str, last_step: int | None) -> int | None:
    """The time step (now, or one before or after) whose code is `code`, if not used yet."""
    totp = pyotp.TOTP(secret)
    now = int(time.time()) // totp.interval
    for step in (now, now - 1, now + 1):
        if (last_step is None or step > last_step) and hmac.compare_digest(
            totp.at(step * totp.interval), code.strip()
        ):
            return step
    return None


async def _check(
    session: AsyncSession, settings: AuthSettings, user: Row[Any], code: str, *, recovery: bool
) -> bool:
    """Throttled check of a code; on success its step (or recovery code) is used up."""
    key = f"totp:{user.id}"
    await throttle.check(session, [key])
    secret = secret_box(settings).decrypt(bytes(user.totp_secret_encrypted)).decode()
    step = _matching_step(secret, code, user.totp_last_step)
    if step is not None:
        await repo.set_totp(session, str(user.id), {"totp_last_step": step})
    elif not (
        recovery
        and await repo.use_recovery_code(session, str(user.id), _recovery_hash(settings, code))
    ):
        await throttle.record_failure(session, settings, key, settings.login_free_attempts)
        return False
    await throttle.clear(session, key)
    return True


async def confirm(
    session: AsyncSession, settings: AuthSettings, user_id: str, code: str
) -> list[str]:
    """Confirms a pending enrolment with a current code; the new recovery codes."""
    user = await _account(session, user_id)
    if user.totp_secret_encrypted is None or enrolled(user):
        raise TotpNotPending(
            texts(
                "Start an enrolment first (POST /auth/v1/me/totp)",
                "Starten Sie zuerst eine Einrichtung (POST /auth/v1/me/totp)",
            )
        )
    if not await _check(session, settings, user, code, recovery=False):
        raise InvalidTotpCode(
            texts(
                "The code is wrong or expired; check the device's clock",
                "Der Code ist falsch oder abgelaufen; prüfen Sie die Uhr des Geräts",
            )
        )
    await repo.set_totp(session, user_id, {"totp_confirmed_at": datetime.now(UTC)})
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    await repo.replace_recovery_codes(
        session, user_id, [_recovery_hash(settings, c) for c in codes]
    )
    return codes


async def verify(session: AsyncSession, settings: AuthSettings, user_id: str, code: str) -> bool:
    """True when `code` is a current TOTP code or an unused recovery code of the user."""
    user = await _account(session, user_id)
    if not enrolled(user):
        return False
    return await _check(session, settings, user, code, recovery=True)


async def pending_enrolment(
    session: AsyncSession, settings: AuthSettings, user_id: str
) -> Enrolment:
    """The enrolment waiting for confirmation (to show it again after a wrong code)."""
    user = await _account(session, user_id)
    if user.totp_secret_encrypted is None or enrolled(user):
        raise TotpNotPending(
            texts(
                "No enrolment is waiting for confirmation",
                "Keine Einrichtung wartet auf Bestätigung",
            )
        )
    secret = secret_box(settings).decrypt(bytes(user.totp_secret_encrypted)).decode()
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER_NAME)
    return Enrolment(secret, uri)
