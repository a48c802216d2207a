from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.introspection_sub_type_type_0 import IntrospectionSubTypeType0
from ..models.introspection_token_type_type_0 import IntrospectionTokenTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="Introspection")


@_attrs_define
class Introspection:
    """RFC 7662 introspection response; only `active` is present for inactive tokens.

    Attributes:
        active (bool):
        token_type (IntrospectionTokenTypeType0 | None | Unset):
        sub (None | str | Unset):
        sub_type (IntrospectionSubTypeType0 | None | Unset):
        username (None | str | Unset):
        client_id (None | str | Unset):
        scope (None | str | Unset):
        org (None | str | Unset):
        org_kind (None | str | Unset):
        org_path (list[str] | None | Unset):
        roles (list[str] | None | Unset):
        exp (int | None | Unset):
        iat (int | None | Unset):
        iss (None | str | Unset):
        aud (None | str | Unset):
        jti (None | str | Unset):
    """

    active: bool
    token_type: IntrospectionTokenTypeType0 | None | Unset = UNSET
    sub: None | str | Unset = UNSET
    sub_type: IntrospectionSubTypeType0 | None | Unset = UNSET
    username: None | str | Unset = UNSET
    client_id: None | str | Unset = UNSET
    scope: None | str | Unset = UNSET
    org: None | str | Unset = UNSET
    org_kind: None | str | Unset = UNSET
    org_path: list[str] | None | Unset = UNSET
    roles: list[str] | None | Unset = UNSET
    exp: int | None | Unset = UNSET
    iat: int | None | Unset = UNSET
    iss: None | str | Unset = UNSET
    aud: None | str | Unset = UNSET
    jti: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        token_type: None | str | Unset
        if isinstance(self.token_type, Unset):
            token_type = UNSET
        elif isinstance(self.token_type, IntrospectionTokenTypeType0):
            token_type = self.token_type.value
        else:
            token_type = self.token_type

        sub: None | str | Unset
        if isinstance(self.sub, Unset):
            sub = UNSET
        else:
            sub = self.sub

        sub_type: None | str | Unset
        if isinstance(self.sub_type, Unset):
            sub_type = UNSET
        elif isinstance(self.sub_type, IntrospectionSubTypeType0):
            sub_type = self.sub_type.value
        else:
            sub_type = self.sub_type

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        scope: None | str | Unset
        if isinstance(self.scope, Unset):
            scope = UNSET
        else:
            scope = self.scope

        org: None | str | Unset
        if isinstance(self.org, Unset):
            org = UNSET
        else:
            org = self.org

        org_kind: None | str | Unset
        if isinstance(self.org_kind, Unset):
            org_kind = UNSET
        else:
            org_kind = self.org_kind

        org_path: list[str] | None | Unset
        if isinstance(self.org_path, Unset):
            org_path = UNSET
        elif isinstance(self.org_path, list):
            org_path = self.org_path

        else:
            org_path = self.org_path

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = self.roles

        else:
            roles = self.roles

        exp: int | None | Unset
        if isinstance(self.exp, Unset):
            exp = UNSET
        else:
            exp = self.exp

        iat: int | None | Unset
        if isinstance(self.iat, Unset):
            iat = UNSET
        else:
            iat = self.iat

        iss: None | str | Unset
        if isinstance(self.iss, Unset):
            iss = UNSET
        else:
            iss = self.iss

        aud: None | str | Unset
        if isinstance(self.aud, Unset):
            aud = UNSET
        else:
            aud = self.aud

        jti: None | str | Unset
        if isinstance(self.jti, Unset):
            jti = UNSET
        else:
            jti = self.jti

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
            }
        )
        if token_type is not UNSET:
            field_dict["token_type"] = token_type
        if sub is not UNSET:
            field_dict["sub"] = sub
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if username is not UNSET:
            field_dict["username"] = username
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if scope is not UNSET:
            field_dict["scope"] = scope
        if org is not UNSET:
            field_dict["org"] = org
        if org_kind is not UNSET:
            field_dict["org_kind"] = org_kind
        if org_path is not UNSET:
            field_dict["org_path"] = org_path
        if roles is not UNSET:
            field_dict["roles"] = roles
        if exp is not UNSET:
            field_dict["exp"] = exp
        if iat is not UNSET:
            field_dict["iat"] = iat
        if iss is not UNSET:
            field_dict["iss"] = iss
        if aud is not UNSET:
            field_dict["aud"] = aud
        if jti is not UNSET:
            field_dict["jti"] = jti

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        def _parse_token_type(data: object) -> IntrospectionTokenTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_type_type_0 = IntrospectionTokenTypeType0(data)

                return token_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntrospectionTokenTypeType0 | None | Unset, data)

        token_type = _parse_token_type(d.pop("token_type", UNSET))

        def _parse_sub(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sub = _parse_sub(d.pop("sub", UNSET))

        def _parse_sub_type(data: object) -> IntrospectionSubTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sub_type_type_0 = IntrospectionSubTypeType0(data)

                return sub_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IntrospectionSubTypeType0 | None | Unset, data)

        sub_type = _parse_sub_type(d.pop("sub_type", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        def _parse_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_org(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org = _parse_org(d.pop("org", UNSET))

        def _parse_org_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        org_kind = _parse_org_kind(d.pop("org_kind", UNSET))

        def _parse_org_path(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                org_path_type_0 = cast(list[str], data)

                return org_path_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        org_path = _parse_org_path(d.pop("org_path", UNSET))

        def _parse_roles(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = cast(list[str], data)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_exp(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exp = _parse_exp(d.pop("exp", UNSET))

        def _parse_iat(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        iat = _parse_iat(d.pop("iat", UNSET))

        def _parse_iss(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        iss = _parse_iss(d.pop("iss", UNSET))

        def _parse_aud(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aud = _parse_aud(d.pop("aud", UNSET))

        def _parse_jti(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        jti = _parse_jti(d.pop("jti", UNSET))

        introspection = cls(
            active=active,
            token_type=token_type,
            sub=sub,
            sub_type=sub_type,
            username=username,
            client_id=client_id,
            scope=scope,
            org=org,
            org_kind=org_kind,
            org_path=org_path,
            roles=roles,
            exp=exp,
            iat=iat,
            iss=iss,
            aud=aud,
            jti=jti,
        )

        introspection.additional_properties = d
        return introspection

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
