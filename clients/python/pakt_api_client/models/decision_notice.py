from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_notice_applicant_kind import DecisionNoticeApplicantKind
from ..models.decision_notice_decision import DecisionNoticeDecision

if TYPE_CHECKING:
    from ..models.notice_position import NoticePosition


T = TypeVar("T", bound="DecisionNotice")


@_attrs_define
class DecisionNotice:
    """The grant decision notice: who gets how much, for what, under which conditions.

    Attributes:
        notice_number (str):
        issued_on (datetime.date):
        authority (str):
        decision (DecisionNoticeDecision):
        applicant_name (str):
        applicant_ags (str):
        applicant_kind (DecisionNoticeApplicantKind):
        programme_name (str):
        period_start (datetime.date):
        period_end (datetime.date):
        requested_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        granted_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        financing (str): Type of funding
        positions (list[NoticePosition]): The managers' positions; only for the applicant's side, the district reviewer
            and the approver on the route (empty for others)
        early_start (bool):
        early_start_on (datetime.date | None):
        proof_of_use_due_on (datetime.date): Date by which the proof of use (Verwendungsnachweis) is due
        reasons (None | str): The council's comment on the decision
        legal_basis (str):
    """

    notice_number: str
    issued_on: datetime.date
    authority: str
    decision: DecisionNoticeDecision
    applicant_name: str
    applicant_ags: str
    applicant_kind: DecisionNoticeApplicantKind
    programme_name: str
    period_start: datetime.date
    period_end: datetime.date
    requested_amount: str
    granted_amount: str
    financing: str
    positions: list[NoticePosition]
    early_start: bool
    early_start_on: datetime.date | None
    proof_of_use_due_on: datetime.date
    reasons: None | str
    legal_basis: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notice_number = self.notice_number

        issued_on = self.issued_on.isoformat()

        authority = self.authority

        decision = self.decision.value

        applicant_name = self.applicant_name

        applicant_ags = self.applicant_ags

        applicant_kind = self.applicant_kind.value

        programme_name = self.programme_name

        period_start = self.period_start.isoformat()

        period_end = self.period_end.isoformat()

        requested_amount = self.requested_amount

        granted_amount = self.granted_amount

        financing = self.financing

        positions = []
        for positions_item_data in self.positions:
            positions_item = positions_item_data.to_dict()
            positions.append(positions_item)

        early_start = self.early_start

        early_start_on: None | str
        if isinstance(self.early_start_on, datetime.date):
            early_start_on = self.early_start_on.isoformat()
        else:
            early_start_on = self.early_start_on

        proof_of_use_due_on = self.proof_of_use_due_on.isoformat()

        reasons: None | str
        reasons = self.reasons

        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "notice_number": notice_number,
                "issued_on": issued_on,
                "authority": authority,
                "decision": decision,
                "applicant_name": applicant_name,
                "applicant_ags": applicant_ags,
                "applicant_kind": applicant_kind,
                "programme_name": programme_name,
                "period_start": period_start,
                "period_end": period_end,
                "requested_amount": requested_amount,
                "granted_amount": granted_amount,
                "financing": financing,
                "positions": positions,
                "early_start": early_start,
                "early_start_on": early_start_on,
                "proof_of_use_due_on": proof_of_use_due_on,
                "reasons": reasons,
                "legal_basis": legal_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notice_position import NoticePosition  # noqa: PLC0415

        d = dict(src_dict)
        notice_number = d.pop("notice_number")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        authority = d.pop("authority")

        decision = DecisionNoticeDecision(d.pop("decision"))

        applicant_name = d.pop("applicant_name")

        applicant_ags = d.pop("applicant_ags")

        applicant_kind = DecisionNoticeApplicantKind(d.pop("applicant_kind"))

        programme_name = d.pop("programme_name")

        period_start = datetime.date.fromisoformat(d.pop("period_start"))

        period_end = datetime.date.fromisoformat(d.pop("period_end"))

        requested_amount = d.pop("requested_amount")

        granted_amount = d.pop("granted_amount")

        financing = d.pop("financing")

        positions = []
        _positions = d.pop("positions")
        for positions_item_data in _positions:
            positions_item = NoticePosition.from_dict(positions_item_data)

            positions.append(positions_item)

        early_start = d.pop("early_start")

        def _parse_early_start_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                early_start_on_type_0 = datetime.date.fromisoformat(data)

                return early_start_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        early_start_on = _parse_early_start_on(d.pop("early_start_on"))

        proof_of_use_due_on = datetime.date.fromisoformat(d.pop("proof_of_use_due_on"))

        def _parse_reasons(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reasons = _parse_reasons(d.pop("reasons"))

        legal_basis = d.pop("legal_basis")

        decision_notice = cls(
            notice_number=notice_number,
            issued_on=issued_on,
            authority=authority,
            decision=decision,
            applicant_name=applicant_name,
            applicant_ags=applicant_ags,
            applicant_kind=applicant_kind,
            programme_name=programme_name,
            period_start=period_start,
            period_end=period_end,
            requested_amount=requested_amount,
            granted_amount=granted_amount,
            financing=financing,
            positions=positions,
            early_start=early_start,
            early_start_on=early_start_on,
            proof_of_use_due_on=proof_of_use_due_on,
            reasons=reasons,
            legal_basis=legal_basis,
        )

        decision_notice.additional_properties = d
        return decision_notice

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
