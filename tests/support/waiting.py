"""Waiting for what the stack does asynchronously (deliveries, revocation lists, logs)."""

from __future__ import annotations

import time
from collections.abc import Callable


def eventually(check: Callable[[], bool], within: float = 60.0, *, every: float = 0.05) -> bool:
    """Whether `check` holds within `within` seconds, asked every `every` seconds.

    Generous by default: the outbox hands out only settled events and its horizon is the
    PostgreSQL cluster's, so other databases' open transactions (parallel test runs) may hold
    webhook deliveries back for seconds. A test whose bound is the point names its own.
    """
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return check()
