from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assignment_create_field import AssignmentCreateField
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignmentCreate")


@_attrs_define
class AssignmentCreate:
    """
    Attributes:
        volunteer_id (UUID):
        field (AssignmentCreateField):
        started_on (datetime.date): A calendar day (ISO 8601)
        notes (None | str | Unset):
    """

    volunteer_id: UUID
    field: AssignmentCreateField
    started_on: datetime.date
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        volunteer_id = str(self.volunteer_id)

        field = self.field.value

        started_on = self.started_on.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "volunteer_id": volunteer_id,
                "field": field,
                "started_on": started_on,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        volunteer_id = UUID(d.pop("volunteer_id"))

        field = AssignmentCreateField(d.pop("field"))

        started_on = datetime.date.fromisoformat(d.pop("started_on"))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        assignment_create = cls(
            volunteer_id=volunteer_id,
            field=field,
            started_on=started_on,
            notes=notes,
        )

        return assignment_create
