from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.line_error_code import LineErrorCode

T = TypeVar("T", bound="LineError")


@_attrs_define
class LineError:
    """Why one line of an imported file was refused (a line may have several).

    Attributes:
        line (int): Line number in the file (CSV: the header is line 1; JSON Lines: 1-based)
        field (None | str): The column or JSON member at fault; null when the whole line is
        code (LineErrorCode): `malformed`: the line cannot be split into the expected values; `invalid`: a value breaks
            its rule; `duplicate`: the line repeats an earlier key of the file; `conflict`: it contradicts what is stored;
            `not-found`: it names something unknown
        message (str):
    """

    line: int
    field: None | str
    code: LineErrorCode
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        field: None | str
        field = self.field

        code = self.code.value

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "field": field,
                "code": code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))

        code = LineErrorCode(d.pop("code"))

        message = d.pop("message")

        line_error = cls(
            line=line,
            field=field,
            code=code,
            message=message,
        )

        line_error.additional_properties = d
        return line_error

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
