from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_result_decision import ItemResultDecision
from ..models.item_result_outcome import ItemResultOutcome
from ..models.item_result_state_type_0 import ItemResultStateType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.item_result_problem_type_0 import ItemResultProblemType0


T = TypeVar("T", bound="ItemResult")


@_attrs_define
class ItemResult:
    """What became of one item: `decided`, `skipped` (already decided; `state` says how) or
    `failed` (`problem` says why, as an RFC 9457 problem).

        Attributes:
            ordinal (int): Position of the item in the request, from 0
            application_id (UUID):
            decision (ItemResultDecision):
            outcome (ItemResultOutcome):
            state (ItemResultStateType0 | None | Unset):
            granted_amount (None | str | Unset):
            notice_number (None | str | Unset):
            problem (ItemResultProblemType0 | None | Unset):
    """

    ordinal: int
    application_id: UUID
    decision: ItemResultDecision
    outcome: ItemResultOutcome
    state: ItemResultStateType0 | None | Unset = UNSET
    granted_amount: None | str | Unset = UNSET
    notice_number: None | str | Unset = UNSET
    problem: ItemResultProblemType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.item_result_problem_type_0 import ItemResultProblemType0  # noqa: PLC0415

        ordinal = self.ordinal

        application_id = str(self.application_id)

        decision = self.decision.value

        outcome = self.outcome.value

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, ItemResultStateType0):
            state = self.state.value
        else:
            state = self.state

        granted_amount: None | str | Unset
        if isinstance(self.granted_amount, Unset):
            granted_amount = UNSET
        else:
            granted_amount = self.granted_amount

        notice_number: None | str | Unset
        if isinstance(self.notice_number, Unset):
            notice_number = UNSET
        else:
            notice_number = self.notice_number

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, ItemResultProblemType0):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ordinal": ordinal,
                "application_id": application_id,
                "decision": decision,
                "outcome": outcome,
            }
        )
        if state is not UNSET:
            field_dict["state"] = state
        if granted_amount is not UNSET:
            field_dict["granted_amount"] = granted_amount
        if notice_number is not UNSET:
            field_dict["notice_number"] = notice_number
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_result_problem_type_0 import ItemResultProblemType0  # noqa: PLC0415

        d = dict(src_dict)
        ordinal = d.pop("ordinal")

        application_id = UUID(d.pop("application_id"))

        decision = ItemResultDecision(d.pop("decision"))

        outcome = ItemResultOutcome(d.pop("outcome"))

        def _parse_state(data: object) -> ItemResultStateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = ItemResultStateType0(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemResultStateType0 | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_granted_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        granted_amount = _parse_granted_amount(d.pop("granted_amount", UNSET))

        def _parse_notice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notice_number = _parse_notice_number(d.pop("notice_number", UNSET))

        def _parse_problem(data: object) -> ItemResultProblemType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = ItemResultProblemType0.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemResultProblemType0 | None | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        item_result = cls(
            ordinal=ordinal,
            application_id=application_id,
            decision=decision,
            outcome=outcome,
            state=state,
            granted_amount=granted_amount,
            notice_number=notice_number,
            problem=problem,
        )

        item_result.additional_properties = d
        return item_result

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
