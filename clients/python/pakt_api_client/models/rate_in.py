from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RateIn")


@_attrs_define
class RateIn:
    """
    Attributes:
        qualification (str):
        amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        label (str):
        is_example (bool | Unset): True when the figure only illustrates the mechanism. Default: `false`.
    """

    qualification: str
    amount: str
    label: str
    is_example: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        qualification = self.qualification

        amount = self.amount

        label = self.label

        is_example = self.is_example

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "qualification": qualification,
                "amount": amount,
                "label": label,
            }
        )
        if is_example is not UNSET:
            field_dict["is_example"] = is_example

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        qualification = d.pop("qualification")

        amount = d.pop("amount")

        label = d.pop("label")

        is_example = d.pop("is_example", UNSET)

        rate_in = cls(
            qualification=qualification,
            amount=amount,
            label=label,
            is_example=is_example,
        )

        rate_in.additional_properties = d
        return rate_in

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
