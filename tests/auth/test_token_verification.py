"""The JWT attack set against the verification dependency (services/common/auth.py + jwt.py).

Tokens are built from the auth service's real signing key, then broken one way each. Every
one must be a 401 problem with `WWW-Authenticate: Bearer error="invalid_token"`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from services.common import jwt
from services.common.auth import TokenVerifier
from services.common.jwks import JWKSCache, StaticKeys
from tests.auth.conftest import GOEPPINGEN

ISSUER = "http://127.0.0.1:8080/auth"
AUDIENCE = "pakt-api"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def segment(obj: dict[str, Any]) -> str:
    return b64(json.dumps(obj, separators=(",", ":")).encode())


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base = {
        "sub": str(uuid.uuid4()),
        "sub_type": "user",
        "org": GOEPPINGEN,
        "org_kind": "municipality",
        "org_path": ["08", "081", "08117", "08117019"],
        "roles": ["admin"],
        "scope": "openid",
        "name": "mallory",
        "aud": AUDIENCE,
        "iss": ISSUER,
        "iat": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def hs256(header: dict[str, Any], body: dict[str, Any], secret: bytes) -> str:
    signing_input = f"{segment(header)}.{segment(body)}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def rs256(header: dict[str, Any], body: dict[str, Any], private_pem: str) -> str:
    """An RS256 token with exactly this header, signed by `private_pem`."""
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    signing_input = f"{segment(header)}.{segment(body)}"
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return f"{signing_input}.{b64(signature)}"


def public_forms(private_pem: str) -> dict[str, bytes]:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None).public_key()
    enc, fmt = serialization.Encoding, serialization.PublicFormat
    return {
        "pem-spki": key.public_bytes(enc.PEM, fmt.SubjectPublicKeyInfo),
        "pem-pkcs1": key.public_bytes(enc.PEM, fmt.PKCS1),
        "der": key.public_bytes(enc.DER, fmt.SubjectPublicKeyInfo),
        "openssh": key.public_bytes(enc.OpenSSH, fmt.OpenSSH),
    }


@pytest.fixture
async def real_key(auth) -> tuple[str, str]:
    async with auth.session() as session:
        key: tuple[str, str] = await auth.app.state.keyring.signing_key(session)
    return key


async def assert_refused(auth, token: str) -> None:
    r = await auth.client.get("/auth/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert 'error="invalid_token"' in r.headers["www-authenticate"]
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_a_well_formed_token_passes(auth, real_key):
    kid, pem = real_key
    r = await auth.client.get(
        "/auth/v1/me", headers={"Authorization": f"Bearer {jwt.sign(claims(), pem, kid)}"}
    )
    assert r.status_code == 200, r.text


async def test_alg_none_is_refused(auth, real_key):
    kid, _ = real_key
    for alg in ("none", "None", "NONE"):
        token = f"{segment({'alg': alg, 'typ': 'JWT', 'kid': kid})}.{segment(claims())}."
        await assert_refused(auth, token)


@pytest.mark.parametrize("form", ["pem-spki", "pem-pkcs1", "der", "openssh"])
async def test_hs256_signed_with_the_public_key_is_refused(auth, real_key, form):
    kid, pem = real_key
    secret = public_forms(pem)[form]
    await assert_refused(auth, hs256({"alg": "HS256", "typ": "JWT", "kid": kid}, claims(), secret))
    await assert_refused(auth, hs256({"alg": "HS256", "typ": "JWT"}, claims(), secret))


async def test_other_algorithms_in_the_header_are_refused(auth, real_key):
    kid, pem = real_key
    good = jwt.sign(claims(), pem, kid)
    _, body, signature = good.split(".")
    for alg in ("RS512", "PS256", "ES256", "HS512"):
        await assert_refused(auth, f"{segment({'alg': alg, 'kid': kid})}.{body}.{signature}")


async def test_bad_signature_is_refused(auth, real_key):
    kid, pem = real_key
    head, body, signature = jwt.sign(claims(), pem, kid).split(".")
    flipped = signature[:-4] + ("AAAA" if not signature.endswith("AAAA") else "BBBB")
    await assert_refused(auth, f"{head}.{body}.{flipped}")
    # a valid signature over other claims does not carry over
    _, other_body, _ = jwt.sign(claims(roles=["case_worker"]), pem, kid).split(".")
    await assert_refused(auth, f"{head}.{other_body}.{signature}")


async def test_foreign_signing_key_is_refused(auth, real_key):
    kid, _ = real_key
    foreign = jwt.generate_private_key_pem()
    await assert_refused(auth, jwt.sign(claims(), foreign, kid))  # borrowed kid
    await assert_refused(auth, jwt.sign(claims(), foreign, jwt.new_kid()))  # own kid
    # a key embedded in the header is never trusted
    header = {"alg": "RS256", "kid": kid, "jwk": jwt.public_jwk(foreign, kid)}
    await assert_refused(auth, rs256(header, claims(), foreign))
    header = {"alg": "RS256", "kid": kid, "jku": "https://evil.example/jwks.json"}
    await assert_refused(auth, rs256(header, claims(), foreign))


async def test_unknown_and_malformed_kids_are_refused(auth, real_key):
    _, pem = real_key
    await assert_refused(auth, jwt.sign(claims(), pem, "0123456789abcdef"))
    for bad_kid in ("../../etc/passwd", "a" * 65, "", "kid with spaces"):
        await assert_refused(auth, jwt.sign(claims(), pem, bad_kid))
    head = {"alg": "RS256", "kid": 12345}
    _, body, signature = jwt.sign(claims(), pem, "x").split(".")
    await assert_refused(auth, f"{segment(head)}.{body}.{signature}")
    await assert_refused(auth, f"{segment({'alg': 'RS256'})}.{body}.{signature}")  # no kid


@pytest.mark.parametrize(
    "broken",
    [
        {"exp": int(time.time()) - 3600},
        {"nbf": int(time.time()) + 3600},
        {"exp": None},
        {"aud": None},
        {"aud": "another-api"},
        {"aud": ["another-api"]},
        {"iss": None},
        {"iss": "https://evil.example/auth"},
        {"org": None},
    ],
    ids=[
        "expired",
        "not-yet-valid",
        "no-exp",
        "no-aud",
        "wrong-aud",
        "wrong-aud-list",
        "no-iss",
        "wrong-iss",
        "no-org",
    ],
)
async def test_claim_violations_are_refused(auth, real_key, broken):
    kid, pem = real_key
    await assert_refused(auth, jwt.sign(claims(**broken), pem, kid))


async def test_garbage_is_refused(auth):
    for token in ("x", "a.b.c", "....", "eyJhbGciOiJSUzI1NiJ9", "e30.e30.e30"):
        await assert_refused(auth, token)


async def test_leeway_is_capped_at_60_seconds(tokens):
    token = jwt.sign(claims(exp=int(time.time()) - 90), tokens.private_pem, tokens.kid)
    lenient = TokenVerifier(StaticKeys(tokens.jwks), audience=AUDIENCE, issuer=ISSUER, leeway=300)
    with pytest.raises(jwt.InvalidToken):
        await lenient.verify(token)
    just_expired = jwt.sign(claims(exp=int(time.time()) - 5), tokens.private_pem, tokens.kid)
    assert (await lenient.verify(just_expired)).org == GOEPPINGEN  # within the leeway


async def test_unknown_kid_costs_one_jwks_refetch_then_is_refused(auth, real_key):
    """A cases-like verifier: JWKSCache over HTTP against the real auth app."""
    _, pem = real_key
    transport = httpx.ASGITransport(app=auth.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        cache = JWKSCache(http, "http://testserver/auth/.well-known/jwks.json", min_refresh=60)
        verifier = TokenVerifier(cache, audience=AUDIENCE, issuer=ISSUER)
        good = (
            await auth.client.post(
                "/auth/v1/token",
                data={
                    "grant_type": "password",
                    "username": "cw.goeppingen",
                    "password": "pakt-demo-2026",
                },
            )
        ).json()["access_token"]
        for _ in range(5):
            with pytest.raises(jwt.InvalidToken):
                await verifier.verify(jwt.sign(claims(), pem, jwt.new_kid()))
        assert cache.fetches == 1  # a flood of forged kids costs one fetch, then it is rate-limited
        assert (await verifier.verify(good)).roles == frozenset({"case_worker"})
        assert cache.fetches == 1


async def test_valid_tokens_with_unknown_ids_are_404_not_errors(auth, real_key):
    kid, pem = real_key
    odd = jwt.sign(claims(sub="fuzz-admin", org="org-test"), pem, kid)
    r = await auth.client.get("/auth/v1/me", headers={"Authorization": f"Bearer {odd}"})
    assert r.status_code == 404
    assert r.json()["type"].endswith("/organization-not-found")
    gone = jwt.sign(claims(sub="fuzz-admin"), pem, kid)  # the organization exists, the user not
    r = await auth.client.get("/auth/v1/me", headers={"Authorization": f"Bearer {gone}"})
    assert r.status_code == 200
    assert r.json()["username"] is None
