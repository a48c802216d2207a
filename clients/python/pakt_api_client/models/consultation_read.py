from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consultation_read_fields_item import ConsultationReadFieldsItem
from ..models.consultation_read_mode import ConsultationReadMode

T = TypeVar("T", bound="ConsultationRead")


@_attrs_define
class ConsultationRead:
    """
    Attributes:
        id (UUID):
        case_id (UUID):
        held_on (datetime.date):
        duration_minutes (int):
        mode (ConsultationReadMode):
        fields (list[ConsultationReadFieldsItem]):
        notes (None | str):
        recorded_by (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    case_id: UUID
    held_on: datetime.date
    duration_minutes: int
    mode: ConsultationReadMode
    fields: list[ConsultationReadFieldsItem]
    notes: None | str
    recorded_by: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        held_on = self.held_on.isoformat()

        duration_minutes = self.duration_minutes

        mode = self.mode.value

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        notes: None | str
        notes = self.notes

        recorded_by = self.recorded_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "held_on": held_on,
                "duration_minutes": duration_minutes,
                "mode": mode,
                "fields": fields,
                "notes": notes,
                "recorded_by": recorded_by,
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

        case_id = UUID(d.pop("case_id"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        duration_minutes = d.pop("duration_minutes")

        mode = ConsultationReadMode(d.pop("mode"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ConsultationReadFieldsItem(fields_item_data)

            fields.append(fields_item)

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        recorded_by = d.pop("recorded_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        consultation_read = cls(
            id=id,
            case_id=case_id,
            held_on=held_on,
            duration_minutes=duration_minutes,
            mode=mode,
            fields=fields,
            notes=notes,
            recorded_by=recorded_by,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        consultation_read.additional_properties = d
        return consultation_read

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
