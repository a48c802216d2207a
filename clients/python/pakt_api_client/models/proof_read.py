from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.proof_read_key_figures import ProofReadKeyFigures
    from ..models.proof_read_months_worked import ProofReadMonthsWorked


T = TypeVar("T", bound="ProofRead")


@_attrs_define
class ProofRead:
    """
    Attributes:
        id (UUID):
        application_id (UUID):
        months_worked (ProofReadMonthsWorked): Months worked per position id
        key_figures (ProofReadKeyFigures): Exact key figures of the applicant for the period, from the cases service
            (`exact: true`), with `members`: the figures of each consortium member or delegating municipality, and
            `delivered_by`: the figures of each commissioned charity for the cases it delivered for the applicant or for one
            of the members
        report (str):
        filed_by (str):
        filed_at (datetime.datetime):
    """

    id: UUID
    application_id: UUID
    months_worked: ProofReadMonthsWorked
    key_figures: ProofReadKeyFigures
    report: str
    filed_by: str
    filed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        application_id = str(self.application_id)

        months_worked = self.months_worked.to_dict()

        key_figures = self.key_figures.to_dict()

        report = self.report

        filed_by = self.filed_by

        filed_at = self.filed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "application_id": application_id,
                "months_worked": months_worked,
                "key_figures": key_figures,
                "report": report,
                "filed_by": filed_by,
                "filed_at": filed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proof_read_key_figures import ProofReadKeyFigures  # noqa: PLC0415
        from ..models.proof_read_months_worked import ProofReadMonthsWorked  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        application_id = UUID(d.pop("application_id"))

        months_worked = ProofReadMonthsWorked.from_dict(d.pop("months_worked"))

        key_figures = ProofReadKeyFigures.from_dict(d.pop("key_figures"))

        report = d.pop("report")

        filed_by = d.pop("filed_by")

        filed_at = datetime.datetime.fromisoformat(d.pop("filed_at"))

        proof_read = cls(
            id=id,
            application_id=application_id,
            months_worked=months_worked,
            key_figures=key_figures,
            report=report,
            filed_by=filed_by,
            filed_at=filed_at,
        )

        proof_read.additional_properties = d
        return proof_read

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
