"""`make sdk`: the Python and TypeScript clients in clients/, generated from openapi/openapi.yaml.

openapi-python-client runs from a venv of its own (.venv/sdk-tools, pinned by
tools/sdk/requirements.txt) because it wants an older typer than the project pins;
openapi-typescript comes from node_modules (package.json, package-lock.json). Both are the
generators' stock output: the only settings are the package names and openapi-typescript's
documented `--default-non-nullable false`, so a field with a default stays optional in requests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.yaml"
CLIENTS = ROOT / "clients"
CONFIG = ROOT / "tools" / "sdk"
PYTHON_TOOLS = ROOT / ".venv" / "sdk-tools" / "bin"
NODE_TOOLS = ROOT / "node_modules" / ".bin"
# where each generator writes, relative to the clients folder
PYTHON_CLIENT = Path("python")
TYPESCRIPT_SCHEMA = Path("typescript") / "schema.d.ts"


class GeneratorFailed(RuntimeError):
    """A generator exited non-zero: its output says why."""


def _run(command: list[str | Path], *, path_first: Path) -> str:
    # the generators call helpers by name (openapi-python-client runs `ruff`): the pinned ones first
    env = {**os.environ, "PATH": f"{path_first}{os.pathsep}{os.environ.get('PATH', '')}"}
    if not Path(command[0]).exists():
        raise GeneratorFailed(f"{command[0]} is not installed: run `make tools`")
    result = subprocess.run(  # noqa: S603 - fixed tool paths, no shell
        [str(part) for part in command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream: the generators' headers and details interleave
        text=True,
        check=False,
    )
    output = result.stdout
    if result.returncode != 0:
        raise GeneratorFailed(f"{command[0]} exited {result.returncode}:\n{output}")
    return output


def python_warnings(output: str) -> list[str]:
    """openapi-python-client's warnings: one block each ("WARNING parsing POST /x ...: why")."""
    _, marker, rest = output.partition("Warning(s) encountered while generating")
    if not marker:
        return []
    warnings: list[str] = []
    for block in (" ".join(b.split()) for b in rest.split("\n\n")):
        if block.startswith("WARNING"):
            warnings.append(block.removeprefix("WARNING "))
        elif warnings and block and not block.startswith("If you believe"):
            warnings[-1] += f": {block}"  # the reason follows its warning after a blank line
    return warnings


def typescript_warnings(output: str) -> list[str]:
    """openapi-typescript's warnings: the lines it marks with ⚠ (each names its JSON pointer)."""
    return [line.split("⚠", 1)[1].strip() for line in output.splitlines() if "⚠" in line]


def generate_python(into: Path) -> list[str]:
    """Writes the Python client to `into`/python (replacing it); returns the warnings."""
    output = _run(
        [
            PYTHON_TOOLS / "openapi-python-client",
            "generate",
            "--path",
            CONTRACT,
            "--config",
            CONFIG / "openapi-python-client.yaml",
            "--meta",
            "uv",
            "--output-path",
            into / PYTHON_CLIENT,
            "--overwrite",
        ],
        path_first=PYTHON_TOOLS,
    )
    # its ruff pass leaves a cache behind: not part of the client
    shutil.rmtree(into / PYTHON_CLIENT / ".ruff_cache", ignore_errors=True)
    return [f"openapi-python-client: {w}" for w in python_warnings(output)]


def generate_typescript(into: Path) -> list[str]:
    """Writes the TypeScript types to `into`/typescript/schema.d.ts; returns the warnings."""
    output = _run(
        [
            NODE_TOOLS / "openapi-typescript",
            CONTRACT,
            "--redocly",
            CONFIG / "openapi-typescript.redocly.yaml",
            "--default-non-nullable",
            "false",
            "--output",
            into / TYPESCRIPT_SCHEMA,
        ],
        path_first=NODE_TOOLS,
    )
    return [f"openapi-typescript: {w}" for w in typescript_warnings(output)]


def generate(into: Path = CLIENTS) -> list[str]:
    """Both clients into `into`; the generators' warnings (none when the contract is right)."""
    return generate_python(into) + generate_typescript(into)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=CLIENTS, help="clients folder (clients/)")
    args = parser.parse_args(argv)
    warnings = generate(args.into)
    for warning in warnings:
        print(f"WARNING {warning}", file=sys.stderr)  # noqa: T201 - a command's report
    where = args.into.resolve()
    print(f"generated {where / PYTHON_CLIENT} and {where / TYPESCRIPT_SCHEMA}")  # noqa: T201
    # the contract is wrong while a generator warns: fail, so CI and `make sdk` show it
    return 1 if warnings else 0


if __name__ == "__main__":
    sys.exit(main())
