"""`/auth/v1/signing-keys`: key rotation for admins (the same as `pakt keys rotate`)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from services.auth.api.deps import Admin
from services.auth.keys import rotate_signing_key
from services.common.db import SessionDep
from services.common.problems import problem_responses

router = APIRouter(tags=["signing-keys"])


class RotatedKey(BaseModel):
    """The key that signs from now on; the previous one stays published until its tokens expire."""

    kid: str = Field(examples=["3f2a9c14b7ed401a"])


@router.post(
    "/auth/v1/signing-keys",
    status_code=201,
    responses=problem_responses(401, 403),
    summary="Rotate the signing key (admin)",
    description=(
        "Creates a new RSA key and makes it the active signing key. The previous key stays in the "
        "JWKS until every token it signed has expired, so verifiers keep accepting those tokens."
    ),
)
async def rotate_key(request: Request, session: SessionDep, admin: Admin) -> RotatedKey:
    kid = await rotate_signing_key(session, request.app.state.settings, admin)
    await session.commit()
    return RotatedKey(kid=kid)
