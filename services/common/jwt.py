"""RS256 signing and verification: the only module that imports `jose`.

python-jose's defaults are unsafe (it trusts the header's `alg` without an algorithm list,
does not require exp/aud/iss, and tries every key of a set). So this module pins RS256,
requires exp, aud and iss, and is handed exactly one key, chosen by `kid` by the caller.
"""

from __future__ import annotations

import base64
import functools
import re
import uuid
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt
from jose.backends.base import Key
from jose.exceptions import JOSEError

ALGORITHM = "RS256"
_KID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class InvalidToken(Exception):
    """The token is not acceptable; the message says why (safe to show the caller)."""


def _b64(n: int) -> str:
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def generate_private_key_pem(bits: int = 2048) -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def new_kid() -> str:
    return uuid.uuid4().hex[:16]


def public_jwk(private_pem: str, kid: str) -> dict[str, str]:
    """The public half of a private PEM as a JWK with `kid`, `use` and `alg`."""
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("signing keys must be RSA")
    numbers = key.public_key().public_numbers()
    return {
        "kty": "RSA",
        "kid": kid,
        "use": "sig",
        "alg": ALGORITHM,
        "n": _b64(numbers.n),
        "e": _b64(numbers.e),
    }


@functools.lru_cache(maxsize=16)
def _signing_key(private_pem: str) -> Key:
    """The parsed private key: loading a PEM checks the RSA key (tens of ms), so once per key."""
    return jwk.construct(private_pem, ALGORITHM)


def sign(claims: dict[str, Any], private_pem: str, kid: str) -> str:
    return jwt.encode(claims, _signing_key(private_pem), algorithm=ALGORITHM, headers={"kid": kid})


def header_kid(token: str) -> str:
    """The `kid` of a token whose header claims RS256; anything else is refused up front."""
    try:
        header = jwt.get_unverified_header(token)
    except JOSEError as exc:
        raise InvalidToken("malformed token") from exc
    if header.get("alg") != ALGORITHM:
        raise InvalidToken("unsupported algorithm")
    kid = header.get("kid")
    if not isinstance(kid, str) or not _KID.match(kid):
        raise InvalidToken("missing or malformed kid")
    return kid


def _decode(token: str, key: dict[str, Any], **checks: Any) -> dict[str, Any]:
    """Claims of `token` signed RS256 under exactly `key`, with python-jose's `checks`."""
    if key.get("kty") != "RSA":
        raise InvalidToken("key is not an RSA key")
    try:
        claims: dict[str, Any] = jwt.decode(token, key, algorithms=[ALGORITHM], **checks)
    except JOSEError as exc:
        raise InvalidToken(str(exc) or "invalid token") from exc
    return claims


def verify(
    token: str, key: dict[str, Any], *, audience: str, issuer: str, leeway: int
) -> dict[str, Any]:
    """Verified claims of `token` under exactly `key`, or InvalidToken."""
    options = {
        "require_exp": True,
        "require_aud": True,
        "require_iss": True,
        "require_iat": True,
        "verify_nbf": True,
        "leeway": min(leeway, 60),
    }
    return _decode(token, key, audience=audience, issuer=issuer, options=options)


def verify_hint(token: str, key: dict[str, Any], *, issuer: str) -> dict[str, Any]:
    """Claims of an ID token we issued, checked for signature and issuer only: an
    `id_token_hint` (OpenID Connect RP-initiated logout) may have expired, and its audience
    is the client, which the caller compares itself."""
    options = {"verify_aud": False, "verify_exp": False, "require_iss": True}
    return _decode(token, key, issuer=issuer, options=options)
