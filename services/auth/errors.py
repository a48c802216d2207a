"""Problem types of the auth service.

OAuth2 endpoints (token, revoke, introspect) answer with problem documents that also carry
the RFC 6749 `error` and `error_description` members, so OAuth2 libraries and problem-aware
clients both understand them.
"""

from __future__ import annotations

from services.common.problems import Conflict, InvalidInput, NotFound, ProblemError


class OAuthError(
    ProblemError,
    slug="oauth-error",
    title="OAuth2 request refused",
    title_de="OAuth2-Anfrage abgelehnt",
    status=400,
):
    """An RFC 6749 section 5.2 error, served as an RFC 9457 problem."""

    error = "invalid_request"

    def __init__(self, description: str) -> None:
        super().__init__(description, error=self.error, error_description=description)
        self.headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class InvalidRequest(
    OAuthError,
    slug="oauth-invalid-request",
    title="Invalid token request",
    title_de="Ungültige Token-Anfrage",
):
    error = "invalid_request"


class InvalidGrant(
    OAuthError,
    slug="oauth-invalid-grant",
    title="Invalid grant",
    title_de="Ungültige Berechtigung (Grant)",
):
    error = "invalid_grant"


class InvalidScope(
    OAuthError, slug="oauth-invalid-scope", title="Invalid scope", title_de="Ungültiger Scope"
):
    error = "invalid_scope"


class UnsupportedGrantType(
    OAuthError,
    slug="oauth-unsupported-grant-type",
    title="Unsupported grant type",
    title_de="Grant-Typ nicht unterstützt",
):
    error = "unsupported_grant_type"


class UnauthorizedClient(
    OAuthError,
    slug="oauth-unauthorized-client",
    title="Client not allowed this grant",
    title_de="Client für diesen Grant nicht zugelassen",
):
    error = "unauthorized_client"


class UnsupportedTokenType(
    OAuthError,
    slug="oauth-unsupported-token-type",
    title="Unsupported token type",
    title_de="Token-Typ nicht unterstützt",
):
    error = "unsupported_token_type"


class InvalidClient(
    OAuthError,
    slug="oauth-invalid-client",
    title="Client authentication failed",
    title_de="Client-Authentifizierung fehlgeschlagen",
    status=401,
):
    """Client authentication failed: 401, with a Basic challenge only when the client tried
    HTTP Basic (RFC 6749 section 5.2). A browser's empty Basic header (Swagger UI sends
    `Basic Og==`) counts as no authentication, so no native login dialog ever pops up."""

    error = "invalid_client"

    def __init__(self, description: str, *, challenge: bool = False) -> None:
        super().__init__(description)
        if challenge:
            self.headers = {**(self.headers or {}), "WWW-Authenticate": 'Basic realm="pakt"'}


class TooManyAttempts(
    OAuthError,
    slug="too-many-login-attempts",
    title="Too many failed login attempts",
    title_de="Zu viele fehlgeschlagene Anmeldeversuche",
    status=429,
):
    """Login throttling: too many failed attempts for this account or address."""

    error = "temporarily_unavailable"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed attempts; try again in {retry_after} seconds")
        self.extensions["retry_after"] = retry_after
        self.headers = {**(self.headers or {}), "Retry-After": str(retry_after)}


class OrganizationNotFound(
    NotFound,
    slug="organization-not-found",
    title="Organization not found",
    title_de="Organisation nicht gefunden",
):
    pass


class UserNotFound(
    NotFound, slug="user-not-found", title="User not found", title_de="Benutzer nicht gefunden"
):
    pass


class ClientNotFound(
    NotFound,
    slug="client-not-found",
    title="API client not found",
    title_de="API-Client nicht gefunden",
):
    pass


class DuplicateOrganization(
    Conflict,
    slug="duplicate-organization",
    title="An organization with this key already exists",
    title_de="Eine Organisation mit diesem Schlüssel gibt es schon",
):
    pass


class DuplicateUsername(
    Conflict,
    slug="duplicate-username",
    title="The username is taken",
    title_de="Der Benutzername ist vergeben",
):
    pass


class DuplicateClientId(
    Conflict,
    slug="duplicate-client-id",
    title="The client id is taken",
    title_de="Die Client-ID ist vergeben",
):
    pass


class InvalidHierarchy(
    InvalidInput,
    slug="invalid-organization-hierarchy",
    title="The organization does not fit the hierarchy",
    title_de="Die Organisation passt nicht in die Hierarchie",
):
    pass


class WeakPassword(
    InvalidInput,
    slug="weak-password",
    title="The password does not meet the policy",
    title_de="Das Passwort erfüllt die Vorgaben nicht",
):
    pass


class InvalidClientSetup(
    InvalidInput,
    slug="invalid-client-setup",
    title="The client's type, grants and URIs do not fit",
    title_de="Typ, Grants und URIs des Clients passen nicht zusammen",
):
    pass


class InvalidTotpCode(
    InvalidInput,
    slug="invalid-totp-code",
    title="The one-time code is not valid",
    title_de="Der Einmalcode ist ungültig",
):
    pass


class TotpNotPending(
    Conflict,
    slug="totp-not-pending",
    title="No TOTP enrolment to confirm",
    title_de="Keine TOTP-Einrichtung zu bestätigen",
):
    pass


class RoleNotGrantable(
    ProblemError,
    slug="role-not-grantable",
    title="You may not grant this role",
    title_de="Diese Rolle dürfen Sie nicht vergeben",
    status=403,
):
    pass
