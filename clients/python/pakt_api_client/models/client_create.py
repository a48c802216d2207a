from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.client_create_client_type import ClientCreateClientType
from ..models.client_create_grant_types_item import ClientCreateGrantTypesItem
from ..models.client_create_roles_item import ClientCreateRolesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClientCreate")


@_attrs_define
class ClientCreate:
    """A new client bound to one organization: a machine client (confidential, client
    credentials, with roles and scopes) or a frontend logging people in (authorization code
    with PKCE; `public` for browser apps, which get no secret).

        Attributes:
            client_id (str):
            name (str):
            organization_id (str):
            roles (list[ClientCreateRolesItem]): None for a service client that acts by its scopes only
            scopes (list[str] | Unset):
            client_type (ClientCreateClientType | Unset): Default: `"confidential"`.
            redirect_uris (list[str] | Unset): Where the login page may send the user back, compared exactly: https, or http
                for loopback hosts only; no fragment
            post_logout_redirect_uris (list[str] | Unset): Where logout may send the user back (same rules)
            grant_types (list[ClientCreateGrantTypesItem] | Unset):
    """

    client_id: str
    name: str
    organization_id: str
    roles: list[ClientCreateRolesItem]
    scopes: list[str] | Unset = UNSET
    client_type: ClientCreateClientType | Unset = UNSET
    redirect_uris: list[str] | Unset = UNSET
    post_logout_redirect_uris: list[str] | Unset = UNSET
    grant_types: list[ClientCreateGrantTypesItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        name = self.name

        organization_id = self.organization_id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        client_type: str | Unset = UNSET
        if not isinstance(self.client_type, Unset):
            client_type = self.client_type.value

        redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.redirect_uris, Unset):
            redirect_uris = self.redirect_uris

        post_logout_redirect_uris: list[str] | Unset = UNSET
        if not isinstance(self.post_logout_redirect_uris, Unset):
            post_logout_redirect_uris = self.post_logout_redirect_uris

        grant_types: list[str] | Unset = UNSET
        if not isinstance(self.grant_types, Unset):
            grant_types = []
            for grant_types_item_data in self.grant_types:
                grant_types_item = grant_types_item_data.value
                grant_types.append(grant_types_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
                "name": name,
                "organization_id": organization_id,
                "roles": roles,
            }
        )
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if client_type is not UNSET:
            field_dict["client_type"] = client_type
        if redirect_uris is not UNSET:
            field_dict["redirect_uris"] = redirect_uris
        if post_logout_redirect_uris is not UNSET:
            field_dict["post_logout_redirect_uris"] = post_logout_redirect_uris
        if grant_types is not UNSET:
            field_dict["grant_types"] = grant_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        name = d.pop("name")

        organization_id = d.pop("organization_id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = ClientCreateRolesItem(roles_item_data)

            roles.append(roles_item)

        scopes = cast(list[str], d.pop("scopes", UNSET))

        _client_type = d.pop("client_type", UNSET)
        client_type: ClientCreateClientType | Unset
        if isinstance(_client_type, Unset):
            client_type = UNSET
        else:
            client_type = ClientCreateClientType(_client_type)

        redirect_uris = cast(list[str], d.pop("redirect_uris", UNSET))

        post_logout_redirect_uris = cast(list[str], d.pop("post_logout_redirect_uris", UNSET))

        _grant_types = d.pop("grant_types", UNSET)
        grant_types: list[ClientCreateGrantTypesItem] | Unset = UNSET
        if _grant_types is not UNSET:
            grant_types = []
            for grant_types_item_data in _grant_types:
                grant_types_item = ClientCreateGrantTypesItem(grant_types_item_data)

                grant_types.append(grant_types_item)

        client_create = cls(
            client_id=client_id,
            name=name,
            organization_id=organization_id,
            roles=roles,
            scopes=scopes,
            client_type=client_type,
            redirect_uris=redirect_uris,
            post_logout_redirect_uris=post_logout_redirect_uris,
            grant_types=grant_types,
        )

        return client_create
