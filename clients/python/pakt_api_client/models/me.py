from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_sub_type import MeSubType

if TYPE_CHECKING:
    from ..models.organization_read import OrganizationRead


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """Who the access token speaks for, and its organization.

    Attributes:
        sub (str):
        sub_type (MeSubType):
        name (str): The `name` claim: a user's login name, a client's name
        username (None | str): Login name of a user; null for clients
        roles (list[str]):
        scope (str):
        organization (OrganizationRead): One organization of the directory.
        expires_at (int): Unix time when the access token expires
    """

    sub: str
    sub_type: MeSubType
    name: str
    username: None | str
    roles: list[str]
    scope: str
    organization: OrganizationRead
    expires_at: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub = self.sub

        sub_type = self.sub_type.value

        name = self.name

        username: None | str
        username = self.username

        roles = self.roles

        scope = self.scope

        organization = self.organization.to_dict()

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sub": sub,
                "sub_type": sub_type,
                "name": name,
                "username": username,
                "roles": roles,
                "scope": scope,
                "organization": organization,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.organization_read import OrganizationRead  # noqa: PLC0415

        d = dict(src_dict)
        sub = d.pop("sub")

        sub_type = MeSubType(d.pop("sub_type"))

        name = d.pop("name")

        def _parse_username(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        username = _parse_username(d.pop("username"))

        roles = cast(list[str], d.pop("roles"))

        scope = d.pop("scope")

        organization = OrganizationRead.from_dict(d.pop("organization"))

        expires_at = d.pop("expires_at")

        me = cls(
            sub=sub,
            sub_type=sub_type,
            name=name,
            username=username,
            roles=roles,
            scope=scope,
            organization=organization,
            expires_at=expires_at,
        )

        me.additional_properties = d
        return me

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
