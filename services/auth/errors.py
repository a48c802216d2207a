"""Problem types of the auth service.

OAuth2 endpoints (token, revoke, introspect) answer with problem documents that also carry
the RFC 6749 `error` and `error_description` members, so OAuth2 libraries and problem-aware
clients both understand them.
"""

from __future__ import annotations

from services.common.problems import Conflict, InvalidInput, NotFound, ProblemError, problem_type


class OAuthError(ProblemError):
    """An RFC 6749 section 5.2 error, served as an RFC 9457 problem."""

    type_ = problem_type("oauth-error")
    title = "OAuth2 request refused"
    status = 400
    error = "invalid_request"

    def __init__(self, description: str) -> None:
        super().__init__(description, error=self.error, error_description=description)
        self.headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}


class InvalidRequest(OAuthError):
    type_ = problem_type("oauth-invalid-request")
    title = "Invalid token request"
    error = "invalid_request"


class InvalidGrant(OAuthError):
    type_ = problem_type("oauth-invalid-grant")
    title = "Invalid grant"
    error = "invalid_grant"


class InvalidScope(OAuthError):
    type_ = problem_type("oauth-invalid-scope")
    title = "Invalid scope"
    error = "invalid_scope"


class UnsupportedGrantType(OAuthError):
    type_ = problem_type("oauth-unsupported-grant-type")
    title = "Unsupported grant type"
    error = "unsupported_grant_type"


class UnsupportedTokenType(OAuthError):
    type_ = problem_type("oauth-unsupported-token-type")
    title = "Unsupported token type"
    error = "unsupported_token_type"


class InvalidClient(OAuthError):
    """Client authentication failed (RFC 6749: 401 with a Basic challenge)."""

    type_ = problem_type("oauth-invalid-client")
    title = "Client authentication failed"
    status = 401
    error = "invalid_client"

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.headers = {**(self.headers or {}), "WWW-Authenticate": 'Basic realm="pakt"'}


class TooManyAttempts(OAuthError):
    """Login throttling: too many failed attempts for this account or address."""

    type_ = problem_type("too-many-login-attempts")
    title = "Too many failed login attempts"
    status = 429
    error = "temporarily_unavailable"

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"Too many failed attempts; try again in {retry_after} seconds")
        self.extensions["retry_after"] = retry_after
        self.headers = {**(self.headers or {}), "Retry-After": str(retry_after)}


class OrganizationNotFound(NotFound):
    type_ = problem_type("organization-not-found")
    title = "Organization not found"


class UserNotFound(NotFound):
    type_ = problem_type("user-not-found")
    title = "User not found"


class ClientNotFound(NotFound):
    type_ = problem_type("client-not-found")
    title = "API client not found"


class DuplicateOrganization(Conflict):
    type_ = problem_type("duplicate-organization")
    title = "An organization with this key already exists"


class DuplicateUsername(Conflict):
    type_ = problem_type("duplicate-username")
    title = "The username is taken"


class DuplicateClientId(Conflict):
    type_ = problem_type("duplicate-client-id")
    title = "The client id is taken"


class InvalidHierarchy(InvalidInput):
    type_ = problem_type("invalid-organization-hierarchy")
    title = "The organization does not fit the hierarchy"


class WeakPassword(InvalidInput):
    type_ = problem_type("weak-password")
    title = "The password does not meet the policy"


class RoleNotGrantable(ProblemError):
    type_ = problem_type("role-not-grantable")
    title = "You may not grant this role"
    status = 403


class InvalidCsv(InvalidInput):
    type_ = problem_type("invalid-csv")
    title = "The CSV file cannot be read"
