"""Running schemathesis (its CLI: every phase and check as documented) against a base URL.

There is no list of accepted failures: every failure fails the run. Where a business rule
makes a documented 4xx the right answer to schema-valid data, schemathesis.toml says so for
that one operation, with the rule.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.yaml"
CONFIG = Path(__file__).with_name("schemathesis.toml")
REPORTS = ROOT / "reports"


@dataclass(frozen=True)
class Budget:
    """How much to generate: the short run in `make test`, the long one in `make fuzz`."""

    max_examples: int
    phases: str
    max_time: int | None = None
    workers: int = 1
    # NUL bytes: PostgreSQL text cannot hold them, so the API refuses them anywhere in a body
    # (422), even inside members the schemas leave open, which no JSON Schema string can say.
    # Schemathesis would count each such refusal as "valid data rejected", so both runs leave
    # NUL out and tests/contract/test_nul_bytes.py checks the refusal on every service.
    allow_nul: bool = False


ALL_PHASES = "examples,coverage,fuzzing,stateful"
# no time budget in the short runs: a fixed number of examples keeps them deterministic
SHORT = Budget(max_examples=5, phases=ALL_PHASES)
SHORT_GATEWAY = Budget(max_examples=3, phases=ALL_PHASES)
LONG = Budget(max_examples=100, phases=ALL_PHASES, max_time=1200)


def budget(short: Budget) -> tuple[Budget, str]:
    """`short` in `make test`; the long budget when `make fuzz` sets PAKT_FUZZ_BUDGET=long."""
    if os.environ.get("PAKT_FUZZ_BUDGET") == "long":
        seconds = os.environ.get("PAKT_FUZZ_MAX_TIME")  # e.g. 300 for a quicker long run
        return (replace(LONG, max_time=int(seconds)) if seconds else LONG), "fuzz-"
    return short, ""


@dataclass(frozen=True)
class Outcome:
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def command(base_url: str, budget: Budget, report_dir: Path, name: str) -> list[str]:
    schemathesis = str(Path(sys.executable).with_name("schemathesis"))
    args = [
        schemathesis,
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        str(CONTRACT),
        "--url",
        base_url,
        "--checks",
        "all",
        "--phases",
        budget.phases,
        "--max-examples",
        str(budget.max_examples),
        "--workers",
        str(budget.workers),
        "--generation-allow-x00",
        "true" if budget.allow_nul else "false",
        "--report",
        "junit,ndjson",
        "--report-dir",
        str(report_dir),
        "--report-junit-path",
        str(report_dir / f"{name}.junit.xml"),
        "--report-ndjson-path",
        str(report_dir / f"{name}.ndjson"),
        "--output-truncate",
        "false",
    ]
    if budget.max_time:
        args += ["--max-time", str(budget.max_time)]
    return args


async def run(base_url: str, tokens: dict[str, str], budget: Budget, name: str) -> Outcome:
    """Runs schemathesis in a subprocess, so the apps served on this event loop keep answering."""
    REPORTS.mkdir(exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(tokens, file)
    env = {**os.environ, "PAKT_FUZZ_TOKENS": file.name, "PYTHONPATH": str(ROOT)}
    try:
        proc = await asyncio.create_subprocess_exec(
            *command(base_url, budget, REPORTS, name),
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        out, _ = await proc.communicate()
    finally:
        os.unlink(file.name)
    text = out.decode("utf-8", "replace")
    (REPORTS / f"{name}.txt").write_text(text, encoding="utf-8")
    return Outcome(proc.returncode or 0, text)
