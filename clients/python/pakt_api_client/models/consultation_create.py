from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consultation_create_fields_item import ConsultationCreateFieldsItem
from ..models.consultation_create_mode import ConsultationCreateMode
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsultationCreate")


@_attrs_define
class ConsultationCreate:
    """
    Attributes:
        held_on (datetime.date): A calendar day (ISO 8601)
        duration_minutes (int): Duration in minutes (1-720)
        mode (ConsultationCreateMode):
        fields (list[ConsultationCreateFieldsItem]): Fields of action discussed
        notes (None | str | Unset): Free text; erased with personal data
    """

    held_on: datetime.date
    duration_minutes: int
    mode: ConsultationCreateMode
    fields: list[ConsultationCreateFieldsItem]
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        duration_minutes = self.duration_minutes

        mode = self.mode.value

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "duration_minutes": duration_minutes,
                "mode": mode,
                "fields": fields,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        duration_minutes = d.pop("duration_minutes")

        mode = ConsultationCreateMode(d.pop("mode"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ConsultationCreateFieldsItem(fields_item_data)

            fields.append(fields_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        consultation_create = cls(
            held_on=held_on,
            duration_minutes=duration_minutes,
            mode=mode,
            fields=fields,
            notes=notes,
        )

        return consultation_create
