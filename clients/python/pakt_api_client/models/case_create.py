from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaseCreate")


@_attrs_define
class CaseCreate:
    """Opens a case. Personal data come later, and only after consent is recorded.

    Attributes:
        pseudonym (str): A label that does not identify the person (always stored)
        municipality_ags (str): The *Amtlicher Gemeindeschlüssel* (AGS, official municipality key) of a municipality in
            Baden-Württemberg, 8 digits (`08117019` Göppingen). Its prefixes name the units above:
            `08` the state, 3 digits the *Regierungsbezirk* (`081` Stuttgart), 5 digits the district
            (`08117` Landkreis Göppingen).
        opened_on (datetime.date | None | Unset): Start of the counselling; today when omitted
        external_id (None | str | Unset): Your system's id; unique per organization
        assigned_worker (None | str | Unset): Subject of the case worker; the caller when omitted
        commissioned_by (None | str | Unset): A charity delivering for a municipality (or district): the commissioning
            organization's id in the directory; the case then counts for it (key figures `commissioned_by`, proofs of use)
        grant_id (None | Unset | UUID): The funding application (grant) the counselling is delivered under, if known
    """

    pseudonym: str
    municipality_ags: str
    opened_on: datetime.date | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    assigned_worker: None | str | Unset = UNSET
    commissioned_by: None | str | Unset = UNSET
    grant_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        pseudonym = self.pseudonym

        municipality_ags = self.municipality_ags

        opened_on: None | str | Unset
        if isinstance(self.opened_on, Unset):
            opened_on = UNSET
        elif isinstance(self.opened_on, datetime.date):
            opened_on = self.opened_on.isoformat()
        else:
            opened_on = self.opened_on

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

        field_dict.update(
            {
                "pseudonym": pseudonym,
                "municipality_ags": municipality_ags,
            }
        )
        if opened_on is not UNSET:
            field_dict["opened_on"] = opened_on
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if assigned_worker is not UNSET:
            field_dict["assigned_worker"] = assigned_worker
        if commissioned_by is not UNSET:
            field_dict["commissioned_by"] = commissioned_by
        if grant_id is not UNSET:
            field_dict["grant_id"] = grant_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pseudonym = d.pop("pseudonym")

        municipality_ags = d.pop("municipality_ags")

        def _parse_opened_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_on_type_0 = datetime.date.fromisoformat(data)

                return opened_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        opened_on = _parse_opened_on(d.pop("opened_on", UNSET))

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

        case_create = cls(
            pseudonym=pseudonym,
            municipality_ags=municipality_ags,
            opened_on=opened_on,
            external_id=external_id,
            assigned_worker=assigned_worker,
            commissioned_by=commissioned_by,
            grant_id=grant_id,
        )

        return case_create
