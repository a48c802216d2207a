"""Driving the login page as a browser without JavaScript would: read the form, post it back.

Works with httpx's sync and async clients alike: the caller sends, these helpers only build
the requests and read the answers.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


@dataclass(frozen=True)
class Pkce:
    verifier: str
    challenge: str

    @classmethod
    def new(cls) -> Pkce:
        verifier = secrets.token_urlsafe(48)
        digest = hashlib.sha256(verifier.encode()).digest()
        return cls(verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode())


def authorize_url(client_id: str, redirect_uri: str, pkce: Pkce, **extra: str) -> str:
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": "openid profile offline_access",
        "state": "st-" + secrets.token_hex(4),
        "nonce": "n-" + secrets.token_hex(4),
        "code_challenge": pkce.challenge,
        "code_challenge_method": "S256",
        **extra,
    }
    return "/auth/v1/authorize?" + urlencode(params)


def hidden_fields(page: httpx.Response) -> dict[str, str]:
    """The hidden inputs of the page's form (the authorization request, CSRF token, step)."""
    return {name: unescape(value) for name, value in HIDDEN.findall(page.text)}


def form_post(page: httpx.Response, **fields: str) -> dict[str, str]:
    """The form body the page's form would post with `fields` filled in."""
    return {**hidden_fields(page), **fields}


def redirect_params(response: httpx.Response) -> dict[str, str]:
    """The query parameters of a redirect's Location."""
    assert response.status_code == 303, (response.status_code, response.text[:500])
    query = urlsplit(response.headers["location"]).query
    return {k: v[0] for k, v in parse_qs(query).items()}
