from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.frame_usage_read_frame_status import FrameUsageReadFrameStatus

if TYPE_CHECKING:
    from ..models.frame_hold_read import FrameHoldRead


T = TypeVar("T", bound="FrameUsageRead")


@_attrs_define
class FrameUsageRead:
    """A municipality's frame in a programme, what submitted, forwarded and approved
    applications hold of it (alone, in a consortium or delegated to the district), and what
    remains.

        Attributes:
            programme_id (UUID):
            ags (str):
            name (str):
            frame_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
            frame_status (FrameUsageReadFrameStatus):
            held_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
            remaining_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
            holds (list[FrameHoldRead]):
    """

    programme_id: UUID
    ags: str
    name: str
    frame_amount: str
    frame_status: FrameUsageReadFrameStatus
    held_amount: str
    remaining_amount: str
    holds: list[FrameHoldRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        programme_id = str(self.programme_id)

        ags = self.ags

        name = self.name

        frame_amount = self.frame_amount

        frame_status = self.frame_status.value

        held_amount = self.held_amount

        remaining_amount = self.remaining_amount

        holds = []
        for holds_item_data in self.holds:
            holds_item = holds_item_data.to_dict()
            holds.append(holds_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "programme_id": programme_id,
                "ags": ags,
                "name": name,
                "frame_amount": frame_amount,
                "frame_status": frame_status,
                "held_amount": held_amount,
                "remaining_amount": remaining_amount,
                "holds": holds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.frame_hold_read import FrameHoldRead  # noqa: PLC0415

        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))

        ags = d.pop("ags")

        name = d.pop("name")

        frame_amount = d.pop("frame_amount")

        frame_status = FrameUsageReadFrameStatus(d.pop("frame_status"))

        held_amount = d.pop("held_amount")

        remaining_amount = d.pop("remaining_amount")

        holds = []
        _holds = d.pop("holds")
        for holds_item_data in _holds:
            holds_item = FrameHoldRead.from_dict(holds_item_data)

            holds.append(holds_item)

        frame_usage_read = cls(
            programme_id=programme_id,
            ags=ags,
            name=name,
            frame_amount=frame_amount,
            frame_status=frame_status,
            held_amount=held_amount,
            remaining_amount=remaining_amount,
            holds=holds,
        )

        frame_usage_read.additional_properties = d
        return frame_usage_read

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
