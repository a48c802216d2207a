from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_update_delivery_model import ApplicationUpdateDeliveryModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.position_in import PositionIn


T = TypeVar("T", bound="ApplicationUpdate")


@_attrs_define
class ApplicationUpdate:
    """Replaces the content of a draft or returned application (If-Match required).

    Attributes:
        delivery_model (ApplicationUpdateDeliveryModel): `own_staff`, `provider` (list the commissioned charities) or
            `delegated_to_district` (a district applying)
        positions (list[PositionIn]):
        providers (list[str] | Unset): The commissioned charities: ids of directory organizations of kind `provider`
            (checked with the directory). They read the application (read-only) once submitted, and their cases delivered
            for the applicant count in its proof of use.
        early_start (bool | Unset): Request to start before the decision (vorzeitiger Maßnahmebeginn). Default: `false`.
        early_start_on (datetime.date | None | Unset):
    """

    delivery_model: ApplicationUpdateDeliveryModel
    positions: list[PositionIn]
    providers: list[str] | Unset = UNSET
    early_start: bool | Unset = UNSET
    early_start_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_model = self.delivery_model.value

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        providers: list[str] | Unset = UNSET
        if not isinstance(self.providers, Unset):
            providers = self.providers

        early_start = self.early_start

        early_start_on: None | str | Unset
        if isinstance(self.early_start_on, Unset):
            early_start_on = UNSET
        elif isinstance(self.early_start_on, datetime.date):
            early_start_on = self.early_start_on.isoformat()
        else:
            early_start_on = self.early_start_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_model": delivery_model,
                "positions": positions,
            }
        )
        if providers is not UNSET:
            field_dict["providers"] = providers
        if early_start is not UNSET:
            field_dict["early_start"] = early_start
        if early_start_on is not UNSET:
            field_dict["early_start_on"] = early_start_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_in import PositionIn  # noqa: PLC0415

        d = dict(src_dict)
        delivery_model = ApplicationUpdateDeliveryModel(d.pop("delivery_model"))

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = PositionIn.from_dict(positions_item_data)

            positions.append(positions_item)

        providers = cast(list[str], d.pop("providers", UNSET))

        early_start = d.pop("early_start", UNSET)

        def _parse_early_start_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                early_start_on_type_0 = datetime.date.fromisoformat(data)

                return early_start_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        early_start_on = _parse_early_start_on(d.pop("early_start_on", UNSET))

        application_update = cls(
            delivery_model=delivery_model,
            positions=positions,
            providers=providers,
            early_start=early_start,
            early_start_on=early_start_on,
        )

        application_update.additional_properties = d
        return application_update

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
