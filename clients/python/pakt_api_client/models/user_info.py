from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserInfo")


@_attrs_define
class UserInfo:
    """OpenID Connect UserInfo (OIDC Core 5.3): the claims of the signed-in user.

    Attributes:
        sub (str):
        name (str): The login name (no personal data beyond it)
        preferred_username (str):
        org (str):
        org_kind (str):
        org_path (list[str]):
        roles (list[str]):
    """

    sub: str
    name: str
    preferred_username: str
    org: str
    org_kind: str
    org_path: list[str]
    roles: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub = self.sub

        name = self.name

        preferred_username = self.preferred_username

        org = self.org

        org_kind = self.org_kind

        org_path = self.org_path

        roles = self.roles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sub": sub,
                "name": name,
                "preferred_username": preferred_username,
                "org": org,
                "org_kind": org_kind,
                "org_path": org_path,
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sub = d.pop("sub")

        name = d.pop("name")

        preferred_username = d.pop("preferred_username")

        org = d.pop("org")

        org_kind = d.pop("org_kind")

        org_path = cast(list[str], d.pop("org_path"))

        roles = cast(list[str], d.pop("roles"))

        user_info = cls(
            sub=sub,
            name=name,
            preferred_username=preferred_username,
            org=org,
            org_kind=org_kind,
            org_path=org_path,
            roles=roles,
        )

        user_info.additional_properties = d
        return user_info

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
