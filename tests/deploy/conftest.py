"""Rendered overlays and the gateway's rules, made once per test session (they take a second)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.deploy import kube
from tests.deploy.gateway_rules import Gateway, read_gateway

GATEWAY_TEMPLATE = kube.DEPLOY / "gateway" / "nginx.conf.template"


@pytest.fixture(scope="session")
def rendered() -> dict[str, list[dict[str, Any]]]:
    return {name: kube.render(path) for name, path in kube.OVERLAYS.items()}


@pytest.fixture(scope="session")
def gateway() -> Gateway:
    return read_gateway(GATEWAY_TEMPLATE)
