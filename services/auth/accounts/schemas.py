"""Request and response bodies for users and API clients."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, SecretStr

from services.auth.directory.schemas import UUID_PATTERN
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
}


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


class ClientCreated(ClientRead):
    """The new client with its secret: store it now, it is shown only once."""

    model_config = with_examples(
        {**_CLIENT, "client_secret": "Jm3kV0b7yQ2xR8tN4pL6wE1sZ9aC5dF0gH2jK4lM6nP"}
    )

    client_secret: str = Field(description="Shown only in this response; stored hashed")


class ClientCreate(BaseModel):
    """A new machine client bound to one organization, with roles and scopes."""

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


class ClientUpdate(BaseModel):
    """Change name, roles, scopes, or (de)activate a client. Send If-Match."""

    model_config = with_examples({"active": False}, forbid_extra=True)

    name: str | None = Field(None, min_length=1, max_length=200)
    roles: list[Role] | None = Field(None, max_length=8)
    scopes: list[Scope] | None = Field(None, max_length=20)
    active: bool | None = None


class ClientSecret(BaseModel):
    """A freshly rotated client secret; the old one stops working at once."""

    model_config = with_examples(
        {"client_id": "kommunal-it-goeppingen", "client_secret": "q8VZ0m3l..."}
    )

    client_id: str
    client_secret: str
