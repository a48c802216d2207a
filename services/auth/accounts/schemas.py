"""Request and response bodies for users and API clients."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, SecretStr, model_validator

from services.auth.accounts.redirects import MAX_URIS, check_redirect_uris
from services.auth.directory.schemas import UUID_PATTERN
from services.common.problem_types import Texts, texts
from services.common.schema_examples import with_examples

Role = Literal[
    "case_worker",
    "applicant",
    "district_reviewer",
    "approver",
    "analyst",
    "privacy_officer",
    "org_admin",
    "admin",
]
Scope = Annotated[str, Field(pattern=r"^[a-z][a-z0-9:._-]{0,63}$")]
ClientType = Literal["confidential", "public"]
GrantType = Literal["authorization_code", "refresh_token", "client_credentials", "password"]
PUBLIC_GRANTS = frozenset({"authorization_code", "refresh_token"})
REDIRECT_URI_PATTERN = (
    r"^(https://[A-Za-z0-9.-]+|http://(127\.0\.0\.1|localhost|\[::1\]))(:[0-9]{1,4})?"
    r"(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$"
)
RedirectUris = Annotated[
    # the pattern is documented, the validator enforces it with messages saying what is wrong
    list[
        Annotated[str, Field(max_length=512, json_schema_extra={"pattern": REDIRECT_URI_PATTERN})]
    ],
    Field(max_length=MAX_URIS),
    AfterValidator(check_redirect_uris),
]
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,63}$"
CLIENT_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,63}$"
GOEPPINGEN_ID = "312e6a4b-2565-5313-9398-3d1bdea2531d"
_TS = "2026-11-21T05:30:00+00:00"


@dataclass(frozen=True)
class AccountFilter:
    """What a list of users or API clients is narrowed to (both filters apply when given)."""

    organization_id: str | None
    active: bool | None


class UserRead(BaseModel):
    """A user account; never shows the password hash."""

    model_config = with_examples(
        {
            "id": "9a0f5a8e-2f1c-4c55-8d8e-1b9a4c2f7e10",
            "username": "cw.goeppingen",
            "display_name": "Integrationsmanagement Göppingen",
            "organization_id": GOEPPINGEN_ID,
            "roles": ["case_worker"],
            "active": True,
            "created_at": _TS,
            "updated_at": _TS,
            "deactivated_at": None,
        }
    )

    id: str
    username: str
    display_name: str
    organization_id: str
    roles: list[Role]
    active: bool
    created_at: datetime
    updated_at: datetime
    deactivated_at: datetime | None


class UserCreate(BaseModel):
    """A new user of one organization; the password has 12-128 characters, without the username."""

    model_config = with_examples(
        {
            "username": "cw2.goeppingen",
            "display_name": "Integrationsmanagement Göppingen 2",
            "organization_id": GOEPPINGEN_ID,
            "roles": ["case_worker"],
            "password": "Lindenallee-17-Fils",
        },
        forbid_extra=True,
    )

    username: str = Field(
        pattern=USERNAME_PATTERN, description="Lower case login name, 3-64 characters"
    )
    display_name: str | None = Field(None, min_length=1, max_length=200)
    organization_id: str = Field(pattern=UUID_PATTERN)
    roles: list[Role] = Field(min_length=1, max_length=8)
    password: SecretStr = Field(min_length=1, max_length=128)


class UserUpdate(BaseModel):
    """Change roles, the display name or the password, or (de)activate. Send If-Match.

    Deactivating stops every refresh token of the user at once; access tokens already issued
    run out within their lifetime (15 minutes by default).
    """

    model_config = with_examples({"active": False}, forbid_extra=True)

    display_name: str | None = Field(None, min_length=1, max_length=200)
    roles: list[Role] | None = Field(None, min_length=1, max_length=8)
    active: bool | None = None
    password: SecretStr | None = Field(None, min_length=1, max_length=128)


_CLIENT: dict[str, Any] = {
    "id": "4c1d7f0e-8a43-4e7b-9b1f-0d2e3c4b5a69",
    "client_id": "kommunal-it-goeppingen",
    "name": "Fachverfahren Stadt Göppingen",
    "organization_id": GOEPPINGEN_ID,
    "roles": ["applicant", "case_worker"],
    "scopes": ["cases", "funding"],
    "active": True,
    "created_at": _TS,
    "updated_at": _TS,
    "secret_rotated_at": None,
    "client_type": "confidential",
    "redirect_uris": [],
    "post_logout_redirect_uris": [],
    "grant_types": ["client_credentials"],
}


def _machine_grants() -> list[GrantType]:
    return ["client_credentials"]


def check_client_shape(
    client_type: str, grant_types: Sequence[str], redirect_uris: Sequence[str]
) -> list[Texts]:
    """What is wrong with this combination of type, grants and redirect URIs (empty: fine)."""
    wrong = []
    if client_type == "public" and not set(grant_types) <= PUBLIC_GRANTS:
        wrong.append(
            texts(
                "A public client (no secret) may use only authorization_code and refresh_token",
                "Ein öffentlicher Client (ohne Secret) darf nur authorization_code und "
                "refresh_token verwenden",
            )
        )
    if "authorization_code" in grant_types and not redirect_uris:
        wrong.append(
            texts(
                "The authorization_code grant needs at least one redirect URI",
                "Der Grant authorization_code braucht mindestens eine Redirect-URI",
            )
        )
    return wrong


class ClientRead(BaseModel):
    """A machine client (municipal IT, batch approval); its secret is never shown again."""

    model_config = with_examples(_CLIENT)

    id: str
    client_id: str
    name: str
    organization_id: str
    roles: list[Role]
    scopes: list[str]
    active: bool
    created_at: datetime
    updated_at: datetime
    secret_rotated_at: datetime | None
    client_type: ClientType
    redirect_uris: list[str]
    post_logout_redirect_uris: list[str]
    grant_types: list[GrantType]


class ClientCreated(ClientRead):
    """The new client with its secret: store it now, it is shown only once."""

    model_config = with_examples(
        {**_CLIENT, "client_secret": "Jm3kV0b7yQ2xR8tN4pL6wE1sZ9aC5dF0gH2jK4lM6nP"}
    )

    client_secret: str | None = Field(
        description="Shown only in this response; stored hashed. Public clients have none"
    )


class ClientCreate(BaseModel):
    """A new client bound to one organization: a machine client (confidential, client
    credentials, with roles and scopes) or a frontend logging people in (authorization code
    with PKCE; `public` for browser apps, which get no secret)."""

    model_config = with_examples(
        {
            "client_id": "kommunal-it-goeppingen-test",
            "name": "Fachverfahren Göppingen (Testsystem)",
            "organization_id": GOEPPINGEN_ID,
            "roles": ["applicant"],
            "scopes": ["funding"],
        },
        forbid_extra=True,
    )

    client_id: str = Field(pattern=CLIENT_ID_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    organization_id: str = Field(pattern=UUID_PATTERN)
    roles: list[Role] = Field(
        max_length=8, description="None for a service client that acts by its scopes only"
    )
    scopes: list[Scope] = Field(default_factory=list, max_length=20)
    client_type: ClientType = "confidential"
    redirect_uris: RedirectUris = Field(
        default_factory=list,
        description="Where the login page may send the user back, compared exactly: https, "
        "or http for loopback hosts only; no fragment",
    )
    post_logout_redirect_uris: RedirectUris = Field(
        default_factory=list, description="Where logout may send the user back (same rules)"
    )
    grant_types: list[GrantType] = Field(
        default_factory=_machine_grants, min_length=1, max_length=4
    )

    @model_validator(mode="after")
    def _consistent(self) -> ClientCreate:
        wrong = check_client_shape(self.client_type, self.grant_types, self.redirect_uris)
        if wrong:
            # a validator's message surfaces as errors[].message, which stays English (ADR 0014)
            raise ValueError("; ".join(w.pick("en")[0] for w in wrong))
        return self


class ClientUpdate(BaseModel):
    """Change name, roles, scopes, redirect URIs, grants, or (de)activate a client. Send
    If-Match. The type of a client does not change."""

    model_config = with_examples({"active": False}, forbid_extra=True)

    name: str | None = Field(None, min_length=1, max_length=200)
    roles: list[Role] | None = Field(None, max_length=8)
    scopes: list[Scope] | None = Field(None, max_length=20)
    active: bool | None = None
    redirect_uris: RedirectUris | None = None
    post_logout_redirect_uris: RedirectUris | None = None
    grant_types: list[GrantType] | None = Field(None, min_length=1, max_length=4)


class ClientSecret(BaseModel):
    """A freshly rotated client secret; the old one stops working at once."""

    model_config = with_examples(
        {"client_id": "kommunal-it-goeppingen", "client_secret": "q8VZ0m3l..."}
    )

    client_id: str
    client_secret: str
