from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RedeliverEvent")


@_attrs_define
class RedeliverEvent:
    """One event again, by its id (as in `data.id` of the delivery).

    Attributes:
        event_id (int):
    """

    event_id: int

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "event_id": event_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_id = d.pop("event_id")

        redeliver_event = cls(
            event_id=event_id,
        )

        return redeliver_event
