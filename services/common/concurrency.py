"""Optimistic concurrency: ETags from a version column, If-Match required on changes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response

from services.common.problems import PreconditionFailed, PreconditionRequired

# use as `if_match: IfMatchHeader = None`: a missing header must reach check_if_match (428, not 422)
IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        description="ETag of the version you read; changes need it (428 if absent, 412 if stale)",
    ),
]


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def _versions(header: str) -> set[str]:
    tags = set()
    for part in header.split(","):
        tag = part.strip()
        tag = tag.removeprefix("W/")  # a proxy may weaken our tags; versions are exact anyway
        tags.add(tag)
    return tags


def check_if_match(if_match: str | None, current_version: int) -> None:
    """428 without If-Match, 412 unless it names the current version (or is `*`)."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired(
            "Send If-Match with the ETag you last read, so no update gets lost"
        )
    tags = _versions(if_match)
    if "*" in tags or etag_for(current_version) in tags:
        return
    raise PreconditionFailed(
        "The resource changed since you read it; fetch it again and retry",
        current_etag=etag_for(current_version),
    )
