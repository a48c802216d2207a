from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.consent_means import ConsentMeans
from ..models.consent_scope_item import ConsentScopeItem

T = TypeVar("T", bound="Consent")


@_attrs_define
class Consent:
    """The person's consent: the legal basis for storing personal data.

    Attributes:
        given_on (datetime.date): A calendar day (ISO 8601)
        scope (list[ConsentScopeItem]):
        means (ConsentMeans):
    """

    given_on: datetime.date
    scope: list[ConsentScopeItem]
    means: ConsentMeans

    def to_dict(self) -> dict[str, Any]:
        given_on = self.given_on.isoformat()

        scope = []
        for scope_item_data in self.scope:
            scope_item = scope_item_data.value
            scope.append(scope_item)

        means = self.means.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_on": given_on,
                "scope": scope,
                "means": means,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        scope = []
        _scope = d.pop("scope")
        for scope_item_data in _scope:
            scope_item = ConsentScopeItem(scope_item_data)

            scope.append(scope_item)

        means = ConsentMeans(d.pop("means"))

        consent = cls(
            given_on=given_on,
            scope=scope,
            means=means,
        )

        return consent
