from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.goal import Goal


T = TypeVar("T", bound="PlanVersionRead")


@_attrs_define
class PlanVersionRead:
    """
    Attributes:
        id (UUID):
        case_id (UUID):
        number (int): 1 for the first plan, +1 per review; the plan's ETag
        change_note (None | str):
        next_review_on (datetime.date | None):
        created_by (str):
        created_at (datetime.datetime):
        goals (list[Goal]):
    """

    id: UUID
    case_id: UUID
    number: int
    change_note: None | str
    next_review_on: datetime.date | None
    created_by: str
    created_at: datetime.datetime
    goals: list[Goal]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        number = self.number

        change_note: None | str
        change_note = self.change_note

        next_review_on: None | str
        if isinstance(self.next_review_on, datetime.date):
            next_review_on = self.next_review_on.isoformat()
        else:
            next_review_on = self.next_review_on

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "number": number,
                "change_note": change_note,
                "next_review_on": next_review_on,
                "created_by": created_by,
                "created_at": created_at,
                "goals": goals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal import Goal  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        number = d.pop("number")

        def _parse_change_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        change_note = _parse_change_note(d.pop("change_note"))

        def _parse_next_review_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_on_type_0 = datetime.date.fromisoformat(data)

                return next_review_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_review_on = _parse_next_review_on(d.pop("next_review_on"))

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = Goal.from_dict(goals_item_data)

            goals.append(goals_item)

        plan_version_read = cls(
            id=id,
            case_id=case_id,
            number=number,
            change_note=change_note,
            next_review_on=next_review_on,
            created_by=created_by,
            created_at=created_at,
            goals=goals,
        )

        plan_version_read.additional_properties = d
        return plan_version_read

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
