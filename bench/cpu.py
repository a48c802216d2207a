"""CPU time a set of processes (and their children, e.g. nginx workers) used, from /proc."""

from __future__ import annotations

import os
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _own_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


def settle(pids: list[int], *, idle_share: float = 0.1, limit_s: float = 15.0) -> None:
    """Waits (at most `limit_s`) until `pids` use under `idle_share` of a core: requests left
    queued by the previous load run must not be billed to the next row."""
    deadline = time.monotonic() + limit_s
    while pids and time.monotonic() < deadline:
        before = cpu_seconds(pids)
        time.sleep(0.25)
        if cpu_seconds(pids) - before < 0.25 * idle_share:
            return


def cpu_seconds(pids: list[int]) -> float:
    """User + system seconds of `pids` and their live children (0 where /proc is missing)."""
    total = 0.0
    for pid in pids:
        total += _own_seconds(pid)
        total += sum(_own_seconds(child) for child in _children(pid))
    return total
