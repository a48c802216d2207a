"""What a registered redirect URI may be (RFC 9700 section 2.1, RFC 8252 section 7.3).

Registered URIs are compared with the requested one exactly, character for character, so a
rule here is the whole of the open-redirect defence: https everywhere, plain http only to this
machine's loopback interface (native apps, local development), never a fragment.
"""

from __future__ import annotations

from urllib.parse import urlsplit

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
MAX_URIS = 10
MAX_URI_LENGTH = 512


def check_redirect_uri(uri: str) -> str:
    """`uri` when it may be registered; ValueError saying what is wrong otherwise."""
    if len(uri) > MAX_URI_LENGTH:
        raise ValueError(f"A redirect URI has at most {MAX_URI_LENGTH} characters")
    try:
        parts = urlsplit(uri)
        host = parts.hostname
    except ValueError as exc:
        raise ValueError(f"Not a URI: {uri[:80]}") from exc
    if parts.fragment or "#" in uri:
        raise ValueError("A redirect URI must not contain a fragment (#...)")
    if parts.scheme not in ("https", "http") or not host:
        raise ValueError("A redirect URI must be an absolute https:// URI")
    if parts.username is not None or parts.password is not None:
        raise ValueError("A redirect URI must not contain user information")
    if parts.scheme == "http" and host not in LOOPBACK_HOSTS:
        raise ValueError("Plain http:// is allowed only for loopback hosts (127.0.0.1, [::1])")
    if any(ch.isspace() for ch in uri):
        raise ValueError("A redirect URI must not contain whitespace")
    return uri


def check_redirect_uris(uris: list[str]) -> list[str]:
    """The registered list, checked one by one, without duplicates, in the given order."""
    return list(dict.fromkeys(check_redirect_uri(u) for u in uris))
