"""The README's import walk-through runs as written against the real stack (nginx in front):
a Windows-1252 file with `;` uploaded with `curl -F`, refused, then taken with valid-rows."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from services.cli.stack import Stack

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("stack")]
README = Path(__file__).resolve().parents[2] / "README.md"


def _walkthrough() -> str:
    section = README.read_text(encoding="utf-8").split("<!-- section:imports -->")[1]
    section = section.split("<!-- /section:imports -->")[0]
    found = re.search(r"```sh\n(.*?)```", section, re.S)
    assert found, "the imports section of README.md has a sh block"
    return found.group(1)


def _documents(text: str) -> list[dict[str, Any]]:
    """The JSON documents curl printed one after the other (without newlines between)."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while at < len(text.rstrip()):
        document, at = decoder.raw_decode(text, at)
        found.append(document)
        while at < len(text) and text[at].isspace():
            at += 1
    return found


def test_the_readme_import_walkthrough_runs_as_written(stack: Stack, tmp_path: Path):
    script = _walkthrough().replace("GW=http://127.0.0.1:8080", f"GW={stack.gateway_url}")
    done = subprocess.run(  # noqa: S603 - our own README, run in a temporary folder
        ["bash", "-euo", "pipefail", "-c", script],  # noqa: S607
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    refused, taken, frames = _documents(done.stdout)
    assert refused["status"] == 422
    assert refused["type"].endswith("/import-refused")
    assert [(e["line"], e["code"]) for e in refused["line_errors"]] == [(4, "not-found")]
    # the stack is shared with other tests: a row another test imported first is `unchanged`
    summary = taken["summary"]
    assert (summary["created"] + summary["unchanged"], summary["failed"]) == (2, 1), summary
    assert summary["updated"] == 0
    assert frames["summary"] == {"created": 0, "updated": 0, "unchanged": 1, "failed": 0}
    assert (tmp_path / "orgs.csv").read_bytes().count(b"\xfc") == 1  # ü in Windows-1252
