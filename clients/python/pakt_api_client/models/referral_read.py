from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_read_agency import ReferralReadAgency
from ..models.referral_read_field import ReferralReadField
from ..models.referral_read_status import ReferralReadStatus

T = TypeVar("T", bound="ReferralRead")


@_attrs_define
class ReferralRead:
    """
    Attributes:
        id (UUID):
        case_id (UUID):
        agency (ReferralReadAgency):
        field (ReferralReadField):
        referred_on (datetime.date):
        status (ReferralReadStatus):
        notes (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    case_id: UUID
    agency: ReferralReadAgency
    field: ReferralReadField
    referred_on: datetime.date
    status: ReferralReadStatus
    notes: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        case_id = str(self.case_id)

        agency = self.agency.value

        field = self.field.value

        referred_on = self.referred_on.isoformat()

        status = self.status.value

        notes: None | str
        notes = self.notes

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "case_id": case_id,
                "agency": agency,
                "field": field,
                "referred_on": referred_on,
                "status": status,
                "notes": notes,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        case_id = UUID(d.pop("case_id"))

        agency = ReferralReadAgency(d.pop("agency"))

        field = ReferralReadField(d.pop("field"))

        referred_on = datetime.date.fromisoformat(d.pop("referred_on"))

        status = ReferralReadStatus(d.pop("status"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        referral_read = cls(
            id=id,
            case_id=case_id,
            agency=agency,
            field=field,
            referred_on=referred_on,
            status=status,
            notes=notes,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        referral_read.additional_properties = d
        return referral_read

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
