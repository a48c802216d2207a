from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.goal_count_count_type_1 import GoalCountCountType1
from ..models.goal_count_field import GoalCountField
from ..models.goal_count_status import GoalCountStatus

T = TypeVar("T", bound="GoalCount")


@_attrs_define
class GoalCount:
    """
    Attributes:
        field (GoalCountField):
        status (GoalCountStatus):
        count (GoalCountCountType1 | int): A count; 1 to 4 are shown as the string "<5" so no person can be singled out;
            a total reads "withheld" where it would reveal a suppressed cell (secondary suppression)
    """

    field: GoalCountField
    status: GoalCountStatus
    count: GoalCountCountType1 | int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field = self.field.value

        status = self.status.value

        count: int | str
        if isinstance(self.count, GoalCountCountType1):
            count = self.count.value
        else:
            count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "field": field,
                "status": status,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = GoalCountField(d.pop("field"))

        status = GoalCountStatus(d.pop("status"))

        def _parse_count(data: object) -> GoalCountCountType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                count_type_1 = GoalCountCountType1(data)

                return count_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GoalCountCountType1 | int, data)

        count = _parse_count(d.pop("count"))

        goal_count = cls(
            field=field,
            status=status,
            count=count,
        )

        goal_count.additional_properties = d
        return goal_count

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
