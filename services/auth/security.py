"""Secrets: argon2 password hashes, the password policy, opaque tokens and client secrets."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import ipaddress
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from services.auth.errors import WeakPassword
from services.auth.settings import AuthSettings
from services.common.demo import demo_secret as demo_secret  # re-exported
from services.common.problem_types import texts

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 128
_COMMON = frozenset(
    {
        "password1234",
        "passwort1234",
        "123456789012",
        "qwertzuiop12",
        "administrator",
        "letmein12345",
    }
)


class Passwords:
    """argon2id hashing; unknown users are checked against a dummy hash so timing matches."""

    def __init__(self, settings: AuthSettings) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    async def hash_async(self, password: str) -> str:
        return await asyncio.to_thread(self._hasher.hash, password)

    def needs_rehash(self, stored: str) -> bool:
        """True when `stored` was hashed with other parameters than the current ones."""
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True

    def _verify(self, stored: str | None, password: str) -> bool:
        try:
            return self._hasher.verify(stored or self._dummy, password) and stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    async def verify(self, stored: str | None, password: str) -> bool:
        """True when `password` matches `stored`; with `stored=None` spends the same time, False."""
        return await asyncio.to_thread(self._verify, stored, password)


def check_password_policy(password: str, username: str) -> None:
    """Raises WeakPassword unless the password is long enough and not built on the username."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            texts(
                f"Use at least {MIN_PASSWORD_LENGTH} characters",
                f"Verwenden Sie mindestens {MIN_PASSWORD_LENGTH} Zeichen",
            )
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPassword(
            texts(
                f"Use at most {MAX_PASSWORD_LENGTH} characters",
                f"Verwenden Sie höchstens {MAX_PASSWORD_LENGTH} Zeichen",
            )
        )
    lowered = password.lower()
    if username and username.lower() in lowered:
        raise WeakPassword(
            texts(
                "The password must not contain the username",
                "Das Passwort darf den Benutzernamen nicht enthalten",
            )
        )
    if lowered in _COMMON or len(set(password)) < 4:
        raise WeakPassword(
            texts(
                "The password is too easy to guess",
                "Das Passwort ist zu leicht zu erraten",
            )
        )


def new_opaque_token() -> str:
    """256 random bits, URL-safe: refresh tokens and client secrets."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Lookup hash of a high-entropy token (fast hashing is safe for 256 random bits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def secret_matches(stored_hash: str | None, secret: str) -> bool:
    return (
        hmac.compare_digest(stored_hash or "0" * 64, token_hash(secret)) and stored_hash is not None
    )


def client_ip(peer: str | None, headers: dict[str, str], trusted: list[str]) -> str:
    """The caller's address: the gateway's X-Real-IP / left-most X-Forwarded-For when the peer
    is a trusted proxy, else the peer itself."""
    address = peer or "unknown"
    if peer in trusted:
        forwarded = headers.get("x-real-ip") or headers.get("x-forwarded-for", "").split(",")[0]
        candidate = forwarded.strip()[:64]
        with contextlib.suppress(ValueError):
            address = str(ipaddress.ip_address(candidate))
    return address
