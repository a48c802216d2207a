from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_event_service import WebhookEventService

if TYPE_CHECKING:
    from ..models.webhook_event_payload import WebhookEventPayload


T = TypeVar("T", bound="WebhookEvent")


@_attrs_define
class WebhookEvent:
    """
    Attributes:
        id (int): The event's id on the service's feed
        service (WebhookEventService):
        type_ (str):
        entity_type (str):
        entity_id (str):
        occurred_at (datetime.datetime):
        payload (WebhookEventPayload):
    """

    id: int
    service: WebhookEventService
    type_: str
    entity_type: str
    entity_id: str
    occurred_at: datetime.datetime
    payload: WebhookEventPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        service = self.service.value

        type_ = self.type_

        entity_type = self.entity_type

        entity_id = self.entity_id

        occurred_at = self.occurred_at.isoformat()

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "service": service,
                "type": type_,
                "entity_type": entity_type,
                "entity_id": entity_id,
                "occurred_at": occurred_at,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_event_payload import WebhookEventPayload  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        service = WebhookEventService(d.pop("service"))

        type_ = d.pop("type")

        entity_type = d.pop("entity_type")

        entity_id = d.pop("entity_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        payload = WebhookEventPayload.from_dict(d.pop("payload"))

        webhook_event = cls(
            id=id,
            service=service,
            type_=type_,
            entity_type=entity_type,
            entity_id=entity_id,
            occurred_at=occurred_at,
            payload=payload,
        )

        webhook_event.additional_properties = d
        return webhook_event

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
