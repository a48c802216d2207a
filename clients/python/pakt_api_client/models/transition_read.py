from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transition_read_action import TransitionReadAction
from ..models.transition_read_from_state import TransitionReadFromState
from ..models.transition_read_to_state import TransitionReadToState

T = TypeVar("T", bound="TransitionRead")


@_attrs_define
class TransitionRead:
    """
    Attributes:
        id (int):
        action (TransitionReadAction):
        from_state (TransitionReadFromState):
        to_state (TransitionReadToState):
        actor (str):
        actor_org (str):
        comment (None | str):
        granted_amount (None | str):
        notice_number (None | str):
        batch_id (None | UUID):
        at (datetime.datetime):
    """

    id: int
    action: TransitionReadAction
    from_state: TransitionReadFromState
    to_state: TransitionReadToState
    actor: str
    actor_org: str
    comment: None | str
    granted_amount: None | str
    notice_number: None | str
    batch_id: None | UUID
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        action = self.action.value

        from_state = self.from_state.value

        to_state = self.to_state.value

        actor = self.actor

        actor_org = self.actor_org

        comment: None | str
        comment = self.comment

        granted_amount: None | str
        granted_amount = self.granted_amount

        notice_number: None | str
        notice_number = self.notice_number

        batch_id: None | str
        if isinstance(self.batch_id, UUID):
            batch_id = str(self.batch_id)
        else:
            batch_id = self.batch_id

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "from_state": from_state,
                "to_state": to_state,
                "actor": actor,
                "actor_org": actor_org,
                "comment": comment,
                "granted_amount": granted_amount,
                "notice_number": notice_number,
                "batch_id": batch_id,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        action = TransitionReadAction(d.pop("action"))

        from_state = TransitionReadFromState(d.pop("from_state"))

        to_state = TransitionReadToState(d.pop("to_state"))

        actor = d.pop("actor")

        actor_org = d.pop("actor_org")

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        def _parse_granted_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        granted_amount = _parse_granted_amount(d.pop("granted_amount"))

        def _parse_notice_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notice_number = _parse_notice_number(d.pop("notice_number"))

        def _parse_batch_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                batch_id_type_0 = UUID(data)

                return batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        batch_id = _parse_batch_id(d.pop("batch_id"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        transition_read = cls(
            id=id,
            action=action,
            from_state=from_state,
            to_state=to_state,
            actor=actor,
            actor_org=actor_org,
            comment=comment,
            granted_amount=granted_amount,
            notice_number=notice_number,
            batch_id=batch_id,
            at=at,
        )

        transition_read.additional_properties = d
        return transition_read

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
