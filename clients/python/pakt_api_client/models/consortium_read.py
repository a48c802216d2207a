from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consortium_read_state import ConsortiumReadState

if TYPE_CHECKING:
    from ..models.consortium_member_read import ConsortiumMemberRead


T = TypeVar("T", bound="ConsortiumRead")


@_attrs_define
class ConsortiumRead:
    """A consortium with its members; it counts (for frames and applying) only when `active`.

    Attributes:
        id (UUID):
        programme_id (UUID):
        name (str):
        lead_org_id (str):
        lead_ags (str):
        state (ConsortiumReadState): `forming` until every remaining member has accepted, then `active`
        version (int): Send as If-Match (its ETag) to accept, leave or dissolve
        members (list[ConsortiumMemberRead]):
        frame_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        created_at (datetime.datetime):
    """

    id: UUID
    programme_id: UUID
    name: str
    lead_org_id: str
    lead_ags: str
    state: ConsortiumReadState
    version: int
    members: list[ConsortiumMemberRead]
    frame_amount: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        name = self.name

        lead_org_id = self.lead_org_id

        lead_ags = self.lead_ags

        state = self.state.value

        version = self.version

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        frame_amount = self.frame_amount

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "programme_id": programme_id,
                "name": name,
                "lead_org_id": lead_org_id,
                "lead_ags": lead_ags,
                "state": state,
                "version": version,
                "members": members,
                "frame_amount": frame_amount,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consortium_member_read import ConsortiumMemberRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        programme_id = UUID(d.pop("programme_id"))

        name = d.pop("name")

        lead_org_id = d.pop("lead_org_id")

        lead_ags = d.pop("lead_ags")

        state = ConsortiumReadState(d.pop("state"))

        version = d.pop("version")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = ConsortiumMemberRead.from_dict(members_item_data)

            members.append(members_item)

        frame_amount = d.pop("frame_amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        consortium_read = cls(
            id=id,
            programme_id=programme_id,
            name=name,
            lead_org_id=lead_org_id,
            lead_ags=lead_ags,
            state=state,
            version=version,
            members=members,
            frame_amount=frame_amount,
            created_at=created_at,
        )

        consortium_read.additional_properties = d
        return consortium_read

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
