"""Problem types of the auth service.

OAuth2 endpoints (token, revoke, introspect) answer with problem documents that also carry
the RFC 6749 `error` and `error_description` members, so OAuth2 libraries and problem-aware
clients both understand them.
"""

from __future__ import annotations

from services.common.problems import Conflict, InvalidInput, NotFound, ProblemError


class OAuthError(ProblemError, slug="oauth-error", title="OAuth2 request refused", status=400):
    """An RFC 6749 section 5.2 error, served as an RFC 9457 problem."""

    error = "invalid_request"

    def __init__(self, description: str) -> None:
        super().__init__(description, error=self.error, error_description=description)
        self.headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class InvalidRequest(OAuthError, slug="oauth-invalid-request", title="Invalid token request"):
    error = "invalid_request"


class InvalidGrant(OAuthError, slug="oauth-invalid-grant", title="Invalid grant"):
    error = "invalid_grant"


class InvalidScope(OAuthError, slug="oauth-invalid-scope", title="Invalid scope"):
    error = "invalid_scope"


class UnsupportedGrantType(
    OAuthError, slug="oauth-unsupported-grant-type", title="Unsupported grant type"
):
    error = "unsupported_grant_type"


class UnsupportedTokenType(
    OAuthError, slug="oauth-unsupported-token-type", title="Unsupported token type"
):
    error = "unsupported_token_type"


class InvalidClient(
    OAuthError, slug="oauth-invalid-client", title="Client authentication failed", status=401
):
    """Client authentication failed (RFC 6749: 401 with a Basic challenge)."""

    error = "invalid_client"

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.headers = {**(self.headers or {}), "WWW-Authenticate": 'Basic realm="pakt"'}


class TooManyAttempts(
    OAuthError, slug="too-many-login-attempts", title="Too many failed login attempts", status=429
):
    """Login throttling: too many failed attempts for this account or address."""

    error = "temporarily_unavailable"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed attempts; try again in {retry_after} seconds")
        self.extensions["retry_after"] = retry_after
        self.headers = {**(self.headers or {}), "Retry-After": str(retry_after)}


class OrganizationNotFound(NotFound, slug="organization-not-found", title="Organization not found"):
    pass


class UserNotFound(NotFound, slug="user-not-found", title="User not found"):
    pass


class ClientNotFound(NotFound, slug="client-not-found", title="API client not found"):
    pass


class DuplicateOrganization(
    Conflict, slug="duplicate-organization", title="An organization with this key already exists"
):
    pass


class DuplicateUsername(Conflict, slug="duplicate-username", title="The username is taken"):
    pass


class DuplicateClientId(Conflict, slug="duplicate-client-id", title="The client id is taken"):
    pass


class InvalidHierarchy(
    InvalidInput,
    slug="invalid-organization-hierarchy",
    title="The organization does not fit the hierarchy",
):
    pass


class WeakPassword(
    InvalidInput, slug="weak-password", title="The password does not meet the policy"
):
    pass


class RoleNotGrantable(
    ProblemError, slug="role-not-grantable", title="You may not grant this role", status=403
):
    pass


class InvalidCsv(InvalidInput, slug="invalid-csv", title="The CSV file cannot be read"):
    pass
