from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.area_figures_consultations_type_1 import AreaFiguresConsultationsType1
from ..models.area_figures_new_cases_type_1 import AreaFiguresNewCasesType1
from ..models.area_figures_plans_created_type_1 import AreaFiguresPlansCreatedType1
from ..models.area_figures_plans_revised_type_1 import AreaFiguresPlansRevisedType1

if TYPE_CHECKING:
    from ..models.agency_count import AgencyCount
    from ..models.reason_count import ReasonCount


T = TypeVar("T", bound="AreaFigures")


@_attrs_define
class AreaFigures:
    """Figures that add up across organizations and months (from `figure_month`).

    Attributes:
        new_cases (AreaFiguresNewCasesType1 | int): Cases opened in the period
        plans_created (AreaFiguresPlansCreatedType1 | int): First plan versions written in the period
        plans_revised (AreaFiguresPlansRevisedType1 | int): Plan versions 2 and later written in the period
        consultations (AreaFiguresConsultationsType1 | int): Consultations held in the period
        consultation_hours (str): Hours of those consultations, two decimals; "<5" when fewer than 5 consultations
        referrals (list[AgencyCount]): Referrals made in the period by agency
        cases_closed (list[ReasonCount]): Cases closed in the period by closing reason
    """

    new_cases: AreaFiguresNewCasesType1 | int
    plans_created: AreaFiguresPlansCreatedType1 | int
    plans_revised: AreaFiguresPlansRevisedType1 | int
    consultations: AreaFiguresConsultationsType1 | int
    consultation_hours: str
    referrals: list[AgencyCount]
    cases_closed: list[ReasonCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        new_cases: int | str
        if isinstance(self.new_cases, AreaFiguresNewCasesType1):
            new_cases = self.new_cases.value
        else:
            new_cases = self.new_cases

        plans_created: int | str
        if isinstance(self.plans_created, AreaFiguresPlansCreatedType1):
            plans_created = self.plans_created.value
        else:
            plans_created = self.plans_created

        plans_revised: int | str
        if isinstance(self.plans_revised, AreaFiguresPlansRevisedType1):
            plans_revised = self.plans_revised.value
        else:
            plans_revised = self.plans_revised

        consultations: int | str
        if isinstance(self.consultations, AreaFiguresConsultationsType1):
            consultations = self.consultations.value
        else:
            consultations = self.consultations

        consultation_hours = self.consultation_hours

        referrals = []
        for referrals_item_data in self.referrals:
            referrals_item = referrals_item_data.to_dict()
            referrals.append(referrals_item)

        cases_closed = []
        for cases_closed_item_data in self.cases_closed:
            cases_closed_item = cases_closed_item_data.to_dict()
            cases_closed.append(cases_closed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "new_cases": new_cases,
                "plans_created": plans_created,
                "plans_revised": plans_revised,
                "consultations": consultations,
                "consultation_hours": consultation_hours,
                "referrals": referrals,
                "cases_closed": cases_closed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_count import AgencyCount  # noqa: PLC0415
        from ..models.reason_count import ReasonCount  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_new_cases(data: object) -> AreaFiguresNewCasesType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_cases_type_1 = AreaFiguresNewCasesType1(data)

                return new_cases_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AreaFiguresNewCasesType1 | int, data)

        new_cases = _parse_new_cases(d.pop("new_cases"))

        def _parse_plans_created(data: object) -> AreaFiguresPlansCreatedType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plans_created_type_1 = AreaFiguresPlansCreatedType1(data)

                return plans_created_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AreaFiguresPlansCreatedType1 | int, data)

        plans_created = _parse_plans_created(d.pop("plans_created"))

        def _parse_plans_revised(data: object) -> AreaFiguresPlansRevisedType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plans_revised_type_1 = AreaFiguresPlansRevisedType1(data)

                return plans_revised_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AreaFiguresPlansRevisedType1 | int, data)

        plans_revised = _parse_plans_revised(d.pop("plans_revised"))

        def _parse_consultations(data: object) -> AreaFiguresConsultationsType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consultations_type_1 = AreaFiguresConsultationsType1(data)

                return consultations_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AreaFiguresConsultationsType1 | int, data)

        consultations = _parse_consultations(d.pop("consultations"))

        consultation_hours = d.pop("consultation_hours")

        referrals = []
        _referrals = d.pop("referrals")
        for referrals_item_data in _referrals:
            referrals_item = AgencyCount.from_dict(referrals_item_data)

            referrals.append(referrals_item)

        cases_closed = []
        _cases_closed = d.pop("cases_closed")
        for cases_closed_item_data in _cases_closed:
            cases_closed_item = ReasonCount.from_dict(cases_closed_item_data)

            cases_closed.append(cases_closed_item)

        area_figures = cls(
            new_cases=new_cases,
            plans_created=plans_created,
            plans_revised=plans_revised,
            consultations=consultations,
            consultation_hours=consultation_hours,
            referrals=referrals,
            cases_closed=cases_closed,
        )

        area_figures.additional_properties = d
        return area_figures

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
