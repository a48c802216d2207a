"""Input guards in front of the app: refuse what PostgreSQL would choke on, as a 4xx problem."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from services.common.http_problems import STATUS_TYPES
from services.common.problem_handlers import localized_problem
from services.common.problem_types import ProblemType, Texts, declare, texts

Rejection = tuple[ProblemType, Texts]
"""Why a request is refused before the app sees it: the problem's type and its detail."""
DEFAULT_MAX_BODY = 16 * 1024 * 1024


def _has_body(scope: Scope) -> bool:
    """Whether a body may follow the headers: anything but an explicit `Content-Length: 0`
    (a request that states no length is read, to be safe)."""
    return dict(scope["headers"]).get(b"content-length") != b"0"


async def screen(
    scope: Scope, receive: Receive, max_body: int = DEFAULT_MAX_BODY
) -> tuple[Rejection | None, Receive | None]:
    """PostgreSQL text cannot hold NUL: a NUL in the URL or in a request body is refused (422),
    as is a body over `max_body` (413) or a JSON object of too many members (422).

    Returns the rejection, or None and the `receive` the app reads the body from (None when
    the client left while its body was read: nothing is left to answer). Only a
    POST, PUT or PATCH that has a body is read ahead (and replayed); every other request keeps
    its own `receive`, untouched and unbuffered."""
    if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
        return (INVALID_CHARACTERS, _NUL_IN_URL), receive
    if scope["method"] not in ("POST", "PUT", "PATCH") or not _has_body(scope):
        return None, receive
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            return None, None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_body:
            return (STATUS_TYPES[413], _TOO_LARGE), receive
        chunks.append(chunk)
        more = message.get("more_body", False)
    body = b"".join(chunks)
    if b"\x00" in body or b"\\u0000" in body:
        return (INVALID_CHARACTERS, _NUL_IN_BODY), receive
    if _too_wide(scope, body):
        return (TOO_MANY_MEMBERS, _TOO_WIDE), receive
    return None, _replay(body, receive)


def _replay(body: bytes, receive: Receive) -> Receive:
    delivered = False

    async def replay() -> Message:
        nonlocal delivered
        if delivered:
            return await receive()
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


MAX_OBJECT_MEMBERS = 1000  # no request model has near as many fields; a map may not either
_WIDE_CHECK_FROM = 64 * 1024  # smaller bodies cannot hold enough members to cost much


class _TooWide(Exception):
    """A JSON body with more members than the guard lets through, raised while it is counted."""


def _members_at_most(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len(pairs) > MAX_OBJECT_MEMBERS:
        raise _TooWide
    return dict(pairs)


def _too_wide(scope: Scope, body: bytes) -> bool:
    """A large JSON body with an object of very many members (150,000 unknown keys): refused
    before validation, which would build an error for each of them (seconds, hundreds of MiB)."""
    if len(body) < _WIDE_CHECK_FROM:
        return False
    content_type = dict(scope["headers"]).get(b"content-type", b"").split(b";")[0].strip().lower()
    if content_type != b"application/json" and not content_type.endswith(b"+json"):
        return False
    try:
        json.loads(body, object_pairs_hook=_members_at_most)
    except _TooWide:
        return True
    except (ValueError, RecursionError):
        return False  # malformed JSON: the app's own 400 says so
    return False


INVALID_CHARACTERS = declare(
    "invalid-characters",
    422,
    "Invalid characters",
    "Ungültige Zeichen",
    about="The URL or the body holds a NUL character, which no field of the API accepts. "
    "Nothing was changed.",
)
TOO_MANY_MEMBERS = declare(
    "too-many-members",
    422,
    "Too many members",
    "Zu viele Felder",
    about="A JSON object in the body has more members than any schema of the API allows; "
    "the request was refused before it was parsed further. Nothing was changed.",
)
_NUL_IN_URL = texts(
    "NUL characters are not allowed in the URL", "NUL-Zeichen sind in der URL nicht erlaubt"
)
_NUL_IN_BODY = texts(
    "NUL characters are not allowed in the request body",
    "NUL-Zeichen sind im Inhalt der Anfrage nicht erlaubt",
)
_TOO_LARGE = texts("The request body is too large", "Der Inhalt der Anfrage ist zu groß")
_TOO_WIDE = texts(
    f"A JSON object in the body has more than {MAX_OBJECT_MEMBERS} members",
    f"Ein JSON-Objekt im Inhalt hat mehr als {MAX_OBJECT_MEMBERS} Felder",
)


async def reject(scope: Scope, receive: Receive, send: Send, rejection: Rejection) -> None:
    """Answers the rejection as a problem in the caller's language."""
    await localized_problem(scope, *rejection)(scope, receive, send)
