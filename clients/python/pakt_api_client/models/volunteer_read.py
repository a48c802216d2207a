from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.volunteer_read_fields_item import VolunteerReadFieldsItem

T = TypeVar("T", bound="VolunteerRead")


@_attrs_define
class VolunteerRead:
    """
    Attributes:
        id (UUID):
        org_id (str):
        display_name (str):
        contact (None | str):
        languages (list[str]):
        fields (list[VolunteerReadFieldsItem]):
        active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    org_id: str
    display_name: str
    contact: None | str
    languages: list[str]
    fields: list[VolunteerReadFieldsItem]
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        org_id = self.org_id

        display_name = self.display_name

        contact: None | str
        contact = self.contact

        languages = self.languages

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "display_name": display_name,
                "contact": contact,
                "languages": languages,
                "fields": fields,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        org_id = d.pop("org_id")

        display_name = d.pop("display_name")

        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))

        languages = cast(list[str], d.pop("languages"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = VolunteerReadFieldsItem(fields_item_data)

            fields.append(fields_item)

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        volunteer_read = cls(
            id=id,
            org_id=org_id,
            display_name=display_name,
            contact=contact,
            languages=languages,
            fields=fields,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        volunteer_read.additional_properties = d
        return volunteer_read

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
