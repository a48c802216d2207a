from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.case_worker_figures import CaseWorkerFigures
    from ..models.figures import Figures


T = TypeVar("T", bound="KeyFigures")


@_attrs_define
class KeyFigures:
    """Key figures of one organization for a period, in total and per case worker.

    Used by municipalities for their yearly report and by the funding service for proofs of use.
    Published figures: counts from 1 to 4 read "<5" (primary suppression); a total whose cells
    include a "<5" reads "withheld" (secondary suppression), so no suppressed cell can be
    computed as the total minus the other cells. Callers holding the scope `figures:exact` (the
    funding service's client, for proofs of use) get exact counts (`exact: true`).

        Attributes:
            org (str): Organization id the figures belong to
            period_start (datetime.date):
            period_end (datetime.date):
            case_worker (None | str): Set when the figures were limited to one case worker
            generated_at (datetime.datetime):
            totals (Figures): The figures of one case worker, or of the whole organization, for the period.
            by_case_worker (list[CaseWorkerFigures]):
            commissioned_by (None | str | Unset): Set when the figures were limited to the cases delivered for this
                commissioning organization
            grant_id (None | Unset | UUID): Set when the figures were limited to the cases delivered under a grant
            exact (bool | Unset): True: exact counts, nothing suppressed (scope `figures:exact` only) Default: False.
            suppression_threshold (int | Unset): Counts below this are shown as "<5" Default: 5.
    """

    org: str
    period_start: datetime.date
    period_end: datetime.date
    case_worker: None | str
    generated_at: datetime.datetime
    totals: Figures
    by_case_worker: list[CaseWorkerFigures]
    commissioned_by: None | str | Unset = UNSET
    grant_id: None | Unset | UUID = UNSET
    exact: bool | Unset = False
    suppression_threshold: int | Unset = 5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        org = self.org

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        case_worker: None | str
        case_worker = self.case_worker

        generated_at = self.generated_at.isoformat()

        totals = self.totals.to_dict()

        by_case_worker = []
        for by_case_worker_item_data in self.by_case_worker:
            by_case_worker_item = by_case_worker_item_data.to_dict()
            by_case_worker.append(by_case_worker_item)

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

        exact = self.exact

        suppression_threshold = self.suppression_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "org": org,
                "period_start": period_start,
                "period_end": period_end,
                "case_worker": case_worker,
                "generated_at": generated_at,
                "totals": totals,
                "by_case_worker": by_case_worker,
            }
        )
        if commissioned_by is not UNSET:
            field_dict["commissioned_by"] = commissioned_by
        if grant_id is not UNSET:
            field_dict["grant_id"] = grant_id
        if exact is not UNSET:
            field_dict["exact"] = exact
        if suppression_threshold is not UNSET:
            field_dict["suppression_threshold"] = suppression_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_worker_figures import CaseWorkerFigures  # noqa: PLC0415
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)
        org = d.pop("org")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        def _parse_case_worker(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        case_worker = _parse_case_worker(d.pop("case_worker"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        totals = Figures.from_dict(d.pop("totals"))

        by_case_worker = []
        _by_case_worker = d.pop("by_case_worker")
        for by_case_worker_item_data in _by_case_worker:
            by_case_worker_item = CaseWorkerFigures.from_dict(by_case_worker_item_data)

            by_case_worker.append(by_case_worker_item)

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

        exact = d.pop("exact", UNSET)

        suppression_threshold = d.pop("suppression_threshold", UNSET)

        key_figures = cls(
            org=org,
            period_start=period_start,
            period_end=period_end,
            case_worker=case_worker,
            generated_at=generated_at,
            totals=totals,
            by_case_worker=by_case_worker,
            commissioned_by=commissioned_by,
            grant_id=grant_id,
            exact=exact,
            suppression_threshold=suppression_threshold,
        )

        key_figures.additional_properties = d
        return key_figures

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
