from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.access_entry import AccessEntry
    from ..models.assignment_read import AssignmentRead
    from ..models.case_read import CaseRead
    from ..models.consultation_read import ConsultationRead
    from ..models.plan_version_read import PlanVersionRead
    from ..models.referral_read import ReferralRead


T = TypeVar("T", bound="CaseExport")


@_attrs_define
class CaseExport:
    """Everything stored about the person of one case (GDPR Art. 15), as one document.

    Attributes:
        exported_at (datetime.datetime):
        case (CaseRead): A case with its consent and, while consent is active, the person's data (read is logged).
        plan_versions (list[PlanVersionRead]):
        consultations (list[ConsultationRead]):
        referrals (list[ReferralRead]):
        volunteer_assignments (list[AssignmentRead]):
        access_log (list[AccessEntry]): Who read the data, newest first (the recipients)
    """

    exported_at: datetime.datetime
    case: CaseRead
    plan_versions: list[PlanVersionRead]
    consultations: list[ConsultationRead]
    referrals: list[ReferralRead]
    volunteer_assignments: list[AssignmentRead]
    access_log: list[AccessEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exported_at = self.exported_at.isoformat()

        case = self.case.to_dict()

        plan_versions = []
        for plan_versions_item_data in self.plan_versions:
            plan_versions_item = plan_versions_item_data.to_dict()
            plan_versions.append(plan_versions_item)

        consultations = []
        for consultations_item_data in self.consultations:
            consultations_item = consultations_item_data.to_dict()
            consultations.append(consultations_item)

        referrals = []
        for referrals_item_data in self.referrals:
            referrals_item = referrals_item_data.to_dict()
            referrals.append(referrals_item)

        volunteer_assignments = []
        for volunteer_assignments_item_data in self.volunteer_assignments:
            volunteer_assignments_item = volunteer_assignments_item_data.to_dict()
            volunteer_assignments.append(volunteer_assignments_item)

        access_log = []
        for access_log_item_data in self.access_log:
            access_log_item = access_log_item_data.to_dict()
            access_log.append(access_log_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exported_at": exported_at,
                "case": case,
                "plan_versions": plan_versions,
                "consultations": consultations,
                "referrals": referrals,
                "volunteer_assignments": volunteer_assignments,
                "access_log": access_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_entry import AccessEntry  # noqa: PLC0415
        from ..models.assignment_read import AssignmentRead  # noqa: PLC0415
        from ..models.case_read import CaseRead  # noqa: PLC0415
        from ..models.consultation_read import ConsultationRead  # noqa: PLC0415
        from ..models.plan_version_read import PlanVersionRead  # noqa: PLC0415
        from ..models.referral_read import ReferralRead  # noqa: PLC0415

        d = dict(src_dict)
        exported_at = datetime.datetime.fromisoformat(d.pop("exported_at"))

        case = CaseRead.from_dict(d.pop("case"))

        plan_versions = []
        _plan_versions = d.pop("plan_versions")
        for plan_versions_item_data in _plan_versions:
            plan_versions_item = PlanVersionRead.from_dict(plan_versions_item_data)

            plan_versions.append(plan_versions_item)

        consultations = []
        _consultations = d.pop("consultations")
        for consultations_item_data in _consultations:
            consultations_item = ConsultationRead.from_dict(consultations_item_data)

            consultations.append(consultations_item)

        referrals = []
        _referrals = d.pop("referrals")
        for referrals_item_data in _referrals:
            referrals_item = ReferralRead.from_dict(referrals_item_data)

            referrals.append(referrals_item)

        volunteer_assignments = []
        _volunteer_assignments = d.pop("volunteer_assignments")
        for volunteer_assignments_item_data in _volunteer_assignments:
            volunteer_assignments_item = AssignmentRead.from_dict(volunteer_assignments_item_data)

            volunteer_assignments.append(volunteer_assignments_item)

        access_log = []
        _access_log = d.pop("access_log")
        for access_log_item_data in _access_log:
            access_log_item = AccessEntry.from_dict(access_log_item_data)

            access_log.append(access_log_item)

        case_export = cls(
            exported_at=exported_at,
            case=case,
            plan_versions=plan_versions,
            consultations=consultations,
            referrals=referrals,
            volunteer_assignments=volunteer_assignments,
            access_log=access_log,
        )

        case_export.additional_properties = d
        return case_export

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
