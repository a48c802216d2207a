from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.user_create_roles_item import UserCreateRolesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """A new user of one organization; the password has 12-128 characters, without the username.

    Attributes:
        username (str): Lower case login name, 3-64 characters
        organization_id (str):
        roles (list[UserCreateRolesItem]):
        password (str):
        display_name (None | str | Unset):
    """

    username: str
    organization_id: str
    roles: list[UserCreateRolesItem]
    password: str
    display_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        organization_id = self.organization_id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        password = self.password

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "organization_id": organization_id,
                "roles": roles,
                "password": password,
            }
        )
        if display_name is not UNSET:
            field_dict["display_name"] = display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        organization_id = d.pop("organization_id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = UserCreateRolesItem(roles_item_data)

            roles.append(roles_item)

        password = d.pop("password")

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        user_create = cls(
            username=username,
            organization_id=organization_id,
            roles=roles,
            password=password,
            display_name=display_name,
        )

        return user_create
