from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_create_agency import ReferralCreateAgency
from ..models.referral_create_field import ReferralCreateField
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralCreate")


@_attrs_define
class ReferralCreate:
    """
    Attributes:
        agency (ReferralCreateAgency):
        field (ReferralCreateField):
        referred_on (datetime.date): A calendar day (ISO 8601)
        notes (None | str | Unset): Free text; erased with personal data
    """

    agency: ReferralCreateAgency
    field: ReferralCreateField
    referred_on: datetime.date
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agency = self.agency.value

        field = self.field.value

        referred_on = self.referred_on.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "agency": agency,
                "field": field,
                "referred_on": referred_on,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency = ReferralCreateAgency(d.pop("agency"))

        field = ReferralCreateField(d.pop("field"))

        referred_on = datetime.date.fromisoformat(d.pop("referred_on"))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        referral_create = cls(
            agency=agency,
            field=field,
            referred_on=referred_on,
            notes=notes,
        )

        return referral_create
