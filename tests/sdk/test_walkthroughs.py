"""The README's funding and cases walk-throughs with each generated client, against the real
stack through the gateway: Python (clients/python) in process, TypeScript (clients/typescript
with openapi-fetch) under Node, run by the pinned tsx.

They get a stack of their own: each approval holds 67,875.00 EUR of Göppingen's planning frame
(271,248.00), and the shared stack's conformance run submits Göppingen applications too, so on
the shared one a walk-through's submit could meet a frame already used up by others."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from services.cli.postgres import find_server
from services.cli.stack import Stack
from services.tooling.sdk import NODE_TOOLS, ROOT
from tests.sdk import python_walkthrough
from tests.support.stack import running_stack

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("sdk-stack")]

WALKTHROUGH_TS = Path(__file__).with_name("walkthrough.ts")
ROUTE = ["submitted", "forwarded", "approved"]


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """A fresh stack for these walk-throughs alone (see the module's docstring)."""
    with running_stack(find_server()) as running:
        yield running


def test_python_client_walks_the_funding_route(stack: Stack):
    walk = python_walkthrough.funding(stack.gateway_url)

    assert walk.application.requested_amount == "67875.00"
    assert [str(t.to_state) for t in walk.transitions] == ROUTE
    assert str(walk.notice.notice_number).startswith("ZB-081-")
    assert walk.pdf.startswith(b"%PDF-")


def test_python_client_walks_a_case(stack: Stack):
    walk = python_walkthrough.cases(stack.gateway_url)

    assert walk.case.person is not None
    assert walk.case.person.name == "Amina Yusuf"
    assert walk.plan.number == 1
    assert walk.consultation.duration_minutes == 45
    assert walk.figures.org == python_walkthrough.GOEPPINGEN


def test_typescript_client_walks_both_under_node(stack: Stack):
    result = subprocess.run(  # noqa: S603 - the pinned tsx on our own script
        [str(NODE_TOOLS / "tsx"), str(WALKTHROUGH_TS)],
        cwd=ROOT,
        env={**os.environ, "PAKT_GATEWAY": stack.gateway_url},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])

    funding, cases = summary["funding"], summary["cases"]
    assert funding["requested_amount"] == "67875.00"
    assert funding["states"] == ROUTE
    assert funding["notice_number"].startswith("ZB-081-")
    assert funding["pdf_head"] == "%PDF-"
    assert cases == {
        "person": "Amina Yusuf",
        "consent_means": "written",
        "plan_number": 1,
        "consultation_minutes": 45,
        "figures_org": python_walkthrough.GOEPPINGEN,
    }
