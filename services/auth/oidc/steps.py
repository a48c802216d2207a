"""The login page's state between its steps (password, then TOTP or TOTP enrolment).

No server-side login session: after the password step the page carries a short-lived token,
MAC'd with a key derived from AUTH_KEY_ENCRYPTION_KEY, naming the user, the client and when
the password was checked. It proves the password step only; every step checks the
authorization request again, and a TOTP code is still needed on top.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from services.auth.settings import AuthSettings

STEP_SECONDS = 300  # time to type the code after the password
_PURPOSE = b"pakt-login-step"


@dataclass(frozen=True)
class PendingLogin:
    """A user who passed the password step for a client; `stage` says what comes next."""

    user_id: str
    client_id: str
    auth_time: int
    stage: str  # "totp", "enrol" or "done" (enrolment confirmed, recovery codes shown)


def _mac(settings: AuthSettings, body: bytes) -> str:
    key = hashlib.sha256(settings.key_encryption_key.get_secret_value().encode() + _PURPOSE)
    return hmac.new(key.digest(), body, hashlib.sha256).hexdigest()


def seal(settings: AuthSettings, pending: PendingLogin) -> str:
    payload = {**pending.__dict__, "exp": int(time.time()) + STEP_SECONDS}
    body = base64.urlsafe_b64encode(json.dumps(payload, sort_keys=True).encode())
    return f"{body.decode()}.{_mac(settings, body)}"


def unseal(settings: AuthSettings, token: str, client_id: str) -> PendingLogin | None:
    """The pending login of `token` for `client_id`, or None (forged, expired, other client)."""
    body, _, mac = token.encode()[:2048].partition(b".")
    if not hmac.compare_digest(_mac(settings, body).encode(), mac):
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(body))
        exp = int(payload.pop("exp"))
        pending = PendingLogin(**payload)
    except (ValueError, TypeError, KeyError):
        return None
    if exp < time.time() or pending.client_id != client_id:
        return None
    return pending
