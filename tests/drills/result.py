"""One drill's figures, its summary line, and the shared timing helpers."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

from tests.drills.load import Writes


@dataclass
class Result:
    """What a drill counted. `lost` is what was acknowledged and is not there afterwards."""

    number: int
    name: str
    acknowledged: int = 0
    found: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    recovery_seconds: float | None = None
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # broken invariants besides lost writes
    expectations: list[tuple[str, bool]] = field(default_factory=list)

    def expect(self, what: str, holds: bool) -> None:
        """A behaviour the issue asks for: always reported, a failure with `--strict`."""
        self.expectations.append((what, holds))

    def unmet(self) -> list[str]:
        return [what for what, holds in self.expectations if not holds]

    @property
    def lost(self) -> int:
        return self.acknowledged - self.found

    @property
    def passed(self) -> bool:
        return self.lost == 0 and not self.failures

    def line(self) -> str:
        errors = ", ".join(f"{kind} x{n}" for kind, n in sorted(self.errors.items())) or "none"
        recovery = "n/a" if self.recovery_seconds is None else f"{self.recovery_seconds:.2f}"
        verdict = "ok" if self.passed else "FAILED: " + "; ".join(self.failures or ["lost writes"])
        unmet = "; not yet: " + "; ".join(self.unmet()) if self.unmet() else ""
        return (
            f"drill {self.number} {self.name}: {self.acknowledged} acknowledged, "
            f"{self.found} found, {self.lost} lost; recovery {recovery} s; "
            f"errors: {errors}; {verdict}{unmet}"
        )

    def take(self, writes: Writes, found: int) -> None:
        """The figures of a load run (see tests/drills/load.py)."""
        self.acknowledged = len(writes.acked)
        self.found = found
        self.errors.update(writes.errors())
        self.notes.append(
            f"{writes.sent} writes sent, {len(writes.acked) - writes.acked_on_retry} acknowledged "
            f"under load, {writes.retried} indeterminate retried with their key afterwards "
            f"({writes.acked_on_retry} acknowledged then, {writes.replayed} of them replays of "
            f"a write that had committed), {writes.unresolved} still unacknowledged"
        )
        if writes.unresolved:
            self.failures.append(f"{writes.unresolved} writes never acknowledged on retry")


async def sleep_until(moment: float) -> None:
    """Sleeps until `moment` on the monotonic clock."""
    await asyncio.sleep(max(0.0, moment - time.monotonic()))
