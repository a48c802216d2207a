from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.programme_read_deciding_mode import ProgrammeReadDecidingMode

if TYPE_CHECKING:
    from ..models.rate_read import RateRead


T = TypeVar("T", bound="ProgrammeRead")


@_attrs_define
class ProgrammeRead:
    """A programme with its rates and how much of the budget is booked.

    Attributes:
        id (UUID):
        name (str):
        period_start (datetime.date):
        period_end (datetime.date): Last day of the funding period
        period_months (int):
        total_budget (str): An amount in EUR as a decimal string with exactly two places, never a float.
        booked_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        available_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        min_fte (str):
        min_frame (str): An amount in EUR as a decimal string with exactly two places, never a float.
        deciding_mode (ProgrammeReadDecidingMode):
        deciding_region (None | str):
        proof_due_months (int):
        rates (list[RateRead]):
    """

    id: UUID
    name: str
    period_start: datetime.date
    period_end: datetime.date
    period_months: int
    total_budget: str
    booked_amount: str
    available_amount: str
    min_fte: str
    min_frame: str
    deciding_mode: ProgrammeReadDecidingMode
    deciding_region: None | str
    proof_due_months: int
    rates: list[RateRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        period_months = self.period_months

        total_budget = self.total_budget

        booked_amount = self.booked_amount

        available_amount = self.available_amount

        min_fte = self.min_fte

        min_frame = self.min_frame

        deciding_mode = self.deciding_mode.value

        deciding_region: None | str
        deciding_region = self.deciding_region

        proof_due_months = self.proof_due_months

        rates = []
        for rates_item_data in self.rates:
            rates_item = rates_item_data.to_dict()
            rates.append(rates_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "period_start": period_start,
                "period_end": period_end,
                "period_months": period_months,
                "total_budget": total_budget,
                "booked_amount": booked_amount,
                "available_amount": available_amount,
                "min_fte": min_fte,
                "min_frame": min_frame,
                "deciding_mode": deciding_mode,
                "deciding_region": deciding_region,
                "proof_due_months": proof_due_months,
                "rates": rates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_read import RateRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        period_months = d.pop("period_months")

        total_budget = d.pop("total_budget")

        booked_amount = d.pop("booked_amount")

        available_amount = d.pop("available_amount")

        min_fte = d.pop("min_fte")

        min_frame = d.pop("min_frame")

        deciding_mode = ProgrammeReadDecidingMode(d.pop("deciding_mode"))

        def _parse_deciding_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        deciding_region = _parse_deciding_region(d.pop("deciding_region"))

        proof_due_months = d.pop("proof_due_months")

        rates = []
        _rates = d.pop("rates")
        for rates_item_data in _rates:
            rates_item = RateRead.from_dict(rates_item_data)

            rates.append(rates_item)

        programme_read = cls(
            id=id,
            name=name,
            period_start=period_start,
            period_end=period_end,
            period_months=period_months,
            total_budget=total_budget,
            booked_amount=booked_amount,
            available_amount=available_amount,
            min_fte=min_fte,
            min_frame=min_frame,
            deciding_mode=deciding_mode,
            deciding_region=deciding_region,
            proof_due_months=proof_due_months,
            rates=rates,
        )

        programme_read.additional_properties = d
        return programme_read

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
