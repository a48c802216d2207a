"""Which grant a client may use: what it is registered for, and the password grant's limits."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from services.auth.errors import UnauthorizedClient, UnsupportedGrantType
from services.auth.settings import AuthSettings
from services.common.problem_types import texts


def check_grant_allowed(grant: str, client: Row[Any] | None, settings: AuthSettings) -> None:
    """Refuses a grant the client is not registered for, and the password grant where it is
    switched off or the client is public (RFC 9700: never for browser apps)."""
    if grant == "password":
        if not settings.password_grant_allowed:
            raise UnsupportedGrantType(
                texts(
                    "The password grant is switched off here; log users in with the authorization "
                    "code flow (/auth/v1/authorize)",
                    "Der Password-Grant ist hier abgeschaltet; melden Sie Benutzer mit dem "
                    "Authorization-Code-Flow an (/auth/v1/authorize)",
                )
            )
        if client is not None and client.client_type == "public":
            raise UnauthorizedClient(
                texts(
                    "Public clients may not use the password grant",
                    "Öffentliche Clients dürfen den Password-Grant nicht verwenden",
                )
            )
        return
    if client is None or grant in client.grant_types:
        return
    # confidential clients keep the refresh grant of logins made before grants were registered
    if grant in ("authorization_code", "client_credentials") or client.client_type == "public":
        raise UnauthorizedClient(
            texts(
                f"This client is not registered for {grant}",
                f"Dieser Client ist für {grant} nicht registriert",
            )
        )
