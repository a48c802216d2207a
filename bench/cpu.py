"""CPU time a set of processes (and their children, e.g. nginx workers) used, from /proc."""

from __future__ import annotations

import os
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


def cpu_seconds(pids: list[int]) -> float:
    """User + system seconds of `pids` and their live children (0 where /proc is missing)."""
    total = 0.0
    for pid in pids:
        total += _own_seconds(pid)
        total += sum(_own_seconds(child) for child in _children(pid))
    return total
