from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessEntry")


@_attrs_define
class AccessEntry:
    """One read of a case's personal data.

    Attributes:
        id (int):
        at (datetime.datetime):
        actor (str): Subject of the token that read
        actor_org (str): The reader's organization id
        action (str): What was read
        request_id (None | str):
        actor_name (None | str | Unset): The reader's display name, as their token carried it
        actor_org_kind (None | str | Unset): Kind of the reader's organization
        actor_roles (list[str] | None | Unset): The reader's roles when reading
    """

    id: int
    at: datetime.datetime
    actor: str
    actor_org: str
    action: str
    request_id: None | str
    actor_name: None | str | Unset = UNSET
    actor_org_kind: None | str | Unset = UNSET
    actor_roles: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor = self.actor

        actor_org = self.actor_org

        action = self.action

        request_id: None | str
        request_id = self.request_id

        actor_name: None | str | Unset
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        actor_org_kind: None | str | Unset
        if isinstance(self.actor_org_kind, Unset):
            actor_org_kind = UNSET
        else:
            actor_org_kind = self.actor_org_kind

        actor_roles: list[str] | None | Unset
        if isinstance(self.actor_roles, Unset):
            actor_roles = UNSET
        elif isinstance(self.actor_roles, list):
            actor_roles = self.actor_roles

        else:
            actor_roles = self.actor_roles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor": actor,
                "actor_org": actor_org,
                "action": action,
                "request_id": request_id,
            }
        )
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name
        if actor_org_kind is not UNSET:
            field_dict["actor_org_kind"] = actor_org_kind
        if actor_roles is not UNSET:
            field_dict["actor_roles"] = actor_roles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor = d.pop("actor")

        actor_org = d.pop("actor_org")

        action = d.pop("action")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_actor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))

        def _parse_actor_org_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_org_kind = _parse_actor_org_kind(d.pop("actor_org_kind", UNSET))

        def _parse_actor_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                actor_roles_type_0 = cast(list[str], data)

                return actor_roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        actor_roles = _parse_actor_roles(d.pop("actor_roles", UNSET))

        access_entry = cls(
            id=id,
            at=at,
            actor=actor,
            actor_org=actor_org,
            action=action,
            request_id=request_id,
            actor_name=actor_name,
            actor_org_kind=actor_org_kind,
            actor_roles=actor_roles,
        )

        access_entry.additional_properties = d
        return access_entry

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
