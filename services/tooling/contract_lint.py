"""The standard OpenAPI linters on openapi/openapi.yaml: Spectral (`spectral:oas`) and Redocly
(`recommended`), as pinned in package.json and configured in .spectral.yaml and redocly.yaml.

`python -m services.tooling.contract_lint` prints every finding and exits 1 on any error;
tests/sdk/test_linters.py runs the same in `make test`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.tooling.sdk import CONTRACT, NODE_TOOLS, ROOT

SPECTRAL_SEVERITIES = {0: "error", 1: "warning", 2: "info", 3: "hint"}
# Redocly CLI would otherwise report usage and look for updates over the network
QUIET_ENV = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}


@dataclass(frozen=True)
class Finding:
    linter: str
    severity: str  # error | warning | info | hint
    rule: str
    where: str  # the JSON pointer into the contract
    message: str

    def __str__(self) -> str:
        return f"{self.linter} {self.severity} {self.rule} at {self.where}: {self.message}"


def _json_output(command: list[str]) -> Any:
    if not Path(command[0]).exists():
        raise RuntimeError(f"{command[0]} is not installed: run `make tools`")
    # both exit 1 when they find errors; their JSON report on stdout is what counts
    result = subprocess.run(  # noqa: S603 - fixed tool paths, no shell
        command,
        cwd=ROOT,
        env={**os.environ, **QUIET_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(
            f"{command[0]} gave no JSON report:\n{result.stdout}{result.stderr}"
        ) from exc


def _pointer(path: list[Any]) -> str:
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def spectral(contract: Path = CONTRACT) -> list[Finding]:
    report = _json_output(
        [str(NODE_TOOLS / "spectral"), "lint", str(contract), "--format", "json", "--quiet"]
    )
    return [
        Finding(
            "spectral",
            SPECTRAL_SEVERITIES.get(item["severity"], str(item["severity"])),
            item["code"],
            _pointer(item["path"]),
            item["message"],
        )
        for item in report
    ]


def redocly(contract: Path = CONTRACT) -> list[Finding]:
    report = _json_output([str(NODE_TOOLS / "redocly"), "lint", str(contract), "--format", "json"])
    return [
        Finding(
            "redocly",
            "warning" if item["severity"] == "warn" else item["severity"],
            item["ruleId"],
            item["location"][0]["pointer"] if item.get("location") else "#",
            item["message"],
        )
        for item in report["problems"]
    ]


def lint(contract: Path = CONTRACT) -> list[Finding]:
    """Both linters' findings (run side by side: each spends seconds starting Node)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        found = [pool.submit(spectral, contract), pool.submit(redocly, contract)]
        return [finding for future in found for finding in future.result()]


def main() -> int:
    findings = lint()
    for finding in findings:
        print(finding)  # noqa: T201 - a command's report
    errors = sum(f.severity == "error" for f in findings)
    print(f"{errors} errors, {len(findings) - errors} warnings and notes")  # noqa: T201
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
