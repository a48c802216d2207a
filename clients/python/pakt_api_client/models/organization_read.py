from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organization_read_kind import OrganizationReadKind

T = TypeVar("T", bound="OrganizationRead")


@_attrs_define
class OrganizationRead:
    """One organization of the directory.

    Attributes:
        id (str): Stable id; uuid5 of the AGS for organizations that have one
        kind (OrganizationReadKind):
        name (str):
        ags (None | str): Official key (AGS): state 2, region 3, district 5, municipality 8 digits
        parent_id (None | str):
        org_path (list[str]): AGS keys from the state down to this organization (as in tokens)
        key_verified (bool): False when the seeded AGS was not checked against the official list
        member_ids (list[str]): Member municipalities of a consortium; empty for other kinds
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    kind: OrganizationReadKind
    name: str
    ags: None | str
    parent_id: None | str
    org_path: list[str]
    key_verified: bool
    member_ids: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        name = self.name

        ags: None | str
        ags = self.ags

        parent_id: None | str
        parent_id = self.parent_id

        org_path = self.org_path

        key_verified = self.key_verified

        member_ids = self.member_ids

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "ags": ags,
                "parent_id": parent_id,
                "org_path": org_path,
                "key_verified": key_verified,
                "member_ids": member_ids,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = OrganizationReadKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_ags(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ags = _parse_ags(d.pop("ags"))

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        org_path = cast(list[str], d.pop("org_path"))

        key_verified = d.pop("key_verified")

        member_ids = cast(list[str], d.pop("member_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        organization_read = cls(
            id=id,
            kind=kind,
            name=name,
            ags=ags,
            parent_id=parent_id,
            org_path=org_path,
            key_verified=key_verified,
            member_ids=member_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        organization_read.additional_properties = d
        return organization_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
