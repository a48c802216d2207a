from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErasureRead")


@_attrs_define
class ErasureRead:
    """The result of an erasure (GDPR Art. 17).

    Attributes:
        case_id (UUID):
        erased_at (datetime.datetime):
        removed (list[str]): What was removed
        kept (list[str]): What stays, anonymous
    """

    case_id: UUID
    erased_at: datetime.datetime
    removed: list[str]
    kept: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        case_id = str(self.case_id)

        erased_at = self.erased_at.isoformat()

        removed = self.removed

        kept = self.kept

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "case_id": case_id,
                "erased_at": erased_at,
                "removed": removed,
                "kept": kept,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        case_id = UUID(d.pop("case_id"))

        erased_at = datetime.datetime.fromisoformat(d.pop("erased_at"))

        removed = cast(list[str], d.pop("removed"))

        kept = cast(list[str], d.pop("kept"))

        erasure_read = cls(
            case_id=case_id,
            erased_at=erased_at,
            removed=removed,
            kept=kept,
        )

        erasure_read.additional_properties = d
        return erasure_read

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
