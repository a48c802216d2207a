"""Fixtures of the webhook tests (tests/e2e/test_webhooks*.py): workers and a receiver."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.cli.stack import Stack
from tests.support.webhooks import Receiver, running_receiver, running_workers


@pytest.fixture(scope="module")
def workers(stack: Stack) -> Iterator[list[str]]:
    with running_workers(stack) as names:
        yield names


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    with running_receiver() as r:
        yield r
