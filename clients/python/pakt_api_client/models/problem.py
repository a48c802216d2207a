from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError
    from ..models.import_summary import ImportSummary
    from ..models.line_error import LineError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document.

    Attributes:
        type_ (str): URI naming the kind of problem, stable: `{PUBLIC_BASE_URL}/problems/{slug}` (e.g.
            `https://api.example.org/problems/funding/budget-exceeded`; `PUBLIC_BASE_URL` is the gateway's origin). It
            resolves to a page (German and English) saying what the problem means and what to do; `/problems/` lists them
            all
        title (str): Short summary of the problem type, in the language `Accept-Language` asks for (`de` or `en`,
            default `en`; `Content-Language` says which)
        status (int):
        detail (None | str | Unset):
        instance (None | str | Unset):
        request_id (None | str | Unset):
        errors (list[FieldError] | None | Unset):
        error_count (int | None | Unset): Validation problems: how many errors there were in all
        errors_truncated (bool | None | Unset): Validation problems: `errors` lists only the first 50
        line_errors (list[LineError] | None | Unset): Refused imports (`import-refused`): every refused line of the file
        line_errors_truncated (bool | None | Unset): Refused imports: `line_errors` lists only the first errors
        summary (ImportSummary | None | Unset): Refused imports: what the file would have done
    """

    type_: str
    title: str
    status: int
    detail: None | str | Unset = UNSET
    instance: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    errors: list[FieldError] | None | Unset = UNSET
    error_count: int | None | Unset = UNSET
    errors_truncated: bool | None | Unset = UNSET
    line_errors: list[LineError] | None | Unset = UNSET
    line_errors_truncated: bool | None | Unset = UNSET
    summary: ImportSummary | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_summary import ImportSummary  # noqa: PLC0415

        type_ = self.type_

        title = self.title

        status = self.status

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        instance: None | str | Unset
        if isinstance(self.instance, Unset):
            instance = UNSET
        else:
            instance = self.instance

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        error_count: int | None | Unset
        if isinstance(self.error_count, Unset):
            error_count = UNSET
        else:
            error_count = self.error_count

        errors_truncated: bool | None | Unset
        if isinstance(self.errors_truncated, Unset):
            errors_truncated = UNSET
        else:
            errors_truncated = self.errors_truncated

        line_errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.line_errors, Unset):
            line_errors = UNSET
        elif isinstance(self.line_errors, list):
            line_errors = []
            for line_errors_type_0_item_data in self.line_errors:
                line_errors_type_0_item = line_errors_type_0_item_data.to_dict()
                line_errors.append(line_errors_type_0_item)

        else:
            line_errors = self.line_errors

        line_errors_truncated: bool | None | Unset
        if isinstance(self.line_errors_truncated, Unset):
            line_errors_truncated = UNSET
        else:
            line_errors_truncated = self.line_errors_truncated

        summary: dict[str, Any] | None | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        elif isinstance(self.summary, ImportSummary):
            summary = self.summary.to_dict()
        else:
            summary = self.summary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
            }
        )
        if detail is not UNSET:
            field_dict["detail"] = detail
        if instance is not UNSET:
            field_dict["instance"] = instance
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if errors is not UNSET:
            field_dict["errors"] = errors
        if error_count is not UNSET:
            field_dict["error_count"] = error_count
        if errors_truncated is not UNSET:
            field_dict["errors_truncated"] = errors_truncated
        if line_errors is not UNSET:
            field_dict["line_errors"] = line_errors
        if line_errors_truncated is not UNSET:
            field_dict["line_errors_truncated"] = line_errors_truncated
        if summary is not UNSET:
            field_dict["summary"] = summary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415
        from ..models.import_summary import ImportSummary  # noqa: PLC0415
        from ..models.line_error import LineError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_instance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instance = _parse_instance(d.pop("instance", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_errors(data: object) -> list[FieldError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = FieldError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FieldError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_error_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        error_count = _parse_error_count(d.pop("error_count", UNSET))

        def _parse_errors_truncated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        errors_truncated = _parse_errors_truncated(d.pop("errors_truncated", UNSET))

        def _parse_line_errors(data: object) -> list[LineError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                line_errors_type_0 = []
                _line_errors_type_0 = data
                for line_errors_type_0_item_data in _line_errors_type_0:
                    line_errors_type_0_item = LineError.from_dict(line_errors_type_0_item_data)

                    line_errors_type_0.append(line_errors_type_0_item)

                return line_errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LineError] | None | Unset, data)

        line_errors = _parse_line_errors(d.pop("line_errors", UNSET))

        def _parse_line_errors_truncated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        line_errors_truncated = _parse_line_errors_truncated(d.pop("line_errors_truncated", UNSET))

        def _parse_summary(data: object) -> ImportSummary | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                summary_type_0 = ImportSummary.from_dict(data)

                return summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportSummary | None | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            instance=instance,
            request_id=request_id,
            errors=errors,
            error_count=error_count,
            errors_truncated=errors_truncated,
            line_errors=line_errors,
            line_errors_truncated=line_errors_truncated,
            summary=summary,
        )

        problem.additional_properties = d
        return problem

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
