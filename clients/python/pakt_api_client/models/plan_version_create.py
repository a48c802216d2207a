from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal import Goal


T = TypeVar("T", bound="PlanVersionCreate")


@_attrs_define
class PlanVersionCreate:
    """A new plan version: the first starts the counselling, later ones are reviews.

    Attributes:
        change_note (None | str | Unset): What changed and why (free text; erased with personal data)
        next_review_on (datetime.date | None | Unset): When the plan is to be reviewed next
        goals (list[Goal] | Unset): Default: `[]`.
    """

    change_note: None | str | Unset = UNSET
    next_review_on: datetime.date | None | Unset = UNSET
    goals: list[Goal] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        change_note: None | str | Unset
        if isinstance(self.change_note, Unset):
            change_note = UNSET
        else:
            change_note = self.change_note

        next_review_on: None | str | Unset
        if isinstance(self.next_review_on, Unset):
            next_review_on = UNSET
        elif isinstance(self.next_review_on, datetime.date):
            next_review_on = self.next_review_on.isoformat()
        else:
            next_review_on = self.next_review_on

        goals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.goals, Unset):
            goals = []
            for goals_item_data in self.goals:
                goals_item = goals_item_data.to_dict()
                goals.append(goals_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if change_note is not UNSET:
            field_dict["change_note"] = change_note
        if next_review_on is not UNSET:
            field_dict["next_review_on"] = next_review_on
        if goals is not UNSET:
            field_dict["goals"] = goals

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal import Goal  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_change_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        change_note = _parse_change_note(d.pop("change_note", UNSET))

        def _parse_next_review_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_on_type_0 = datetime.date.fromisoformat(data)

                return next_review_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_review_on = _parse_next_review_on(d.pop("next_review_on", UNSET))

        _goals = d.pop("goals", UNSET)
        goals: list[Goal] | Unset = UNSET
        if _goals is not UNSET:
            goals = []
            for goals_item_data in _goals:
                goals_item = Goal.from_dict(goals_item_data)

                goals.append(goals_item)

        plan_version_create = cls(
            change_note=change_note,
            next_review_on=next_review_on,
            goals=goals,
        )

        return plan_version_create
