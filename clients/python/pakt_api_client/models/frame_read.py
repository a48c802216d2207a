from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.frame_read_status import FrameReadStatus

T = TypeVar("T", bound="FrameRead")


@_attrs_define
class FrameRead:
    """A planning frame: the most the municipality may claim in the programme.

    Attributes:
        id (UUID):
        programme_id (UUID):
        ags (str):
        org_id (str):
        name (str):
        amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        status (FrameReadStatus):
        reference_date (datetime.date): Date of the refugee count the frame is based on
        updated_at (datetime.datetime):
    """

    id: UUID
    programme_id: UUID
    ags: str
    org_id: str
    name: str
    amount: str
    status: FrameReadStatus
    reference_date: datetime.date
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        ags = self.ags

        org_id = self.org_id

        name = self.name

        amount = self.amount

        status = self.status.value

        reference_date = self.reference_date.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "programme_id": programme_id,
                "ags": ags,
                "org_id": org_id,
                "name": name,
                "amount": amount,
                "status": status,
                "reference_date": reference_date,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        programme_id = UUID(d.pop("programme_id"))

        ags = d.pop("ags")

        org_id = d.pop("org_id")

        name = d.pop("name")

        amount = d.pop("amount")

        status = FrameReadStatus(d.pop("status"))

        reference_date = datetime.date.fromisoformat(d.pop("reference_date"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        frame_read = cls(
            id=id,
            programme_id=programme_id,
            ags=ags,
            org_id=org_id,
            name=name,
            amount=amount,
            status=status,
            reference_date=reference_date,
            updated_at=updated_at,
        )

        frame_read.additional_properties = d
        return frame_read

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
