from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.client_read_client_type import ClientReadClientType
from ..models.client_read_grant_types_item import ClientReadGrantTypesItem
from ..models.client_read_roles_item import ClientReadRolesItem

T = TypeVar("T", bound="ClientRead")


@_attrs_define
class ClientRead:
    """A machine client (municipal IT, batch approval); its secret is never shown again.

    Attributes:
        id (str):
        client_id (str):
        name (str):
        organization_id (str):
        roles (list[ClientReadRolesItem]):
        scopes (list[str]):
        active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        secret_rotated_at (datetime.datetime | None):
        client_type (ClientReadClientType):
        redirect_uris (list[str]):
        post_logout_redirect_uris (list[str]):
        grant_types (list[ClientReadGrantTypesItem]):
    """

    id: str
    client_id: str
    name: str
    organization_id: str
    roles: list[ClientReadRolesItem]
    scopes: list[str]
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    secret_rotated_at: datetime.datetime | None
    client_type: ClientReadClientType
    redirect_uris: list[str]
    post_logout_redirect_uris: list[str]
    grant_types: list[ClientReadGrantTypesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        client_id = self.client_id

        name = self.name

        organization_id = self.organization_id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        scopes = self.scopes

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        secret_rotated_at: None | str
        if isinstance(self.secret_rotated_at, datetime.datetime):
            secret_rotated_at = self.secret_rotated_at.isoformat()
        else:
            secret_rotated_at = self.secret_rotated_at

        client_type = self.client_type.value

        redirect_uris = self.redirect_uris

        post_logout_redirect_uris = self.post_logout_redirect_uris

        grant_types = []
        for grant_types_item_data in self.grant_types:
            grant_types_item = grant_types_item_data.value
            grant_types.append(grant_types_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "name": name,
                "organization_id": organization_id,
                "roles": roles,
                "scopes": scopes,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
                "secret_rotated_at": secret_rotated_at,
                "client_type": client_type,
                "redirect_uris": redirect_uris,
                "post_logout_redirect_uris": post_logout_redirect_uris,
                "grant_types": grant_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        client_id = d.pop("client_id")

        name = d.pop("name")

        organization_id = d.pop("organization_id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = ClientReadRolesItem(roles_item_data)

            roles.append(roles_item)

        scopes = cast(list[str], d.pop("scopes"))

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_secret_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                secret_rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return secret_rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        secret_rotated_at = _parse_secret_rotated_at(d.pop("secret_rotated_at"))

        client_type = ClientReadClientType(d.pop("client_type"))

        redirect_uris = cast(list[str], d.pop("redirect_uris"))

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris"))

        grant_types = []
        _grant_types = d.pop("grant_types")
        for grant_types_item_data in _grant_types:
            grant_types_item = ClientReadGrantTypesItem(grant_types_item_data)

            grant_types.append(grant_types_item)

        client_read = cls(
            id=id,
            client_id=client_id,
            name=name,
            organization_id=organization_id,
            roles=roles,
            scopes=scopes,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
            secret_rotated_at=secret_rotated_at,
            client_type=client_type,
            redirect_uris=redirect_uris,
            post_logout_redirect_uris=post_logout_redirect_uris,
            grant_types=grant_types,
        )

        client_read.additional_properties = d
        return client_read

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
