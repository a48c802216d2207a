from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.case_update_closing_reason_type_0 import CaseUpdateClosingReasonType0
from ..models.case_update_status_type_0 import CaseUpdateStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseUpdate")


@_attrs_define
class CaseUpdate:
    """Changes a case (send If-Match). Closing needs `closing_reason`; reopening clears it.

    Attributes:
        pseudonym (None | str | Unset):
        municipality_ags (None | str | Unset):
        external_id (None | str | Unset):
        assigned_worker (None | str | Unset):
        status (CaseUpdateStatusType0 | None | Unset):
        closing_reason (CaseUpdateClosingReasonType0 | None | Unset):
        closed_on (datetime.date | None | Unset):
        commissioned_by (None | str | Unset): A charity delivering for a municipality (or district): the commissioning
            organization's id in the directory; the case then counts for it (key figures `commissioned_by`, proofs of use)
        grant_id (None | Unset | UUID): The funding application (grant) the counselling is delivered under, if known
    """

    pseudonym: None | str | Unset = UNSET
    municipality_ags: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    assigned_worker: None | str | Unset = UNSET
    status: CaseUpdateStatusType0 | None | Unset = UNSET
    closing_reason: CaseUpdateClosingReasonType0 | None | Unset = UNSET
    closed_on: datetime.date | None | Unset = UNSET
    commissioned_by: None | str | Unset = UNSET
    grant_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        pseudonym: None | str | Unset
        if isinstance(self.pseudonym, Unset):
            pseudonym = UNSET
        else:
            pseudonym = self.pseudonym

        municipality_ags: None | str | Unset
        if isinstance(self.municipality_ags, Unset):
            municipality_ags = UNSET
        else:
            municipality_ags = self.municipality_ags

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        assigned_worker: None | str | Unset
        if isinstance(self.assigned_worker, Unset):
            assigned_worker = UNSET
        else:
            assigned_worker = self.assigned_worker

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CaseUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        closing_reason: None | str | Unset
        if isinstance(self.closing_reason, Unset):
            closing_reason = UNSET
        elif isinstance(self.closing_reason, CaseUpdateClosingReasonType0):
            closing_reason = self.closing_reason.value
        else:
            closing_reason = self.closing_reason

        closed_on: None | str | Unset
        if isinstance(self.closed_on, Unset):
            closed_on = UNSET
        elif isinstance(self.closed_on, datetime.date):
            closed_on = self.closed_on.isoformat()
        else:
            closed_on = self.closed_on

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

        field_dict.update({})
        if pseudonym is not UNSET:
            field_dict["pseudonym"] = pseudonym
        if municipality_ags is not UNSET:
            field_dict["municipality_ags"] = municipality_ags
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if assigned_worker is not UNSET:
            field_dict["assigned_worker"] = assigned_worker
        if status is not UNSET:
            field_dict["status"] = status
        if closing_reason is not UNSET:
            field_dict["closing_reason"] = closing_reason
        if closed_on is not UNSET:
            field_dict["closed_on"] = closed_on
        if commissioned_by is not UNSET:
            field_dict["commissioned_by"] = commissioned_by
        if grant_id is not UNSET:
            field_dict["grant_id"] = grant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_pseudonym(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pseudonym = _parse_pseudonym(d.pop("pseudonym", UNSET))

        def _parse_municipality_ags(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        municipality_ags = _parse_municipality_ags(d.pop("municipality_ags", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_assigned_worker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_worker = _parse_assigned_worker(d.pop("assigned_worker", UNSET))

        def _parse_status(data: object) -> CaseUpdateStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = CaseUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseUpdateStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_closing_reason(data: object) -> CaseUpdateClosingReasonType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closing_reason_type_0 = CaseUpdateClosingReasonType0(data)

                return closing_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CaseUpdateClosingReasonType0 | None | Unset, data)

        closing_reason = _parse_closing_reason(d.pop("closing_reason", UNSET))

        def _parse_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_on_type_0 = datetime.date.fromisoformat(data)

                return closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closed_on = _parse_closed_on(d.pop("closed_on", UNSET))

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

        case_update = cls(
            pseudonym=pseudonym,
            municipality_ags=municipality_ags,
            external_id=external_id,
            assigned_worker=assigned_worker,
            status=status,
            closing_reason=closing_reason,
            closed_on=closed_on,
            commissioned_by=commissioned_by,
            grant_id=grant_id,
        )

        return case_update
