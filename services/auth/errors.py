"""Problem types of the auth service.

OAuth2 endpoints (token, revoke, introspect) answer with problem documents that also carry
the RFC 6749 `error` and `error_description` members, so OAuth2 libraries and problem-aware
clients both understand them.
"""

from __future__ import annotations

from services.common.problem_types import Texts, texts
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

    def __init__(self, description: str | Texts) -> None:
        # RFC 6749 allows only ASCII in error_description: it stays English, `detail` follows
        # Accept-Language
        english = description if isinstance(description, str) else description.pick("en")[0]
        super().__init__(description, error=self.error, error_description=english)
        self.headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class InvalidRequest(
    OAuthError,
    slug="oauth-invalid-request",
    title="Invalid token request",
    title_de="Ungültige Token-Anfrage",
):
    """A token request that misses a required parameter or mixes the parameters of different
    grants (RFC 6749 `invalid_request`); the detail names what is wrong."""

    error = "invalid_request"


class InvalidGrant(
    OAuthError,
    slug="oauth-invalid-grant",
    title="Invalid grant",
    title_de="Ungültige Berechtigung (Grant)",
):
    """The credentials of the grant do not hold: a wrong username or password, an authorization
    code or refresh token that is invalid, used, expired or another client's, a PKCE verifier that
    does not match (RFC 6749 `invalid_grant`); start the login again."""

    error = "invalid_grant"


class InvalidScope(
    OAuthError, slug="oauth-invalid-scope", title="Invalid scope", title_de="Ungültiger Scope"
):
    """The token request asks for scopes the client or user may not have (RFC 6749
    `invalid_scope`); the detail lists them."""

    error = "invalid_scope"


class UnsupportedGrantType(
    OAuthError,
    slug="oauth-unsupported-grant-type",
    title="Unsupported grant type",
    title_de="Grant-Typ nicht unterstützt",
):
    """The token endpoint does not offer this grant_type here (or the password grant is switched
    off in this environment); the detail lists the grant types it supports."""

    error = "unsupported_grant_type"


class UnauthorizedClient(
    OAuthError,
    slug="oauth-unauthorized-client",
    title="Client not allowed this grant",
    title_de="Client für diesen Grant nicht zugelassen",
):
    """The client is not registered for this grant type (public clients never use the password
    grant); register the grant for the client or use another flow."""

    error = "unauthorized_client"


class UnsupportedTokenType(
    OAuthError,
    slug="oauth-unsupported-token-type",
    title="Unsupported token type",
    title_de="Token-Typ nicht unterstützt",
):
    """Revoking a token of a type the server does not revoke (RFC 7009
    `unsupported_token_type`)."""

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

    def __init__(self, description: str | Texts, *, challenge: bool = False) -> None:
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
        super().__init__(
            texts(
                f"Too many failed attempts; try again in {retry_after} seconds",
                f"Zu viele fehlgeschlagene Versuche; versuchen Sie es in {retry_after} Sekunden "
                "erneut",
            )
        )
        self.extensions["retry_after"] = retry_after
        self.headers = {**(self.headers or {}), "Retry-After": str(retry_after)}


class OrganizationNotFound(
    NotFound,
    slug="organization-not-found",
    title="Organization not found",
    title_de="Organisation nicht gefunden",
):
    """No organization with this id in the directory (or a parent named in a create that does not
    exist)."""


class UserNotFound(
    NotFound, slug="user-not-found", title="User not found", title_de="Benutzer nicht gefunden"
):
    """No user with this id (or, for an org_admin, none in its own organization); TOTP steps also
    answer it for an inactive user."""


class ClientNotFound(
    NotFound,
    slug="client-not-found",
    title="API client not found",
    title_de="API-Client nicht gefunden",
):
    """No API client with this id (or, for an org_admin, none in its own organization)."""


class DuplicateOrganization(
    Conflict,
    slug="duplicate-organization",
    title="An organization with this key already exists",
    title_de="Eine Organisation mit diesem Schlüssel gibt es schon",
):
    """Creating an organization whose AGS key or identity the directory already holds; read the
    existing one instead."""


class DuplicateUsername(
    Conflict,
    slug="duplicate-username",
    title="The username is taken",
    title_de="Der Benutzername ist vergeben",
):
    """Creating or renaming a user to a username another user has; usernames are unique across the
    platform."""


class DuplicateClientId(
    Conflict,
    slug="duplicate-client-id",
    title="The client id is taken",
    title_de="Die Client-ID ist vergeben",
):
    """Creating an API client with a client_id another client has; choose another one."""


class InvalidHierarchy(
    InvalidInput,
    slug="invalid-organization-hierarchy",
    title="The organization does not fit the hierarchy",
    title_de="Die Organisation passt nicht in die Hierarchie",
):
    """The organization's kind, parent, AGS key or members do not fit the directory's hierarchy
    (state, region, district, municipality; members only for a consortium); the detail says which
    rule."""


class WeakPassword(
    InvalidInput,
    slug="weak-password",
    title="The password does not meet the policy",
    title_de="Das Passwort erfüllt die Vorgaben nicht",
):
    """The new password is too short, too long, contains the username or is too easy to guess; the
    detail says which."""


class InvalidClientSetup(
    InvalidInput,
    slug="invalid-client-setup",
    title="The client's type, grants and URIs do not fit",
    title_de="Typ, Grants und URIs des Clients passen nicht zusammen",
):
    """The client's type, grant types and redirect URIs do not fit together (a public client without
    a secret, an authorization_code grant without a redirect URI); the detail lists what to
    change."""


class InvalidTotpCode(
    InvalidInput,
    slug="invalid-totp-code",
    title="The one-time code is not valid",
    title_de="Der Einmalcode ist ungültig",
):
    """The one-time code sent to confirm a TOTP enrolment is wrong or expired; check the
    authenticator device's clock and send a fresh code."""


class TotpNotPending(
    Conflict,
    slug="totp-not-pending",
    title="No TOTP enrolment to confirm",
    title_de="Keine TOTP-Einrichtung zu bestätigen",
):
    """Confirming a TOTP enrolment that was never started (or is already confirmed); start one with
    POST /auth/v1/me/totp first."""


class RoleNotGrantable(
    ProblemError,
    slug="role-not-grantable",
    title="You may not grant this role",
    title_de="Diese Rolle dürfen Sie nicht vergeben",
    status=403,
):
    """Granting or removing a role the caller may not hand out: only an admin grants or removes the
    admin role."""
