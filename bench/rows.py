"""What one table row is: a request to drive, what it is compared against, and its goal."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.load import LoadResult, Request


@dataclass
class Row:
    """One measured path. `baseline` names another row; `goal` is the least acceptable ratio."""

    name: str
    request: Request
    expect: int = 200
    baseline: str | None = None
    goal: float | None = None
    note: str = ""
    connections: int | None = None  # fewer than the default for paths slow by design
    server: tuple[str, ...] = ()  # names of the processes that serve it (for CPU time)
    databases: tuple[str, ...] = ()  # what those processes connect to (`Throwaway` keys)
    results: list[LoadResult] = field(default_factory=list)
    error: str | None = None
    connects: list[float] = field(default_factory=list)  # new DB sessions per 1000 req, per round
    cpu_ms: list[float] = field(default_factory=list)  # server CPU per request, each round

    @property
    def best(self) -> LoadResult | None:
        """The round with the highest throughput (the one least disturbed by neighbours)."""
        return max(self.results, key=lambda r: r.rps, default=None)

    @property
    def best_cpu_ms(self) -> float | None:
        """Least server CPU per request over the rounds (neighbours only ever add to it)."""
        return min(self.cpu_ms, default=None)


@dataclass
class Skipped:
    """A path that could not be measured in this run, and why."""

    name: str
    reason: str
