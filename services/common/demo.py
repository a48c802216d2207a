"""Demo client secrets, derived so `pakt seed` and a development stack agree without a store.

`pakt seed` gives each demo API client the secret `demo_secret(AUTH_DEMO_SECRET_SEED, client_id)`;
in the development environment a service whose own client secret is not configured derives the
same one from the documented default seed. Never used outside development.
"""

from __future__ import annotations

import hashlib
import hmac
from base64 import urlsafe_b64encode

DEMO_SECRET_SEED = "pakt-demo-2026"  # noqa: S105 - documented default of AUTH_DEMO_SECRET_SEED


def demo_secret(seed: str, client_id: str) -> str:
    """A stable demo client secret, so `pakt seed` can print the same secret on every run."""
    digest = hmac.new(seed.encode(), f"client-secret:{client_id}".encode(), hashlib.sha256).digest()
    return urlsafe_b64encode(digest).rstrip(b"=").decode()
