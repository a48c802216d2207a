from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.figures_consultations_type_1 import FiguresConsultationsType1
from ..models.figures_new_cases_type_1 import FiguresNewCasesType1
from ..models.figures_persons_counselled_type_1 import FiguresPersonsCounselledType1
from ..models.figures_plans_created_type_1 import FiguresPlansCreatedType1
from ..models.figures_plans_revised_type_1 import FiguresPlansRevisedType1

if TYPE_CHECKING:
    from ..models.agency_count import AgencyCount
    from ..models.goal_count import GoalCount
    from ..models.reason_count import ReasonCount


T = TypeVar("T", bound="Figures")


@_attrs_define
class Figures:
    """The figures of one case worker, or of the whole organization, for the period.

    Attributes:
        persons_counselled (FiguresPersonsCounselledType1 | int): Cases with at least one consultation in the period
        new_cases (FiguresNewCasesType1 | int): Cases opened in the period
        plans_created (FiguresPlansCreatedType1 | int): First plan versions written in the period
        plans_revised (FiguresPlansRevisedType1 | int): Plan reviews (versions 2 and later) written in the period
        consultations (FiguresConsultationsType1 | int): Consultations held in the period
        consultation_hours (str): Hours of those consultations, two decimals; "<5" when fewer than 5 consultations;
            "withheld" with the consultations (secondary suppression)
        goals (list[GoalCount]): Goals of each case's latest plan version (as of the period end) by field and status,
            for cases open during the period; zero counts omitted
        referrals (list[AgencyCount]): Referrals made in the period by agency
        cases_closed (list[ReasonCount]): Cases closed in the period by closing reason
    """

    persons_counselled: FiguresPersonsCounselledType1 | int
    new_cases: FiguresNewCasesType1 | int
    plans_created: FiguresPlansCreatedType1 | int
    plans_revised: FiguresPlansRevisedType1 | int
    consultations: FiguresConsultationsType1 | int
    consultation_hours: str
    goals: list[GoalCount]
    referrals: list[AgencyCount]
    cases_closed: list[ReasonCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        persons_counselled: int | str
        if isinstance(self.persons_counselled, FiguresPersonsCounselledType1):
            persons_counselled = self.persons_counselled.value
        else:
            persons_counselled = self.persons_counselled

        new_cases: int | str
        if isinstance(self.new_cases, FiguresNewCasesType1):
            new_cases = self.new_cases.value
        else:
            new_cases = self.new_cases

        plans_created: int | str
        if isinstance(self.plans_created, FiguresPlansCreatedType1):
            plans_created = self.plans_created.value
        else:
            plans_created = self.plans_created

        plans_revised: int | str
        if isinstance(self.plans_revised, FiguresPlansRevisedType1):
            plans_revised = self.plans_revised.value
        else:
            plans_revised = self.plans_revised

        consultations: int | str
        if isinstance(self.consultations, FiguresConsultationsType1):
            consultations = self.consultations.value
        else:
            consultations = self.consultations

        consultation_hours = self.consultation_hours

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

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
                "persons_counselled": persons_counselled,
                "new_cases": new_cases,
                "plans_created": plans_created,
                "plans_revised": plans_revised,
                "consultations": consultations,
                "consultation_hours": consultation_hours,
                "goals": goals,
                "referrals": referrals,
                "cases_closed": cases_closed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_count import AgencyCount  # noqa: PLC0415
        from ..models.goal_count import GoalCount  # noqa: PLC0415
        from ..models.reason_count import ReasonCount  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_persons_counselled(data: object) -> FiguresPersonsCounselledType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                persons_counselled_type_1 = FiguresPersonsCounselledType1(data)

                return persons_counselled_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiguresPersonsCounselledType1 | int, data)

        persons_counselled = _parse_persons_counselled(d.pop("persons_counselled"))

        def _parse_new_cases(data: object) -> FiguresNewCasesType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_cases_type_1 = FiguresNewCasesType1(data)

                return new_cases_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiguresNewCasesType1 | int, data)

        new_cases = _parse_new_cases(d.pop("new_cases"))

        def _parse_plans_created(data: object) -> FiguresPlansCreatedType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plans_created_type_1 = FiguresPlansCreatedType1(data)

                return plans_created_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiguresPlansCreatedType1 | int, data)

        plans_created = _parse_plans_created(d.pop("plans_created"))

        def _parse_plans_revised(data: object) -> FiguresPlansRevisedType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plans_revised_type_1 = FiguresPlansRevisedType1(data)

                return plans_revised_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiguresPlansRevisedType1 | int, data)

        plans_revised = _parse_plans_revised(d.pop("plans_revised"))

        def _parse_consultations(data: object) -> FiguresConsultationsType1 | int:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consultations_type_1 = FiguresConsultationsType1(data)

                return consultations_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiguresConsultationsType1 | int, data)

        consultations = _parse_consultations(d.pop("consultations"))

        consultation_hours = d.pop("consultation_hours")

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalCount.from_dict(goals_item_data)

            goals.append(goals_item)

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

        figures = cls(
            persons_counselled=persons_counselled,
            new_cases=new_cases,
            plans_created=plans_created,
            plans_revised=plans_revised,
            consultations=consultations,
            consultation_hours=consultation_hours,
            goals=goals,
            referrals=referrals,
            cases_closed=cases_closed,
        )

        figures.additional_properties = d
        return figures

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
