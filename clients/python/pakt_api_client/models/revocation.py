from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.revocation_kind import RevocationKind

T = TypeVar("T", bound="Revocation")


@_attrs_define
class Revocation:
    """
    Attributes:
        kind (RevocationKind): `user` or `client` (id = token `sub`), `session` (`sid`)
        id (str):
        revoked_at (int): Tokens with `iat` up to this time (epoch s) are refused
        expires_at (int): After this time (epoch s) no token it hits is valid
    """

    kind: RevocationKind
    id: str
    revoked_at: int
    expires_at: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id = self.id

        revoked_at = self.revoked_at

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "revoked_at": revoked_at,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = RevocationKind(d.pop("kind"))

        id = d.pop("id")

        revoked_at = d.pop("revoked_at")

        expires_at = d.pop("expires_at")

        revocation = cls(
            kind=kind,
            id=id,
            revoked_at=revoked_at,
            expires_at=expires_at,
        )

        revocation.additional_properties = d
        return revocation

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
