from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consortium_member_read_frame_status_type_0 import ConsortiumMemberReadFrameStatusType0
from ..models.consortium_member_read_state import ConsortiumMemberReadState
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsortiumMemberRead")


@_attrs_define
class ConsortiumMemberRead:
    """
    Attributes:
        ags (str):
        org_id (str):
        name (None | str):
        state (ConsortiumMemberReadState): `invited` until the municipality's applicant or org_admin accepts or
            declines; `left` after leaving, `dissolved` with the consortium
        frame_amount (None | str):
        frame_status (ConsortiumMemberReadFrameStatusType0 | None):
        responded_at (datetime.datetime | None | Unset):
    """

    ags: str
    org_id: str
    name: None | str
    state: ConsortiumMemberReadState
    frame_amount: None | str
    frame_status: ConsortiumMemberReadFrameStatusType0 | None
    responded_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ags = self.ags

        org_id = self.org_id

        name: None | str
        name = self.name

        state = self.state.value

        frame_amount: None | str
        frame_amount = self.frame_amount

        frame_status: None | str
        if isinstance(self.frame_status, ConsortiumMemberReadFrameStatusType0):
            frame_status = self.frame_status.value
        else:
            frame_status = self.frame_status

        responded_at: None | str | Unset
        if isinstance(self.responded_at, Unset):
            responded_at = UNSET
        elif isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ags": ags,
                "org_id": org_id,
                "name": name,
                "state": state,
                "frame_amount": frame_amount,
                "frame_status": frame_status,
            }
        )
        if responded_at is not UNSET:
            field_dict["responded_at"] = responded_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ags = d.pop("ags")

        org_id = d.pop("org_id")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        state = ConsortiumMemberReadState(d.pop("state"))

        def _parse_frame_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        frame_amount = _parse_frame_amount(d.pop("frame_amount"))

        def _parse_frame_status(data: object) -> ConsortiumMemberReadFrameStatusType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frame_status_type_0 = ConsortiumMemberReadFrameStatusType0(data)

                return frame_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsortiumMemberReadFrameStatusType0 | None, data)

        frame_status = _parse_frame_status(d.pop("frame_status"))

        def _parse_responded_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        responded_at = _parse_responded_at(d.pop("responded_at", UNSET))

        consortium_member_read = cls(
            ags=ags,
            org_id=org_id,
            name=name,
            state=state,
            frame_amount=frame_amount,
            frame_status=frame_status,
            responded_at=responded_at,
        )

        consortium_member_read.additional_properties = d
        return consortium_member_read

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
