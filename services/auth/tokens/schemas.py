"""Bodies of the OAuth2 endpoints (RFC 6749, 7009, 7662) and of /me."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from services.auth.directory.schemas import GOEPPINGEN, OrganizationRead
from services.common.schema_examples import with_examples

GRANT_TYPES = ("authorization_code", "refresh_token", "client_credentials", "password")


@dataclass(frozen=True)
class TokenForm:
    """The form fields of a token request (RFC 6749); which are needed depends on the grant."""

    grant_type: str | None
    username: str | None
    password: str | None
    refresh_token: str | None
    scope: str | None
    code: str | None = None
    redirect_uri: str | None = None
    code_verifier: str | None = None


@dataclass(frozen=True)
class ClientAuth:
    """How a request names its client (RFC 6749 section 2.3): a confidential client with its
    secret (HTTP Basic or form fields), a public client by `client_id` alone."""

    client_id: str
    secret: str | None
    via_header: bool = False  # HTTP Basic: a failure is answered with a Basic challenge


@dataclass(frozen=True)
class Login:
    """What an OpenID Connect login adds to the tokens of a user: the client, when the user
    authenticated, and the client's nonce (id_token only)."""

    client_id: str
    auth_time: int
    nonce: str | None = None


class TokenResponse(BaseModel):
    """RFC 6749 section 5.1 access token response."""

    model_config = with_examples(
        {
            "access_token": "eyJhbGciOiJSUzI1NiIsImtpZCI6IjNmMmE5YzE0YjdlZDQwMWEifQ...",
            "token_type": "Bearer",
            "expires_in": 900,
            "refresh_token": "kVb1xY3m0qN9...",
            "scope": "openid profile offline_access",
        }
    )

    access_token: str = Field(
        description="RS256 JWT; verify with the keys at /auth/.well-known/jwks.json"
    )
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 - the RFC 6750 type name
    expires_in: int = Field(description="Seconds until the access token expires")
    refresh_token: str | None = Field(
        None, description="Opaque, single use: each refresh returns a new one (user grants only)"
    )
    scope: str
    id_token: str | None = Field(
        None,
        description="OpenID Connect ID token (RS256 JWT, `aud` = client_id) when the scope has "
        "`openid` and a client asked for it (authorization code flow)",
    )


class Introspection(BaseModel):
    """RFC 7662 introspection response; only `active` is present for inactive tokens."""

    model_config = with_examples(
        {
            "active": True,
            "token_type": "access_token",
            "sub": "kommunal-it-goeppingen",
            "sub_type": "client",
            "client_id": "kommunal-it-goeppingen",
            "scope": "cases funding",
            "org": "312e6a4b-2565-5313-9398-3d1bdea2531d",
            "org_kind": "municipality",
            "org_path": ["08", "081", "08117", "08117019"],
            "roles": ["applicant", "case_worker"],
            "exp": 1795240800,
            "iat": 1795239900,
            "iss": "http://127.0.0.1:8080/auth",
            "aud": "pakt-api",
            "jti": "0f6c2d1e9b8a4c7d",
        },
        {"active": False},
    )

    active: bool
    token_type: Literal["access_token", "refresh_token"] | None = None
    sub: str | None = None
    sub_type: Literal["user", "client"] | None = None
    username: str | None = None
    client_id: str | None = None
    scope: str | None = None
    org: str | None = None
    org_kind: str | None = None
    org_path: list[str] | None = None
    roles: list[str] | None = None
    exp: int | None = None
    iat: int | None = None
    iss: str | None = None
    aud: str | None = None
    jti: str | None = None


class Me(BaseModel):
    """Who the access token speaks for, and its organization."""

    model_config = with_examples(
        {
            "sub": "9a0f5a8e-2f1c-4c55-8d8e-1b9a4c2f7e10",
            "sub_type": "user",
            "name": "cw.goeppingen",
            "username": "cw.goeppingen",
            "roles": ["case_worker"],
            "scope": "openid profile offline_access",
            "organization": GOEPPINGEN,
            "expires_at": 1795240800,
        }
    )

    sub: str
    sub_type: Literal["user", "client"]
    name: str = Field(description="The `name` claim: a user's login name, a client's name")
    username: str | None = Field(description="Login name of a user; null for clients")
    roles: list[str]
    scope: str
    organization: OrganizationRead
    expires_at: int = Field(description="Unix time when the access token expires")


class UserInfo(BaseModel):
    """OpenID Connect UserInfo (OIDC Core 5.3): the claims of the signed-in user."""

    model_config = with_examples(
        {
            "sub": "9a0f5a8e-2f1c-4c55-8d8e-1b9a4c2f7e10",
            "name": "cw.goeppingen",
            "preferred_username": "cw.goeppingen",
            "org": "312e6a4b-2565-5313-9398-3d1bdea2531d",
            "org_kind": "municipality",
            "org_path": ["08", "081", "08117", "08117019"],
            "roles": ["case_worker"],
        }
    )

    sub: str
    name: str = Field(description="The login name (no personal data beyond it)")
    preferred_username: str
    org: str
    org_kind: str
    org_path: list[str]
    roles: list[str]


class TotpEnrolment(BaseModel):
    """A pending TOTP enrolment: put the secret (or the otpauth URI, as a QR code) into an
    authenticator app, then confirm with a code."""

    model_config = with_examples(
        {
            "secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
            "otpauth_uri": "otpauth://totp/Pakt:cw.goeppingen?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Pakt",
        }
    )

    secret: str = Field(description="Base32 secret (RFC 6238, SHA-1, 6 digits, 30 s)")
    otpauth_uri: str


class TotpConfirmation(BaseModel):
    """A code from the authenticator app, confirming the pending enrolment."""

    model_config = with_examples({"code": "492039"}, forbid_extra=True)

    code: str = Field(pattern=r"^[0-9]{6}$")


class RecoveryCodeList(BaseModel):
    """Single-use codes for logins without the device; shown only once."""

    model_config = with_examples({"recovery_codes": ["3f9a1c-7be204", "0c5d2e-91aa7f"]})

    recovery_codes: list[str]
