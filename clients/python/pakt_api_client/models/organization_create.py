from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.organization_create_kind import OrganizationCreateKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationCreate")


@_attrs_define
class OrganizationCreate:
    """A new organization; the kind decides which parent and which AGS length fit.

    Attributes:
        kind (OrganizationCreateKind):
        name (str):
        ags (None | str | Unset): Required for state, region, districts, municipalities
        parent_id (None | str | Unset):
        member_ids (list[str] | Unset): Consortia only: ids of the member municipalities (may span districts)
    """

    kind: OrganizationCreateKind
    name: str
    ags: None | str | Unset = UNSET
    parent_id: None | str | Unset = UNSET
    member_ids: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        ags: None | str | Unset
        if isinstance(self.ags, Unset):
            ags = UNSET
        else:
            ags = self.ags

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        member_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_ids, Unset):
            member_ids = self.member_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if ags is not UNSET:
            field_dict["ags"] = ags
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = OrganizationCreateKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_ags(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ags = _parse_ags(d.pop("ags", UNSET))

        def _parse_parent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        member_ids = cast(list[str], d.pop("member_ids", UNSET))

        organization_create = cls(
            kind=kind,
            name=name,
            ags=ags,
            parent_id=parent_id,
            member_ids=member_ids,
        )

        return organization_create
