from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.months_worked import MonthsWorked


T = TypeVar("T", bound="ProofCreate")


@_attrs_define
class ProofCreate:
    """The numeric proof per position plus the narrative report (Sachbericht, about three pages).

    Attributes:
        positions (list[MonthsWorked]):
        report (str):
    """

    positions: list[MonthsWorked]
    report: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        report = self.report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "positions": positions,
                "report": report,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.months_worked import MonthsWorked  # noqa: PLC0415

        d = dict(src_dict)
        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = MonthsWorked.from_dict(positions_item_data)

            positions.append(positions_item)

        report = d.pop("report")

        proof_create = cls(
            positions=positions,
            report=report,
        )

        proof_create.additional_properties = d
        return proof_create

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
