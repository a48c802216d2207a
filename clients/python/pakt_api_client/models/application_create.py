from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_create_delivery_model import ApplicationCreateDeliveryModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.position_in import PositionIn


T = TypeVar("T", bound="ApplicationCreate")


@_attrs_define
class ApplicationCreate:
    """A new draft. A consortium applies through its lead (`consortium_id`); a district applying
    for municipalities that delegated the task lists them in `delegating_municipalities`.

        Attributes:
            delivery_model (ApplicationCreateDeliveryModel): `own_staff`, `provider` (list the commissioned charities) or
                `delegated_to_district` (a district applying)
            positions (list[PositionIn]):
            programme_id (UUID):
            providers (list[str] | Unset): The commissioned charities: ids of directory organizations of kind `provider`
                (checked with the directory). They read the application (read-only) once submitted, and their cases delivered
                for the applicant count in its proof of use.
            early_start (bool | Unset): Request to start before the decision (vorzeitiger Maßnahmebeginn). Default: `false`.
            early_start_on (datetime.date | None | Unset):
            consortium_id (None | Unset | UUID):
            delegating_municipalities (list[str] | Unset):
    """

    delivery_model: ApplicationCreateDeliveryModel
    positions: list[PositionIn]
    programme_id: UUID
    providers: list[str] | Unset = UNSET
    early_start: bool | Unset = UNSET
    early_start_on: datetime.date | None | Unset = UNSET
    consortium_id: None | Unset | UUID = UNSET
    delegating_municipalities: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivery_model = self.delivery_model.value

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        programme_id = str(self.programme_id)

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

        consortium_id: None | str | Unset
        if isinstance(self.consortium_id, Unset):
            consortium_id = UNSET
        elif isinstance(self.consortium_id, UUID):
            consortium_id = str(self.consortium_id)
        else:
            consortium_id = self.consortium_id

        delegating_municipalities: list[str] | Unset = UNSET
        if not isinstance(self.delegating_municipalities, Unset):
            delegating_municipalities = self.delegating_municipalities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivery_model": delivery_model,
                "positions": positions,
                "programme_id": programme_id,
            }
        )
        if providers is not UNSET:
            field_dict["providers"] = providers
        if early_start is not UNSET:
            field_dict["early_start"] = early_start
        if early_start_on is not UNSET:
            field_dict["early_start_on"] = early_start_on
        if consortium_id is not UNSET:
            field_dict["consortium_id"] = consortium_id
        if delegating_municipalities is not UNSET:
            field_dict["delegating_municipalities"] = delegating_municipalities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_in import PositionIn  # noqa: PLC0415

        d = dict(src_dict)
        delivery_model = ApplicationCreateDeliveryModel(d.pop("delivery_model"))

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = PositionIn.from_dict(positions_item_data)

            positions.append(positions_item)

        programme_id = UUID(d.pop("programme_id"))

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

        def _parse_consortium_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consortium_id_type_0 = UUID(data)

                return consortium_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        consortium_id = _parse_consortium_id(d.pop("consortium_id", UNSET))

        delegating_municipalities = cast(list[str], d.pop("delegating_municipalities", UNSET))

        application_create = cls(
            delivery_model=delivery_model,
            positions=positions,
            programme_id=programme_id,
            providers=providers,
            early_start=early_start,
            early_start_on=early_start_on,
            consortium_id=consortium_id,
            delegating_municipalities=delegating_municipalities,
        )

        application_create.additional_properties = d
        return application_create

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
