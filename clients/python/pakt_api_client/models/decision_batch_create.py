from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_batch_create_mode import DecisionBatchCreateMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decision_item import DecisionItem


T = TypeVar("T", bound="DecisionBatchCreate")


@_attrs_define
class DecisionBatchCreate:
    """Up to 10,000 decisions. `per_item`: each succeeds or fails on its own; `all_or_nothing`:
    if any item fails, none is applied.

        Attributes:
            items (list[DecisionItem]):
            mode (DecisionBatchCreateMode | Unset): Default: `"per_item"`.
    """

    items: list[DecisionItem]
    mode: DecisionBatchCreateMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_item import DecisionItem  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DecisionItem.from_dict(items_item_data)

            items.append(items_item)

        _mode = d.pop("mode", UNSET)
        mode: DecisionBatchCreateMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = DecisionBatchCreateMode(_mode)

        decision_batch_create = cls(
            items=items,
            mode=mode,
        )

        decision_batch_create.additional_properties = d
        return decision_batch_create

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
