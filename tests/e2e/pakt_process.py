"""`pakt` run as an operator runs it: a subprocess, its output as text, its one error line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAKT = str(Path(sys.executable).with_name("pakt"))


def run(
    *args: str, env: dict[str, str], stdin: str = "", timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [PAKT, *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single error line; fails on anything more (a traceback, a box, a blank line)."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]
