from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consultation_update_fields_type_0_item import ConsultationUpdateFieldsType0Item
from ..models.consultation_update_mode_type_0 import ConsultationUpdateModeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsultationUpdate")


@_attrs_define
class ConsultationUpdate:
    """
    Attributes:
        held_on (datetime.date | None | Unset):
        duration_minutes (int | None | Unset):
        mode (ConsultationUpdateModeType0 | None | Unset):
        fields (list[ConsultationUpdateFieldsType0Item] | None | Unset):
        notes (None | str | Unset):
    """

    held_on: datetime.date | None | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    mode: ConsultationUpdateModeType0 | None | Unset = UNSET
    fields: list[ConsultationUpdateFieldsType0Item] | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on: None | str | Unset
        if isinstance(self.held_on, Unset):
            held_on = UNSET
        elif isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, ConsultationUpdateModeType0):
            mode = self.mode.value
        else:
            mode = self.mode

        fields: list[str] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = []
            for fields_type_0_item_data in self.fields:
                fields_type_0_item = fields_type_0_item_data.value
                fields.append(fields_type_0_item)

        else:
            fields = self.fields

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if mode is not UNSET:
            field_dict["mode"] = mode
        if fields is not UNSET:
            field_dict["fields"] = fields
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_held_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_on_type_0 = datetime.date.fromisoformat(data)

                return held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        held_on = _parse_held_on(d.pop("held_on", UNSET))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_mode(data: object) -> ConsultationUpdateModeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_0 = ConsultationUpdateModeType0(data)

                return mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsultationUpdateModeType0 | None | Unset, data)

        mode = _parse_mode(d.pop("mode", UNSET))

        def _parse_fields(data: object) -> list[ConsultationUpdateFieldsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = []
                _fields_type_0 = data
                for fields_type_0_item_data in _fields_type_0:
                    fields_type_0_item = ConsultationUpdateFieldsType0Item(fields_type_0_item_data)

                    fields_type_0.append(fields_type_0_item)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ConsultationUpdateFieldsType0Item] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        consultation_update = cls(
            held_on=held_on,
            duration_minutes=duration_minutes,
            mode=mode,
            fields=fields,
            notes=notes,
        )

        return consultation_update
