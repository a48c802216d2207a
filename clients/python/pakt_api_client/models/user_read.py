from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_read_roles_item import UserReadRolesItem

T = TypeVar("T", bound="UserRead")


@_attrs_define
class UserRead:
    """A user account; never shows the password hash.

    Attributes:
        id (str):
        username (str):
        display_name (str):
        organization_id (str):
        roles (list[UserReadRolesItem]):
        active (bool):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        deactivated_at (datetime.datetime | None):
    """

    id: str
    username: str
    display_name: str
    organization_id: str
    roles: list[UserReadRolesItem]
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime
    deactivated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        organization_id = self.organization_id

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        deactivated_at: None | str
        if isinstance(self.deactivated_at, datetime.datetime):
            deactivated_at = self.deactivated_at.isoformat()
        else:
            deactivated_at = self.deactivated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "organization_id": organization_id,
                "roles": roles,
                "active": active,
                "created_at": created_at,
                "updated_at": updated_at,
                "deactivated_at": deactivated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        display_name = d.pop("display_name")

        organization_id = d.pop("organization_id")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = UserReadRolesItem(roles_item_data)

            roles.append(roles_item)

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_deactivated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deactivated_at_type_0 = datetime.datetime.fromisoformat(data)

                return deactivated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        deactivated_at = _parse_deactivated_at(d.pop("deactivated_at"))

        user_read = cls(
            id=id,
            username=username,
            display_name=display_name,
            organization_id=organization_id,
            roles=roles,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
            deactivated_at=deactivated_at,
        )

        user_read.additional_properties = d
        return user_read

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
