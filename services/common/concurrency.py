"""Conditional requests, in one place: ETags from a version column, If-Match on changes,
If-None-Match on reads.

An ETag is the version in quotes, a strong validator (`"4"`), and If-Match takes exactly what
the `ETag` header sent. A value without quotes (`1`, as `version: 1` reads in JSON) or a weak
one (`W/"4"`) is refused with a 400 problem that names the fix, not a 412: a 412 tells the
client to read again and retry, which would loop forever on a header it keeps misspelling.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Header, Response
from starlette.datastructures import Headers
from starlette.types import Message, Receive, Scope, Send

from services.common.middleware import HttpMiddleware
from services.common.problem_types import texts
from services.common.problems import PreconditionFailed, PreconditionRequired, ProblemError

IF_MATCH_HELP = (
    'The `ETag` you read, quotes included: `If-Match: "4"` (a quoted strong ETag; `4` or '
    '`W/"4"` is a 400 `invalid-etag`). Changes need it: 428 without it, 412 when the resource '
    "has changed since you read it."
)

# use as `if_match: IfMatchHeader = None`: a missing header must reach check_if_match (428, not
# 422); the contract still marks it required (services/tooling/openapi_enrich.py)
IfMatchHeader = Annotated[
    str | None,
    Header(alias="If-Match", max_length=200, description=IF_MATCH_HELP),
]

SENDS_ETAG: dict[int | str, dict[str, Any]] = {
    200: {
        "headers": {
            "ETag": {
                "description": 'The version of the resource, a quoted strong ETag (`"4"`)',
                "schema": {"type": "string"},
            }
        }
    }
}
"""`responses=` of a read that sends an ETag the contract cannot infer from a versioned path."""

_STRONG = re.compile(r'"[\x21\x23-\x7e]*"')  # RFC 9110 entity-tag, strong form
_WEAK = re.compile(r'W/"[\x21\x23-\x7e]*"')


class InvalidETag(
    ProblemError,
    slug="invalid-etag",
    title="Invalid ETag in If-Match",
    title_de="Ungültiges ETag in If-Match",
    status=400,
):
    """If-Match holds something other than quoted strong ETags (or `*`)."""


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def if_match_tags(header: str) -> frozenset[str]:
    """The strong ETags (or `*`) of an If-Match value; 400 `invalid-etag` for anything else."""
    tags = set()
    for part in header.split(","):
        tag = part.strip()
        if not tag:
            continue  # an empty list element is allowed and ignored (RFC 9110 5.6.1)
        if tag == "*" or _STRONG.fullmatch(tag):
            tags.add(tag)
        elif _WEAK.fullmatch(tag):
            raise InvalidETag(
                texts(
                    f"If-Match takes strong ETags only (RFC 9110 13.1.1): send {tag[2:]}, without "
                    f"the W/ prefix (you sent {tag})",
                    f"If-Match nimmt nur starke ETags (RFC 9110 13.1.1): senden Sie {tag[2:]} ohne "
                    f"das Präfix W/ (Sie sandten {tag})",
                ),
                sent=header,
            )
        else:
            quoted = f'"{tag.strip(chr(34))}"'
            raise InvalidETag(
                texts(
                    "If-Match needs the ETag exactly as the ETag header sent it, quotes included: "
                    f"If-Match: {quoted} (you sent {tag})",
                    "If-Match braucht das ETag genau so, wie der ETag-Header es sandte, samt "
                    f"Anführungszeichen: If-Match: {quoted} (Sie sandten {tag})",
                ),
                sent=header,
            )
    if not tags:
        raise InvalidETag(
            texts(
                'If-Match names no ETag: send the one you read, If-Match: "1"',
                'If-Match nennt kein ETag: senden Sie das gelesene, If-Match: "1"',
            ),
            sent=header,
        )
    return frozenset(tags)


def etag_matches(if_match: str, current_version: int) -> bool:
    """Whether If-Match names the current version (or is `*`); 400 if it is malformed."""
    tags = if_match_tags(if_match)
    return "*" in tags or etag_for(current_version) in tags


def check_if_match(if_match: str | None, current_version: int) -> None:
    """428 without If-Match, 400 if malformed, 412 unless it names the current version."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired(
            texts(
                'Send If-Match with the ETag you last read, quotes included (If-Match: "1"), so '
                "no update gets lost",
                "Senden Sie If-Match mit dem zuletzt gelesenen ETag samt Anführungszeichen "
                '(If-Match: "1"), damit keine Änderung verloren geht',
            )
        )
    if etag_matches(if_match, current_version):
        return
    raise PreconditionFailed(
        texts(
            "The resource changed since you read it; fetch it again and retry",
            "Die Ressource hat sich geändert, seit Sie sie gelesen haben; lesen Sie sie neu und "
            "versuchen Sie es erneut",
        ),
        current_etag=etag_for(current_version),
    )


def _weak_tags(header: str) -> set[str]:
    """If-None-Match uses the weak comparison: `W/"4"` and `"4"` are the same validator.
    Unparseable entries simply never match (the read goes on and answers 200)."""
    return {t.strip().removeprefix("W/") for t in header.split(",")}


class NotModifiedMiddleware(HttpMiddleware):
    """`If-None-Match` on a GET or HEAD: a 200 whose ETag it names becomes 304 without a body,
    keeping ETag and the other headers (RFC 9110 15.4.5). One place for every read that sends
    an ETag, so no handler has to remember it."""

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        wanted = Headers(scope=scope).get("if-none-match")
        if scope["method"] not in ("GET", "HEAD") or not wanted:
            await self.app(scope, receive, send)
            return
        tags = _weak_tags(wanted)
        state = {"not_modified": False}

        async def conditional_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                etag = Headers(raw=message.get("headers", [])).get("etag")
                if etag is not None and ("*" in tags or etag.removeprefix("W/") in tags):
                    state["not_modified"] = True
                    kept = [
                        (k, v)
                        for k, v in message.get("headers", [])
                        if k.lower() not in (b"content-length", b"content-type")
                    ]
                    message = {**message, "status": 304, "headers": kept}
            elif message["type"] == "http.response.body" and state["not_modified"]:
                if message.get("more_body", False):
                    return  # the body of a 304 is never sent
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(scope, receive, conditional_send)
