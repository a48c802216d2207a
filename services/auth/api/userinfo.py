"""`/auth/v1/userinfo` (OpenID Connect) and TOTP enrolment of the signed-in user."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Response
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.api.deps import Issuer
from services.auth.errors import InvalidTotpCode
from services.auth.settings import AuthSettings
from services.auth.tokens.issuance import TokenIssuer
from services.auth.tokens.schemas import RecoveryCodeList, TotpConfirmation, TotpEnrolment, UserInfo
from services.auth.totp import service as totp
from services.common.auth import CurrentPrincipal, Principal
from services.common.db import SessionDep
from services.common.problem_types import texts
from services.common.problems import Forbidden, problem_responses
from services.common.routes import creates

router = APIRouter(tags=["oidc"])
NO_STORE = {"Cache-Control": "no-store"}
T = TypeVar("T")


def _user(who: Principal) -> Principal:
    if who.is_client:
        raise Forbidden(
            texts(
                "This is for users; a client token has no user",
                "Nur für Benutzer: ein Client-Token gehört zu keinem Benutzer",
            )
        )
    return who


@dataclass(frozen=True)
class Enrolling:
    """The signed-in caller enrolling a TOTP second factor, with the session, the auth settings
    and the response."""

    who: Principal
    session: AsyncSession
    issuer: TokenIssuer
    response: Response

    @property
    def key(self) -> tuple[AsyncSession, AuthSettings, str]:
        """What the TOTP service starts with: (session, settings, user id); 403 for a client."""
        return self.session, self.issuer.settings, _user(self.who).subject

    async def secret(self, out: T) -> T:
        """Commits and answers `out`, which holds secrets: no cache may keep it."""
        await self.session.commit()
        self.response.headers.update(NO_STORE)
        return out


def _enrolling(
    response: Response, session: SessionDep, issuer: Issuer, who: CurrentPrincipal
) -> Enrolling:
    return Enrolling(who, session, issuer, response)


TotpCaller = Annotated[Enrolling, Depends(_enrolling)]


@router.get(
    "/auth/v1/userinfo",
    responses=problem_responses(401, 403),
    summary="OpenID Connect UserInfo",
    description="The signed-in user's claims; needs an access token with scope `openid`.",
)
async def read_userinfo(who: CurrentPrincipal) -> UserInfo:
    user = _user(who)
    if "openid" not in user.scopes:
        raise Forbidden(
            texts(
                "The access token lacks the scope openid",
                "Dem Zugriffstoken fehlt der Scope openid",
            )
        )
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
    **creates(401, 403, 404),
    summary="Start a TOTP enrolment",
    description=(
        "A new TOTP secret (RFC 6238) for the signed-in user, pending until confirmed with a "
        "code (`POST /auth/v1/me/totp/confirmation`). From then on the login page asks for a "
        "code after the password, and the password grant is refused for the account."
    ),
)
async def start_totp_enrolment(caller: TotpCaller) -> TotpEnrolment:
    enrolment = await totp.begin(*caller.key)
    out = TotpEnrolment(secret=enrolment.secret, otpauth_uri=enrolment.otpauth_uri)
    return await caller.secret(out)


@router.post(
    "/auth/v1/me/totp/confirmation",
    responses=problem_responses(401, 403, 404, 409, 422, 429),
    summary="Confirm the TOTP enrolment",
    description=(
        "Confirms the pending enrolment with a current code and returns ten single-use "
        "recovery codes (shown only now). Wrong codes are throttled like wrong passwords."
    ),
)
async def confirm_totp_enrolment(body: TotpConfirmation, caller: TotpCaller) -> RecoveryCodeList:
    try:
        codes = await totp.confirm(*caller.key, body.code)
    except InvalidTotpCode:
        await caller.session.commit()  # a wrong code counts towards the throttle
        raise
    return await caller.secret(RecoveryCodeList(recovery_codes=codes))
