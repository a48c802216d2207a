from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.case_import_report_mode import CaseImportReportMode

if TYPE_CHECKING:
    from ..models.import_summary import ImportSummary
    from ..models.line_error import LineError
    from ..models.line_result import LineResult


T = TypeVar("T", bound="CaseImportReport")


@_attrs_define
class CaseImportReport:
    """What the import did, with one result per line in file order (the case each line
    created or matched); refused lines are in `line_errors`. Sending the same file again
    reports every line `unchanged`.

        Attributes:
            mode (CaseImportReportMode): The commit mode the import ran with
            summary (ImportSummary): What the import did (or, when refused, would have done) with the file's lines.
            line_errors (list[LineError]): Refused lines in file order (at most 1000 listed); empty when every line was
                taken
            line_errors_truncated (bool): True when `line_errors` lists only the first errors; `summary.failed` counts every
                refused line
            results (list[LineResult]):
    """

    mode: CaseImportReportMode
    summary: ImportSummary
    line_errors: list[LineError]
    line_errors_truncated: bool
    results: list[LineResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        summary = self.summary.to_dict()

        line_errors = []
        for line_errors_item_data in self.line_errors:
            line_errors_item = line_errors_item_data.to_dict()
            line_errors.append(line_errors_item)

        line_errors_truncated = self.line_errors_truncated

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mode": mode,
                "summary": summary,
                "line_errors": line_errors,
                "line_errors_truncated": line_errors_truncated,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_summary import ImportSummary  # noqa: PLC0415
        from ..models.line_error import LineError  # noqa: PLC0415
        from ..models.line_result import LineResult  # noqa: PLC0415

        d = dict(src_dict)
        mode = CaseImportReportMode(d.pop("mode"))

        summary = ImportSummary.from_dict(d.pop("summary"))

        line_errors = []
        _line_errors = d.pop("line_errors")
        for line_errors_item_data in _line_errors:
            line_errors_item = LineError.from_dict(line_errors_item_data)

            line_errors.append(line_errors_item)

        line_errors_truncated = d.pop("line_errors_truncated")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = LineResult.from_dict(results_item_data)

            results.append(results_item)

        case_import_report = cls(
            mode=mode,
            summary=summary,
            line_errors=line_errors,
            line_errors_truncated=line_errors_truncated,
            results=results,
        )

        case_import_report.additional_properties = d
        return case_import_report

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
