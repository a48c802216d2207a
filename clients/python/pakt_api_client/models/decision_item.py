from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_item_decision import DecisionItemDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionItem")


@_attrs_define
class DecisionItem:
    """One decision of a batch; `if_match` (the ETag you read) makes it conditional.

    Attributes:
        application_id (UUID):
        decision (DecisionItemDecision):
        granted_amount (None | str | Unset): Only for `partially_approve`: less than requested
        comment (None | str | Unset):
        if_match (None | str | Unset): The ETag you read, quotes included (`"3"`); `3` or `W/"3"` fails the item
    """

    application_id: UUID
    decision: DecisionItemDecision
    granted_amount: None | str | Unset = UNSET
    comment: None | str | Unset = UNSET
    if_match: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        decision = self.decision.value

        granted_amount: None | str | Unset
        if isinstance(self.granted_amount, Unset):
            granted_amount = UNSET
        else:
            granted_amount = self.granted_amount

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        if_match: None | str | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_id": application_id,
                "decision": decision,
            }
        )
        if granted_amount is not UNSET:
            field_dict["granted_amount"] = granted_amount
        if comment is not UNSET:
            field_dict["comment"] = comment
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))

        decision = DecisionItemDecision(d.pop("decision"))

        def _parse_granted_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        granted_amount = _parse_granted_amount(d.pop("granted_amount", UNSET))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        def _parse_if_match(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))

        decision_item = cls(
            application_id=application_id,
            decision=decision,
            granted_amount=granted_amount,
            comment=comment,
            if_match=if_match,
        )

        decision_item.additional_properties = d
        return decision_item

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
