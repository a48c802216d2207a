from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.volunteer_create_fields_item import VolunteerCreateFieldsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="VolunteerCreate")


@_attrs_define
class VolunteerCreate:
    """
    Attributes:
        display_name (str):
        contact (None | str | Unset):
        languages (list[str] | Unset): Default: `[]`.
        fields (list[VolunteerCreateFieldsItem] | Unset): Default: `[]`.
    """

    display_name: str
    contact: None | str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    fields: list[VolunteerCreateFieldsItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages

        fields: list[str] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = []
            for fields_item_data in self.fields:
                fields_item = fields_item_data.value
                fields.append(fields_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "display_name": display_name,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact
        if languages is not UNSET:
            field_dict["languages"] = languages
        if fields is not UNSET:
            field_dict["fields"] = fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        languages = cast(list[str], d.pop("languages", UNSET))

        _fields = d.pop("fields", UNSET)
        fields: list[VolunteerCreateFieldsItem] | Unset = UNSET
        if _fields is not UNSET:
            fields = []
            for fields_item_data in _fields:
                fields_item = VolunteerCreateFieldsItem(fields_item_data)

                fields.append(fields_item)

        volunteer_create = cls(
            display_name=display_name,
            contact=contact,
            languages=languages,
            fields=fields,
        )

        return volunteer_create
