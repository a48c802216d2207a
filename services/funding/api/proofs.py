"""Proofs of use: /funding/v1/applications/{id}/proof-of-use and /funding/v1/overdue-proofs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from services.common.caller import AnyCaller
from services.common.pagination import Page
from services.common.problems import problem_responses
from services.common.routes import creates
from services.funding.api.deps import ApplicationId, Cases
from services.funding.money import Day
from services.funding.proofs import service as proof_service
from services.funding.proofs.schemas import OverdueProof, ProofCreate, ProofRead

router = APIRouter(prefix="/funding/v1", tags=["proofs"])


@router.post(
    "/applications/{application_id}/proof-of-use",
    **creates(400, 401, 403, 404, 409, 422, 503),
    summary="File the proof of use",
)
async def file_proof_of_use(
    application_id: ApplicationId, body: ProofCreate, caller: AnyCaller, cases: Cases
) -> ProofRead:
    """After the funding period, the applicant files the months worked per position and the
    narrative report; the service adds the exact key figures for the period, fetched from the
    cases service (`GET /cases/v1/key-figures` with the scope `figures:exact`): the applicant's
    own, and those of every commissioned charity for the cases it delivered for the applicant
    (`key_figures.delivered_by`). One proof per application (409 after)."""
    filed = proof_service.file_proof(*caller.key, application_id, body, cases)
    return await caller.committed(await filed)


@router.get(
    "/applications/{application_id}/proof-of-use",
    responses=problem_responses(401, 404, 422),
    summary="Read the proof of use",
)
async def get_proof_of_use(application_id: ApplicationId, caller: AnyCaller) -> ProofRead:
    """The filed proof, for everyone on the application's route."""
    return await proof_service.read_proof(*caller.key, application_id)


@router.get(
    "/overdue-proofs",
    responses=problem_responses(400, 401, 403, 422),
    summary="List overdue proofs of use",
)
async def list_overdue_proofs(
    caller: AnyCaller,
    as_of: Annotated[Day | None, Query(description="Default: today")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[OverdueProof]:
    """Approved applications decided by the caller's council whose proof of use is past due
    (three months after the funding period, per programme) and not filed."""
    return await proof_service.overdue_page(*caller.key, as_of, cursor, limit)
