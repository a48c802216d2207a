"""The commands README's "Operating with `pakt`" shows exist, with every option it writes."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from services.cli.main import app

README = Path(__file__).resolve().parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("<!-- section:cli -->") : text.index("<!-- /section:cli -->")]


def _shown_commands() -> list[list[str]]:
    """Each `pakt ...` command of the section's shell block, as words (comments dropped)."""
    block = _section().split("```sh", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.splitlines():
        words = shlex.split(line.split("#", 1)[0].split("|")[-1].replace("[", "").replace("]", ""))
        if words[:1] == ["pakt"]:
            commands.append(words[1:])
    return commands


@pytest.mark.parametrize("words", _shown_commands(), ids=" ".join)
def test_a_command_the_readme_shows_exists_with_its_options(words):
    path = [w for w in words if re.fullmatch(r"[a-z][a-z-]*", w)][:2]
    options = {w.split("=", 1)[0] for w in words if w.startswith("--")}

    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "200"})

    assert result.exit_code == 0, result.output
    for option in options:
        assert option in result.output, f"{' '.join(path)} has no {option}"
