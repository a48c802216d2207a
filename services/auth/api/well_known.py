"""Discovery: the public signing keys (JWKS) and the OpenID provider metadata."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from services.auth.keys import published_keys
from services.auth.settings import AuthSettings
from services.common.db import SessionDep
from services.common.schema_examples import with_examples

router = APIRouter(tags=["discovery"])


class Jwks(BaseModel):
    """RFC 7517 key set: the active signing key and retired keys whose tokens may still be valid."""

    model_config = with_examples(
        {
            "keys": [
                {
                    "kty": "RSA",
                    "kid": "3f2a9c14b7ed401a",
                    "use": "sig",
                    "alg": "RS256",
                    "n": (
                        "u1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0_Iz"
                        "W7yWR7QkrmBL7jTKEn5u-qKhbwKfBstIs-bMY2Zkp18gnTxKLxoS2tFczGkPLPgi"
                        "zskuemMghRniWaoLcyehkd3qqGElvW_VDL5AaWTg0nLVkjRo9z-40RQzuVaE8AkA"
                        "FmxZzow3x-VJYKdjykkJ0iT9wCS0DRTXu269V264Vf_3jvredZiKRkgwlL9xNAwx"
                        "XFg0x_XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC-9aGVd-Gyn1o0CLelf4rEjGoXb"
                        "AAEgAqeGUxrcIlbjXfbcmw"
                    ),
                    "e": "AQAB",
                }
            ]
        }
    )

    keys: list[dict[str, Any]] = Field(
        description="Public RSA keys; pick the one whose `kid` the token header names"
    )


_BASE = "http://127.0.0.1:8080/auth"
CLIENT_AUTH = ["client_secret_basic", "client_secret_post", "none"]
ID_TOKEN_CLAIMS = ["iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "nonce", "sid"]
USER_CLAIMS = ["name", "preferred_username", "org", "org_kind", "org_path", "roles"]


class ProviderMetadata(BaseModel):
    """OpenID Connect discovery / RFC 8414 authorization server metadata."""

    model_config = with_examples(
        {
            "issuer": _BASE,
            "authorization_endpoint": f"{_BASE}/v1/authorize",
            "token_endpoint": f"{_BASE}/v1/token",
            "userinfo_endpoint": f"{_BASE}/v1/userinfo",
            "end_session_endpoint": f"{_BASE}/v1/logout",
            "jwks_uri": f"{_BASE}/.well-known/jwks.json",
            "revocation_endpoint": f"{_BASE}/v1/revoke",
            "introspection_endpoint": f"{_BASE}/v1/introspect",
            "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "code_challenge_methods_supported": ["S256"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": CLIENT_AUTH,
            "revocation_endpoint_auth_methods_supported": CLIENT_AUTH,
            "introspection_endpoint_auth_methods_supported": CLIENT_AUTH[:2],
            "scopes_supported": ["openid", "profile", "offline_access"],
            "claims_supported": ID_TOKEN_CLAIMS + USER_CLAIMS,
            "request_parameter_supported": False,
            "request_uri_parameter_supported": False,
            "claims_parameter_supported": False,
            "ui_locales_supported": ["de", "en"],
        }
    )

    issuer: str = Field(examples=["http://127.0.0.1:8080/auth"])
    authorization_endpoint: str = Field(examples=["http://127.0.0.1:8080/auth/v1/authorize"])
    token_endpoint: str
    userinfo_endpoint: str
    end_session_endpoint: str
    jwks_uri: str = Field(examples=["http://127.0.0.1:8080/auth/.well-known/jwks.json"])
    revocation_endpoint: str
    introspection_endpoint: str
    grant_types_supported: list[str]
    response_types_supported: list[str]
    response_modes_supported: list[str]
    code_challenge_methods_supported: list[str]
    subject_types_supported: list[str]
    id_token_signing_alg_values_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    revocation_endpoint_auth_methods_supported: list[str]
    introspection_endpoint_auth_methods_supported: list[str]
    scopes_supported: list[str]
    claims_supported: list[str]
    request_parameter_supported: bool
    request_uri_parameter_supported: bool
    claims_parameter_supported: bool
    ui_locales_supported: list[str]


@router.get(
    "/auth/.well-known/jwks.json",
    summary="Public signing keys (JWKS)",
    description=(
        "The keys that verify access tokens. Cache them and refetch when a token names an unknown "
        "`kid`: after a key rotation the new key appears here before it signs anything it hands "
        "out, and the old key stays until every token it signed has expired."
    ),
)
async def read_jwks(request: Request, response: Response, session: SessionDep) -> Jwks:
    response.headers["Cache-Control"] = "public, max-age=60"
    return Jwks(keys=await published_keys(session, request.app.state.settings))


@router.get(
    "/auth/.well-known/openid-configuration",
    summary="OpenID provider metadata",
    description=(
        "OpenID Connect discovery: the login (authorization code with PKCE S256), token, "
        "userinfo, logout, revocation, introspection and key endpoints, and what they support."
    ),
)
async def read_openid_configuration(request: Request) -> ProviderMetadata:
    settings: AuthSettings = request.app.state.settings
    base = settings.jwt_issuer.rstrip("/")
    grants = ["authorization_code", "refresh_token", "client_credentials"]
    return ProviderMetadata(
        issuer=settings.jwt_issuer,
        authorization_endpoint=f"{base}/v1/authorize",
        token_endpoint=f"{base}/v1/token",
        userinfo_endpoint=f"{base}/v1/userinfo",
        end_session_endpoint=f"{base}/v1/logout",
        jwks_uri=f"{base}/.well-known/jwks.json",
        revocation_endpoint=f"{base}/v1/revoke",
        introspection_endpoint=f"{base}/v1/introspect",
        grant_types_supported=grants + (["password"] if settings.password_grant_allowed else []),
        response_types_supported=["code"],
        response_modes_supported=["query"],
        code_challenge_methods_supported=["S256"],
        subject_types_supported=["public"],
        id_token_signing_alg_values_supported=["RS256"],
        token_endpoint_auth_methods_supported=CLIENT_AUTH,
        revocation_endpoint_auth_methods_supported=CLIENT_AUTH,
        introspection_endpoint_auth_methods_supported=CLIENT_AUTH[:2],
        scopes_supported=["openid", "profile", "offline_access"],
        claims_supported=ID_TOKEN_CLAIMS + USER_CLAIMS,
        request_parameter_supported=False,
        request_uri_parameter_supported=False,
        claims_parameter_supported=False,
        ui_locales_supported=["de", "en"],
    )
