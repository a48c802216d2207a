from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.application_read_applicant_kind import ApplicationReadApplicantKind
from ..models.application_read_delivery_model import ApplicationReadDeliveryModel
from ..models.application_read_frame_status import ApplicationReadFrameStatus
from ..models.application_read_state import ApplicationReadState
from ..models.application_read_step import ApplicationReadStep
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.position_read import PositionRead


T = TypeVar("T", bound="ApplicationRead")


@_attrs_define
class ApplicationRead:
    """An application, where it stands on its route, and its money.

    Attributes:
        id (UUID):
        programme_id (UUID):
        state (ApplicationReadState):
        step (ApplicationReadStep): Who holds it: applicant, district, council, or closed
        applicant_kind (ApplicationReadApplicantKind):
        applicant_org_id (str):
        applicant_name (str):
        applicant_ags (str):
        district_ags (str):
        region_ags (str):
        district_org_id (None | str): Null when the route skips the district step
        council_org_id (str):
        council_ags (str):
        consortium_id (None | UUID):
        member_ags (list[str]): Consortium members or delegating municipalities
        delivery_model (ApplicationReadDeliveryModel):
        providers (list[str]): Ids of the commissioned charities
        frame_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        frame_status (ApplicationReadFrameStatus):
        requested_amount (str): An amount in EUR as a decimal string with exactly two places, never a float.
        granted_amount (None | str):
        early_start (bool):
        early_start_on (datetime.date | None):
        needs_review (bool): A final planning frame replaced the preliminary one it was based on
        review_reason (None | str):
        notice_number (None | str):
        submitted_at (datetime.datetime | None):
        decided_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
        positions (list[PositionRead] | Unset): The managers' positions, named; only for the applicant's side, the
            district reviewer and the approver on the route (empty for a commissioned charity and the platform)
    """

    id: UUID
    programme_id: UUID
    state: ApplicationReadState
    step: ApplicationReadStep
    applicant_kind: ApplicationReadApplicantKind
    applicant_org_id: str
    applicant_name: str
    applicant_ags: str
    district_ags: str
    region_ags: str
    district_org_id: None | str
    council_org_id: str
    council_ags: str
    consortium_id: None | UUID
    member_ags: list[str]
    delivery_model: ApplicationReadDeliveryModel
    providers: list[str]
    frame_amount: str
    frame_status: ApplicationReadFrameStatus
    requested_amount: str
    granted_amount: None | str
    early_start: bool
    early_start_on: datetime.date | None
    needs_review: bool
    review_reason: None | str
    notice_number: None | str
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    positions: list[PositionRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        programme_id = str(self.programme_id)

        state = self.state.value

        step = self.step.value

        applicant_kind = self.applicant_kind.value

        applicant_org_id = self.applicant_org_id

        applicant_name = self.applicant_name

        applicant_ags = self.applicant_ags

        district_ags = self.district_ags

        region_ags = self.region_ags

        district_org_id: None | str
        district_org_id = self.district_org_id

        council_org_id = self.council_org_id

        council_ags = self.council_ags

        consortium_id: None | str
        if isinstance(self.consortium_id, UUID):
            consortium_id = str(self.consortium_id)
        else:
            consortium_id = self.consortium_id

        member_ags = self.member_ags

        delivery_model = self.delivery_model.value

        providers = self.providers

        frame_amount = self.frame_amount

        frame_status = self.frame_status.value

        requested_amount = self.requested_amount

        granted_amount: None | str
        granted_amount = self.granted_amount

        early_start = self.early_start

        early_start_on: None | str
        if isinstance(self.early_start_on, datetime.date):
            early_start_on = self.early_start_on.isoformat()
        else:
            early_start_on = self.early_start_on

        needs_review = self.needs_review

        review_reason: None | str
        review_reason = self.review_reason

        notice_number: None | str
        notice_number = self.notice_number

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        positions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.positions, Unset):
            positions = []
            for positions_item_data in self.positions:
                positions_item = positions_item_data.to_dict()
                positions.append(positions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "programme_id": programme_id,
                "state": state,
                "step": step,
                "applicant_kind": applicant_kind,
                "applicant_org_id": applicant_org_id,
                "applicant_name": applicant_name,
                "applicant_ags": applicant_ags,
                "district_ags": district_ags,
                "region_ags": region_ags,
                "district_org_id": district_org_id,
                "council_org_id": council_org_id,
                "council_ags": council_ags,
                "consortium_id": consortium_id,
                "member_ags": member_ags,
                "delivery_model": delivery_model,
                "providers": providers,
                "frame_amount": frame_amount,
                "frame_status": frame_status,
                "requested_amount": requested_amount,
                "granted_amount": granted_amount,
                "early_start": early_start,
                "early_start_on": early_start_on,
                "needs_review": needs_review,
                "review_reason": review_reason,
                "notice_number": notice_number,
                "submitted_at": submitted_at,
                "decided_at": decided_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if positions is not UNSET:
            field_dict["positions"] = positions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_read import PositionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        programme_id = UUID(d.pop("programme_id"))

        state = ApplicationReadState(d.pop("state"))

        step = ApplicationReadStep(d.pop("step"))

        applicant_kind = ApplicationReadApplicantKind(d.pop("applicant_kind"))

        applicant_org_id = d.pop("applicant_org_id")

        applicant_name = d.pop("applicant_name")

        applicant_ags = d.pop("applicant_ags")

        district_ags = d.pop("district_ags")

        region_ags = d.pop("region_ags")

        def _parse_district_org_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        district_org_id = _parse_district_org_id(d.pop("district_org_id"))

        council_org_id = d.pop("council_org_id")

        council_ags = d.pop("council_ags")

        def _parse_consortium_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consortium_id_type_0 = UUID(data)

                return consortium_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        consortium_id = _parse_consortium_id(d.pop("consortium_id"))

        member_ags = cast(list[str], d.pop("member_ags"))

        delivery_model = ApplicationReadDeliveryModel(d.pop("delivery_model"))

        providers = cast(list[str], d.pop("providers"))

        frame_amount = d.pop("frame_amount")

        frame_status = ApplicationReadFrameStatus(d.pop("frame_status"))

        requested_amount = d.pop("requested_amount")

        def _parse_granted_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        granted_amount = _parse_granted_amount(d.pop("granted_amount"))

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

        needs_review = d.pop("needs_review")

        def _parse_review_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        review_reason = _parse_review_reason(d.pop("review_reason"))

        def _parse_notice_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notice_number = _parse_notice_number(d.pop("notice_number"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        _positions = d.pop("positions", UNSET)
        positions: list[PositionRead] | Unset = UNSET
        if _positions is not UNSET:
            positions = []
            for positions_item_data in _positions:
                positions_item = PositionRead.from_dict(positions_item_data)

                positions.append(positions_item)

        application_read = cls(
            id=id,
            programme_id=programme_id,
            state=state,
            step=step,
            applicant_kind=applicant_kind,
            applicant_org_id=applicant_org_id,
            applicant_name=applicant_name,
            applicant_ags=applicant_ags,
            district_ags=district_ags,
            region_ags=region_ags,
            district_org_id=district_org_id,
            council_org_id=council_org_id,
            council_ags=council_ags,
            consortium_id=consortium_id,
            member_ags=member_ags,
            delivery_model=delivery_model,
            providers=providers,
            frame_amount=frame_amount,
            frame_status=frame_status,
            requested_amount=requested_amount,
            granted_amount=granted_amount,
            early_start=early_start,
            early_start_on=early_start_on,
            needs_review=needs_review,
            review_reason=review_reason,
            notice_number=notice_number,
            submitted_at=submitted_at,
            decided_at=decided_at,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            positions=positions,
        )

        application_read.additional_properties = d
        return application_read

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
