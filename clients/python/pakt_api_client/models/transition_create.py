from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transition_create_action import TransitionCreateAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransitionCreate")


@_attrs_define
class TransitionCreate:
    """An action on the route. `return` needs a reason in `comment`; `partially_approve` a
    `granted_amount` below the requested amount.

        Attributes:
            action (TransitionCreateAction):
            comment (None | str | Unset):
            granted_amount (None | str | Unset):
    """

    action: TransitionCreateAction
    comment: None | str | Unset = UNSET
    granted_amount: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        granted_amount: None | str | Unset
        if isinstance(self.granted_amount, Unset):
            granted_amount = UNSET
        else:
            granted_amount = self.granted_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment
        if granted_amount is not UNSET:
            field_dict["granted_amount"] = granted_amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = TransitionCreateAction(d.pop("action"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_granted_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        granted_amount = _parse_granted_amount(d.pop("granted_amount", UNSET))

        transition_create = cls(
            action=action,
            comment=comment,
            granted_amount=granted_amount,
        )

        transition_create.additional_properties = d
        return transition_create

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
