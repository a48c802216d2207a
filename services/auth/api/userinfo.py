"""`/auth/v1/userinfo` (OpenID Connect) and TOTP enrolment of the signed-in user."""

from __future__ import annotations

from fastapi import APIRouter, Response

from services.auth.api.deps import Issuer
from services.auth.errors import InvalidTotpCode
from services.auth.tokens.schemas import RecoveryCodeList, TotpConfirmation, TotpEnrolment, UserInfo
from services.auth.totp import service as totp
from services.common.auth import CurrentPrincipal, Principal
from services.common.db import SessionDep
from services.common.problems import Forbidden, problem_responses

router = APIRouter(tags=["oidc"])
NO_STORE = {"Cache-Control": "no-store"}


def _user(who: Principal) -> Principal:
    if who.is_client:
        raise Forbidden("This is for users; a client token has no user")
    return who


@router.get(
    "/auth/v1/userinfo",
    responses=problem_responses(401, 403),
    summary="OpenID Connect UserInfo",
    description="The signed-in user's claims; needs an access token with scope `openid`.",
)
async def read_userinfo(who: CurrentPrincipal) -> UserInfo:
    user = _user(who)
    if "openid" not in user.scopes:
        raise Forbidden("The access token lacks the scope openid")
    name = str(user.claims.get("name", ""))
    return UserInfo(
        sub=user.subject,
        name=name,
        preferred_username=name,
        org=user.org,
        org_kind=user.org_kind,
        org_path=list(user.org_path),
        roles=sorted(user.roles),
    )


@router.post(
    "/auth/v1/me/totp",
    status_code=201,
    responses=problem_responses(401, 403, 404),
    summary="Start a TOTP enrolment",
    description=(
        "A new TOTP secret (RFC 6238) for the signed-in user, pending until confirmed with a "
        "code (`POST /auth/v1/me/totp/confirmation`). From then on the login page asks for a "
        "code after the password, and the password grant is refused for the account."
    ),
)
async def start_totp_enrolment(
    response: Response, session: SessionDep, issuer: Issuer, who: CurrentPrincipal
) -> TotpEnrolment:
    enrolment = await totp.begin(session, issuer.settings, _user(who).subject)
    await session.commit()
    response.headers.update(NO_STORE)
    return TotpEnrolment(secret=enrolment.secret, otpauth_uri=enrolment.otpauth_uri)


@router.post(
    "/auth/v1/me/totp/confirmation",
    responses=problem_responses(401, 403, 404, 409, 422, 429),
    summary="Confirm the TOTP enrolment",
    description=(
        "Confirms the pending enrolment with a current code and returns ten single-use "
        "recovery codes (shown only now). Wrong codes are throttled like wrong passwords."
    ),
)
async def confirm_totp_enrolment(
    body: TotpConfirmation,
    response: Response,
    session: SessionDep,
    issuer: Issuer,
    who: CurrentPrincipal,
) -> RecoveryCodeList:
    try:
        codes = await totp.confirm(session, issuer.settings, _user(who).subject, body.code)
    except InvalidTotpCode:
        await session.commit()  # a wrong code counts towards the throttle
        raise
    await session.commit()
    response.headers.update(NO_STORE)
    return RecoveryCodeList(recovery_codes=codes)
