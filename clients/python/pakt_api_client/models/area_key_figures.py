from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.area_figures import AreaFigures


T = TypeVar("T", bound="AreaKeyFigures")


@_attrs_define
class AreaKeyFigures:
    """Key figures of every organization in an area (a district, a region, the state) for whole
    months. Persons counselled and goals are per organization only: a person counselled in two
    months, or a case's latest plan, does not add up across months.

        Attributes:
            area (str): AGS key of the area: 08 (state), 081 (region), 08117 ...
            period_start (datetime.date):
            period_end (datetime.date):
            organizations (int): Organizations of the area with figures in the period
            generated_at (datetime.datetime):
            totals (AreaFigures): Figures that add up across organizations and months (from `figure_month`).
            suppression_threshold (int | Unset): Counts below this are shown as "<5" Default: 5.
    """

    area: str
    period_start: datetime.date
    period_end: datetime.date
    organizations: int
    generated_at: datetime.datetime
    totals: AreaFigures
    suppression_threshold: int | Unset = 5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        area = self.area

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        organizations = self.organizations

        generated_at = self.generated_at.isoformat()

        totals = self.totals.to_dict()

        suppression_threshold = self.suppression_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "area": area,
                "period_start": period_start,
                "period_end": period_end,
                "organizations": organizations,
                "generated_at": generated_at,
                "totals": totals,
            }
        )
        if suppression_threshold is not UNSET:
            field_dict["suppression_threshold"] = suppression_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.area_figures import AreaFigures  # noqa: PLC0415

        d = dict(src_dict)
        area = d.pop("area")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        organizations = d.pop("organizations")

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        totals = AreaFigures.from_dict(d.pop("totals"))

        suppression_threshold = d.pop("suppression_threshold", UNSET)

        area_key_figures = cls(
            area=area,
            period_start=period_start,
            period_end=period_end,
            organizations=organizations,
            generated_at=generated_at,
            totals=totals,
            suppression_threshold=suppression_threshold,
        )

        area_key_figures.additional_properties = d
        return area_key_figures

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
