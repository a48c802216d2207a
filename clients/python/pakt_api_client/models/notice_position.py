from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NoticePosition")


@_attrs_define
class NoticePosition:
    """
    Attributes:
        manager_name (str):
        qualification (str):
        fte (str): Full-time equivalents of one position, 0.25 to 1.00
        start_on (datetime.date):
        months (int):
        amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
    """

    manager_name: str
    qualification: str
    fte: str
    start_on: datetime.date
    months: int
    amount: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        manager_name = self.manager_name

        qualification = self.qualification

        fte = self.fte

        start_on = self.start_on.isoformat()

        months = self.months

        amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "manager_name": manager_name,
                "qualification": qualification,
                "fte": fte,
                "start_on": start_on,
                "months": months,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        manager_name = d.pop("manager_name")

        qualification = d.pop("qualification")

        fte = d.pop("fte")

        start_on = datetime.date.fromisoformat(d.pop("start_on"))

        months = d.pop("months")

        amount = d.pop("amount")

        notice_position = cls(
            manager_name=manager_name,
            qualification=qualification,
            fte=fte,
            start_on=start_on,
            months=months,
            amount=amount,
        )

        notice_position.additional_properties = d
        return notice_position

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
