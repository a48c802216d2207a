from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OverdueProof")


@_attrs_define
class OverdueProof:
    """An approved application whose proof of use is past due.

    Attributes:
        application_id (UUID):
        applicant_name (str):
        applicant_ags (str):
        granted_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        notice_number (str):
        due_on (datetime.date):
    """

    application_id: UUID
    applicant_name: str
    applicant_ags: str
    granted_amount: str
    notice_number: str
    due_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        applicant_name = self.applicant_name

        applicant_ags = self.applicant_ags

        granted_amount = self.granted_amount

        notice_number = self.notice_number

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "applicant_name": applicant_name,
                "applicant_ags": applicant_ags,
                "granted_amount": granted_amount,
                "notice_number": notice_number,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        applicant_name = d.pop("applicant_name")

        applicant_ags = d.pop("applicant_ags")

        granted_amount = d.pop("granted_amount")

        notice_number = d.pop("notice_number")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        overdue_proof = cls(
            application_id=application_id,
            applicant_name=applicant_name,
            applicant_ags=applicant_ags,
            granted_amount=granted_amount,
            notice_number=notice_number,
            due_on=due_on,
        )

        overdue_proof.additional_properties = d
        return overdue_proof

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
