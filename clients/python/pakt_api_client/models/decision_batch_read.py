from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_batch_read_mode import DecisionBatchReadMode

if TYPE_CHECKING:
    from ..models.item_result import ItemResult


T = TypeVar("T", bound="DecisionBatchRead")


@_attrs_define
class DecisionBatchRead:
    """
    Attributes:
        id (UUID):
        mode (DecisionBatchReadMode):
        created_by (str):
        org_id (str):
        item_count (int):
        decided (int):
        skipped (int):
        failed (int):
        applied (bool): False when all_or_nothing refused the whole batch
        created_at (datetime.datetime):
        items (list[ItemResult]):
    """

    id: UUID
    mode: DecisionBatchReadMode
    created_by: str
    org_id: str
    item_count: int
    decided: int
    skipped: int
    failed: int
    applied: bool
    created_at: datetime.datetime
    items: list[ItemResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        mode = self.mode.value

        created_by = self.created_by

        org_id = self.org_id

        item_count = self.item_count

        decided = self.decided

        skipped = self.skipped

        failed = self.failed

        applied = self.applied

        created_at = self.created_at.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "mode": mode,
                "created_by": created_by,
                "org_id": org_id,
                "item_count": item_count,
                "decided": decided,
                "skipped": skipped,
                "failed": failed,
                "applied": applied,
                "created_at": created_at,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_result import ItemResult  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        mode = DecisionBatchReadMode(d.pop("mode"))

        created_by = d.pop("created_by")

        org_id = d.pop("org_id")

        item_count = d.pop("item_count")

        decided = d.pop("decided")

        skipped = d.pop("skipped")

        failed = d.pop("failed")

        applied = d.pop("applied")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemResult.from_dict(items_item_data)

            items.append(items_item)

        decision_batch_read = cls(
            id=id,
            mode=mode,
            created_by=created_by,
            org_id=org_id,
            item_count=item_count,
            decided=decided,
            skipped=skipped,
            failed=failed,
            applied=applied,
            created_at=created_at,
            items=items,
        )

        decision_batch_read.additional_properties = d
        return decision_batch_read

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
