from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason_count_count_type_1 import ReasonCountCountType1
from ..models.reason_count_reason import ReasonCountReason

T = TypeVar("T", bound="ReasonCount")


@_attrs_define
class ReasonCount:
    """
    Attributes:
        reason (ReasonCountReason):
        count (int | ReasonCountCountType1): A count; 1 to 4 are shown as the string "<5" so no person can be singled
            out; a total reads "withheld" where it would reveal a suppressed cell (secondary suppression)
    """

    reason: ReasonCountReason
    count: int | ReasonCountCountType1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason.value

        count: int | str
        if isinstance(self.count, ReasonCountCountType1):
            count = self.count.value
        else:
            count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = ReasonCountReason(d.pop("reason"))

        def _parse_count(data: object) -> int | ReasonCountCountType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                count_type_1 = ReasonCountCountType1(data)

                return count_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ReasonCountCountType1, data)

        count = _parse_count(d.pop("count"))

        reason_count = cls(
            reason=reason,
            count=count,
        )

        reason_count.additional_properties = d
        return reason_count

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
