from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.programme_create_deciding_mode import ProgrammeCreateDecidingMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rate_in import RateIn


T = TypeVar("T", bound="ProgrammeCreate")


@_attrs_define
class ProgrammeCreate:
    """A programme as the ministry sets it up.

    Attributes:
        name (str):
        period_start (datetime.date): First day of the funding period (a first of the month)
        period_months (int): Length of the funding period in months
        total_budget (str): An amount in EUR as a decimal string with exactly two places, never a float.
        min_frame (str): An amount in EUR as a decimal string with exactly two places, never a float.
        deciding_mode (ProgrammeCreateDecidingMode): `statewide`: one council (deciding_region) decides everything;
            `regional`: the applicant's own
        rates (list[RateIn]):
        min_fte (float | str | Unset): Default: `"0.25"`.
        deciding_region (None | str | Unset): AGS of the statewide council
        proof_due_months (int | Unset): Default: `3`.
    """

    name: str
    period_start: datetime.date
    period_months: int
    total_budget: str
    min_frame: str
    deciding_mode: ProgrammeCreateDecidingMode
    rates: list[RateIn]
    min_fte: float | str | Unset = UNSET
    deciding_region: None | str | Unset = UNSET
    proof_due_months: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        period_start = self.period_start.isoformat()

        period_months = self.period_months

        total_budget = self.total_budget

        min_frame = self.min_frame

        deciding_mode = self.deciding_mode.value

        rates = []
        for rates_item_data in self.rates:
            rates_item = rates_item_data.to_dict()
            rates.append(rates_item)

        min_fte: float | str | Unset
        if isinstance(self.min_fte, Unset):
            min_fte = UNSET
        else:
            min_fte = self.min_fte

        deciding_region: None | str | Unset
        if isinstance(self.deciding_region, Unset):
            deciding_region = UNSET
        else:
            deciding_region = self.deciding_region

        proof_due_months = self.proof_due_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "period_start": period_start,
                "period_months": period_months,
                "total_budget": total_budget,
                "min_frame": min_frame,
                "deciding_mode": deciding_mode,
                "rates": rates,
            }
        )
        if min_fte is not UNSET:
            field_dict["min_fte"] = min_fte
        if deciding_region is not UNSET:
            field_dict["deciding_region"] = deciding_region
        if proof_due_months is not UNSET:
            field_dict["proof_due_months"] = proof_due_months

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_in import RateIn  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_months = d.pop("period_months")

        total_budget = d.pop("total_budget")

        min_frame = d.pop("min_frame")

        deciding_mode = ProgrammeCreateDecidingMode(d.pop("deciding_mode"))

        rates = []
        _rates = d.pop("rates")
        for rates_item_data in _rates:
            rates_item = RateIn.from_dict(rates_item_data)

            rates.append(rates_item)

        def _parse_min_fte(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        min_fte = _parse_min_fte(d.pop("min_fte", UNSET))

        def _parse_deciding_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deciding_region = _parse_deciding_region(d.pop("deciding_region", UNSET))

        proof_due_months = d.pop("proof_due_months", UNSET)

        programme_create = cls(
            name=name,
            period_start=period_start,
            period_months=period_months,
            total_budget=total_budget,
            min_frame=min_frame,
            deciding_mode=deciding_mode,
            rates=rates,
            min_fte=min_fte,
            deciding_region=deciding_region,
            proof_due_months=proof_due_months,
        )

        programme_create.additional_properties = d
        return programme_create

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
