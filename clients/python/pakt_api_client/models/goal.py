from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.goal_field import GoalField
from ..models.goal_status import GoalStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Goal")


@_attrs_define
class Goal:
    """One goal of the plan: a field of action, what is agreed, by when, and how far it got.

    Attributes:
        field (GoalField):
        description (None | str | Unset):
        agreed_steps (None | str | Unset):
        target_on (datetime.date | None | Unset):
        status (GoalStatus | Unset): Default: `"open"`.
        responsible (None | str | Unset):
    """

    field: GoalField
    description: None | str | Unset = UNSET
    agreed_steps: None | str | Unset = UNSET
    target_on: datetime.date | None | Unset = UNSET
    status: GoalStatus | Unset = UNSET
    responsible: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        agreed_steps: None | str | Unset
        if isinstance(self.agreed_steps, Unset):
            agreed_steps = UNSET
        else:
            agreed_steps = self.agreed_steps

        target_on: None | str | Unset
        if isinstance(self.target_on, Unset):
            target_on = UNSET
        elif isinstance(self.target_on, datetime.date):
            target_on = self.target_on.isoformat()
        else:
            target_on = self.target_on

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        responsible: None | str | Unset
        if isinstance(self.responsible, Unset):
            responsible = UNSET
        else:
            responsible = self.responsible

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "field": field,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if agreed_steps is not UNSET:
            field_dict["agreed_steps"] = agreed_steps
        if target_on is not UNSET:
            field_dict["target_on"] = target_on
        if status is not UNSET:
            field_dict["status"] = status
        if responsible is not UNSET:
            field_dict["responsible"] = responsible

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = GoalField(d.pop("field"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_agreed_steps(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agreed_steps = _parse_agreed_steps(d.pop("agreed_steps", UNSET))

        def _parse_target_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_on_type_0 = datetime.date.fromisoformat(data)

                return target_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        target_on = _parse_target_on(d.pop("target_on", UNSET))

        _status = d.pop("status", UNSET)
        status: GoalStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = GoalStatus(_status)

        def _parse_responsible(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible = _parse_responsible(d.pop("responsible", UNSET))

        goal = cls(
            field=field,
            description=description,
            agreed_steps=agreed_steps,
            target_on=target_on,
            status=status,
            responsible=responsible,
        )

        return goal
