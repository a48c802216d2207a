"""Conditional requests through nginx, as a client sees them: 304 passes the gateway unchanged,
a misspelt If-Match gets the problem that says how to send it."""

from __future__ import annotations

import re

import httpx
import pytest

from services.cli.stack import Stack
from services.common.orgs import org_id_for_ags
from tests.support.stack import demo_token

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]


def test_if_none_match_is_a_304_and_an_unquoted_if_match_a_400_through_the_gateway(
    stack: Stack,
) -> None:
    token = demo_token(stack, "admin")
    headers = {"Authorization": f"Bearer {token}"}
    url = f"{stack.gateway_url}/auth/v1/organizations/{org_id_for_ags('08117019')}"
    with httpx.Client(timeout=10) as client:
        read = client.get(url, headers=headers)
        assert read.status_code == 200
        etag = read.headers["etag"]
        assert re.fullmatch(r'"[0-9]+"', etag)
        cached = client.get(url, headers={**headers, "If-None-Match": etag})
        assert cached.status_code == 304
        assert cached.content == b""
        assert cached.headers["etag"] == etag
        assert cached.headers["x-request-id"]
        unquoted = client.patch(
            url, headers={**headers, "If-Match": etag.strip('"')}, json={"name": "Göppingen"}
        )
        assert unquoted.status_code == 400
        assert unquoted.json()["type"].endswith("/invalid-etag")
        assert f"If-Match: {etag}" in unquoted.json()["detail"]
