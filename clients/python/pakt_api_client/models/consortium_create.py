from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsortiumCreate")


@_attrs_define
class ConsortiumCreate:
    """A consortium (Verbund) whose lead is the caller's municipality.

    Attributes:
        programme_id (UUID):
        name (str):
        member_ags (list[str]): AGS of the other member municipalities (the lead is added automatically); may span
            districts
    """

    programme_id: UUID
    name: str
    member_ags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme_id = str(self.programme_id)

        name = self.name

        member_ags = self.member_ags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme_id": programme_id,
                "name": name,
                "member_ags": member_ags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))

        name = d.pop("name")

        member_ags = cast(list[str], d.pop("member_ags"))

        consortium_create = cls(
            programme_id=programme_id,
            name=name,
            member_ags=member_ags,
        )

        consortium_create.additional_properties = d
        return consortium_create

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
