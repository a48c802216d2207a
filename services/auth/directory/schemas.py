"""Request and response bodies of the organizations directory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from services.common.schema_examples import with_examples

OrgKind = Literal[
    "state",
    "region",
    "rural_district",
    "urban_district",
    "municipality",
    "consortium",
    "provider",
    "ministry",
    "platform",
]
AGS_PATTERN = r"^08(\d|\d{3}|\d{6})?$"
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

GOEPPINGEN: dict[str, Any] = {
    "id": "312e6a4b-2565-5313-9398-3d1bdea2531d",
    "kind": "municipality",
    "name": "Göppingen",
    "ags": "08117019",
    "parent_id": "91360db8-4032-539a-9b1b-77cfc66b9bcc",
    "org_path": ["08", "081", "08117", "08117019"],
    "key_verified": True,
    "member_ids": [],
    "created_at": "2026-11-21T05:30:00+00:00",
    "updated_at": "2026-11-21T05:30:00+00:00",
}


@dataclass(frozen=True)
class OrgFilter:
    """What a directory listing is narrowed to (all given filters apply)."""

    kind: str | None
    parent_id: str | None
    name_prefix: str | None
    ags_prefix: str | None


class OrganizationRead(BaseModel):
    """One organization of the directory."""

    model_config = with_examples(GOEPPINGEN)

    id: str = Field(description="Stable id; uuid5 of the AGS for organizations that have one")
    kind: OrgKind
    name: str
    ags: str | None = Field(
        description="Official key (AGS): state 2, region 3, district 5, municipality 8 digits"
    )
    parent_id: str | None
    org_path: list[str] = Field(
        description="AGS keys from the state down to this organization (as in tokens)"
    )
    key_verified: bool = Field(
        description="False when the seeded AGS was not checked against the official list"
    )
    member_ids: list[str] = Field(
        description="Member municipalities of a consortium; empty for other kinds"
    )
    created_at: datetime
    updated_at: datetime


class OrganizationCreate(BaseModel):
    """A new organization; the kind decides which parent and which AGS length fit."""

    model_config = with_examples(
        {
            "kind": "municipality",
            "name": "Eislingen/Fils",
            "ags": "08117017",
            "parent_id": "91360db8-4032-539a-9b1b-77cfc66b9bcc",
        },
        {
            "kind": "consortium",
            "name": "Verbund Integrationsmanagement Albuch",
            "parent_id": "a7563110-0a33-5251-a4f9-57679259222e",
            "member_ids": ["312e6a4b-2565-5313-9398-3d1bdea2531d"],
        },
        forbid_extra=True,
    )

    kind: OrgKind
    name: str = Field(min_length=1, max_length=200)
    ags: str | None = Field(
        None,
        pattern=AGS_PATTERN,
        description="Required for state, region, districts, municipalities",
    )
    parent_id: str | None = Field(None, pattern=UUID_PATTERN)
    member_ids: list[str] = Field(
        default_factory=list,
        max_length=200,
        description="Consortia only: ids of the member municipalities (may span districts)",
    )


class OrganizationUpdate(BaseModel):
    """Rename an organization or change a consortium's members (send If-Match)."""

    model_config = with_examples({"name": "Stadt Göppingen"}, forbid_extra=True)

    name: str | None = Field(None, min_length=1, max_length=200)
    member_ids: list[str] | None = Field(None, max_length=200)


class OrganizationChain(BaseModel):
    """The organization and its ancestors, from the state down to it."""

    items: list[OrganizationRead]
