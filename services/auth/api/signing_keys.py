"""`/auth/v1/signing-keys`: key rotation for admins (the same as `pakt keys rotate`)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from services.auth.api.answers import AdminCaller
from services.auth.keys import rotate_signing_key
from services.common.routes import creates

router = APIRouter(tags=["signing-keys"])


class RotatedKey(BaseModel):
    """The key that signs from now on; the previous one stays published until its tokens expire."""

    kid: str = Field(examples=["3f2a9c14b7ed401a"])
    activates_at: datetime = Field(
        description="When it starts signing; it is in the JWKS already",
        examples=["2026-11-21T06:00:30+00:00"],
    )


@router.post(
    "/auth/v1/signing-keys",
    **creates(401, 403),
    summary="Rotate the signing key (admin)",
    description=(
        "Creates a new RSA key and publishes it in the JWKS at once; it signs from `activates_at` "
        "on (AUTH_KEY_PUBLISH_AHEAD_SECONDS later), so every verifier can know it first. The "
        "previous key signs until then and stays in the JWKS until its tokens have expired."
    ),
)
async def rotate_key(request: Request, admin: AdminCaller) -> RotatedKey:
    settings = request.app.state.settings
    kid, activates_at = await rotate_signing_key(admin.session, settings, admin.who)
    return await admin.committed(RotatedKey(kid=kid, activates_at=activates_at))
