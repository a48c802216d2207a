from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_summary_closing_reason_type_0 import CaseSummaryClosingReasonType0
from ..models.case_summary_status import CaseSummaryStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseSummary")


@_attrs_define
class CaseSummary:
    """A case in a list: no personal data.

    Attributes:
        id (UUID):
        reference (str): Human-readable number, unique per organization and year
        external_id (None | str):
        pseudonym (str):
        org_id (str):
        municipality_ags (str):
        assigned_worker (str):
        status (CaseSummaryStatus):
        closing_reason (CaseSummaryClosingReasonType0 | None):
        opened_on (datetime.date):
        closed_on (datetime.date | None):
        next_review_on (datetime.date | None): Next plan review, from the latest plan version
        updated_at (datetime.datetime):
        version (int):
        commissioned_by (None | str | Unset): A charity delivering for a municipality (or district): the commissioning
            organization's id in the directory; the case then counts for it (key figures `commissioned_by`, proofs of use)
        grant_id (None | Unset | UUID): The funding application (grant) the counselling is delivered under, if known
    """

    id: UUID
    reference: str
    external_id: None | str
    pseudonym: str
    org_id: str
    municipality_ags: str
    assigned_worker: str
    status: CaseSummaryStatus
    closing_reason: CaseSummaryClosingReasonType0 | None
    opened_on: datetime.date
    closed_on: datetime.date | None
    next_review_on: datetime.date | None
    updated_at: datetime.datetime
    version: int
    commissioned_by: None | str | Unset = UNSET
    grant_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        reference = self.reference

        external_id: None | str
        external_id = self.external_id

        pseudonym = self.pseudonym

        org_id = self.org_id

        municipality_ags = self.municipality_ags

        assigned_worker = self.assigned_worker

        status = self.status.value

        closing_reason: None | str
        if isinstance(self.closing_reason, CaseSummaryClosingReasonType0):
            closing_reason = self.closing_reason.value
        else:
            closing_reason = self.closing_reason

        opened_on = self.opened_on.isoformat()

        closed_on: None | str
        if isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

        next_review_on: None | str
        if isinstance(self.next_review_on, datetime.date):
            next_review_on = self.next_review_on.isoformat()
        else:
            next_review_on = self.next_review_on

        updated_at = self.updated_at.isoformat()

        version = self.version

        commissioned_by: None | str | Unset
        if isinstance(self.commissioned_by, Unset):
            commissioned_by = UNSET
        else:
            commissioned_by = self.commissioned_by

        grant_id: None | str | Unset
        if isinstance(self.grant_id, Unset):
            grant_id = UNSET
        elif isinstance(self.grant_id, UUID):
            grant_id = str(self.grant_id)
        else:
            grant_id = self.grant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "external_id": external_id,
                "pseudonym": pseudonym,
                "org_id": org_id,
                "municipality_ags": municipality_ags,
                "assigned_worker": assigned_worker,
                "status": status,
                "closing_reason": closing_reason,
                "opened_on": opened_on,
                "closed_on": closed_on,
                "next_review_on": next_review_on,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if commissioned_by is not UNSET:
            field_dict["commissioned_by"] = commissioned_by
        if grant_id is not UNSET:
            field_dict["grant_id"] = grant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        reference = d.pop("reference")

        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))

        pseudonym = d.pop("pseudonym")

        org_id = d.pop("org_id")

        municipality_ags = d.pop("municipality_ags")

        assigned_worker = d.pop("assigned_worker")

        status = CaseSummaryStatus(d.pop("status"))

        def _parse_closing_reason(data: object) -> CaseSummaryClosingReasonType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closing_reason_type_0 = CaseSummaryClosingReasonType0(data)

                return closing_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseSummaryClosingReasonType0 | None, data)

        closing_reason = _parse_closing_reason(d.pop("closing_reason"))

        opened_on = datetime.date.fromisoformat(d.pop("opened_on"))

        def _parse_closed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        closed_on = _parse_closed_on(d.pop("closed_on"))

        def _parse_next_review_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_on_type_0 = datetime.date.fromisoformat(data)

                return next_review_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_review_on = _parse_next_review_on(d.pop("next_review_on"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_commissioned_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        commissioned_by = _parse_commissioned_by(d.pop("commissioned_by", UNSET))

        def _parse_grant_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grant_id_type_0 = UUID(data)

                return grant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        grant_id = _parse_grant_id(d.pop("grant_id", UNSET))

        case_summary = cls(
            id=id,
            reference=reference,
            external_id=external_id,
            pseudonym=pseudonym,
            org_id=org_id,
            municipality_ags=municipality_ags,
            assigned_worker=assigned_worker,
            status=status,
            closing_reason=closing_reason,
            opened_on=opened_on,
            closed_on=closed_on,
            next_review_on=next_review_on,
            updated_at=updated_at,
            version=version,
            commissioned_by=commissioned_by,
            grant_id=grant_id,
        )

        case_summary.additional_properties = d
        return case_summary

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
