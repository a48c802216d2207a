from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_read_means import ConsentReadMeans
from ..models.consent_read_scope_item import ConsentReadScopeItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentRead")


@_attrs_define
class ConsentRead:
    """
    Attributes:
        given_on (datetime.date): A calendar day (ISO 8601)
        scope (list[ConsentReadScopeItem]):
        means (ConsentReadMeans):
        active (bool):
        withdrawn_on (datetime.date | None | Unset):
    """

    given_on: datetime.date
    scope: list[ConsentReadScopeItem]
    means: ConsentReadMeans
    active: bool
    withdrawn_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_on = self.given_on.isoformat()

        scope = []
        for scope_item_data in self.scope:
            scope_item = scope_item_data.value
            scope.append(scope_item)

        means = self.means.value

        active = self.active

        withdrawn_on: None | str | Unset
        if isinstance(self.withdrawn_on, Unset):
            withdrawn_on = UNSET
        elif isinstance(self.withdrawn_on, datetime.date):
            withdrawn_on = self.withdrawn_on.isoformat()
        else:
            withdrawn_on = self.withdrawn_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_on": given_on,
                "scope": scope,
                "means": means,
                "active": active,
            }
        )
        if withdrawn_on is not UNSET:
            field_dict["withdrawn_on"] = withdrawn_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        scope = []
        _scope = d.pop("scope")
        for scope_item_data in _scope:
            scope_item = ConsentReadScopeItem(scope_item_data)

            scope.append(scope_item)

        means = ConsentReadMeans(d.pop("means"))

        active = d.pop("active")

        def _parse_withdrawn_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_on_type_0 = datetime.date.fromisoformat(data)

                return withdrawn_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        withdrawn_on = _parse_withdrawn_on(d.pop("withdrawn_on", UNSET))

        consent_read = cls(
            given_on=given_on,
            scope=scope,
            means=means,
            active=active,
            withdrawn_on=withdrawn_on,
        )

        return consent_read
