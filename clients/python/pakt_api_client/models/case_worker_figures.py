from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.figures import Figures


T = TypeVar("T", bound="CaseWorkerFigures")


@_attrs_define
class CaseWorkerFigures:
    """
    Attributes:
        case_worker (str): Subject of the case worker the cases are assigned to
        figures (Figures): The figures of one case worker, or of the whole organization, for the period.
    """

    case_worker: str
    figures: Figures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_worker = self.case_worker

        figures = self.figures.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_worker": case_worker,
                "figures": figures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)
        case_worker = d.pop("case_worker")

        figures = Figures.from_dict(d.pop("figures"))

        case_worker_figures = cls(
            case_worker=case_worker,
            figures=figures,
        )

        case_worker_figures.additional_properties = d
        return case_worker_figures

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
