"""clients/ is what `make sdk` generates from openapi/openapi.yaml, and both generators take
the contract without a warning (a warning: a skipped operation or a contract linters refuse)."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

import pytest

from services.tooling import sdk
from services.tooling.sdk import (
    CLIENTS,
    NODE_TOOLS,
    PYTHON_CLIENT,
    ROOT,
    TYPESCRIPT_SCHEMA,
    generate_python,
    generate_typescript,
)

# one worker generates once for the whole module (the fixtures below are module-scoped)
pytestmark = pytest.mark.xdist_group("sdk-generate")

SHOWN_DIFF_LINES = 60
CACHES = {"__pycache__", ".ruff_cache", ".mypy_cache"}  # left by tools, never committed


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    return Path(tmp_path_factory.mktemp("clients"))


@pytest.fixture(scope="module")
def python_warnings(fresh) -> list[str]:
    return generate_python(fresh)


@pytest.fixture(scope="module")
def typescript_warnings(fresh) -> list[str]:
    return generate_typescript(fresh)


def _files(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and not CACHES & set(path.parts)
    }


def _drift(committed: dict[str, str], fresh: dict[str, str]) -> list[str]:
    report = [f"only in clients/: {name}" for name in sorted(committed.keys() - fresh.keys())]
    report += [f"missing in clients/: {name}" for name in sorted(fresh.keys() - committed.keys())]
    for name in sorted(committed.keys() & fresh.keys()):
        if committed[name] != fresh[name]:
            diff = difflib.unified_diff(
                committed[name].splitlines(), fresh[name].splitlines(), name, name, lineterm=""
            )
            report.extend(list(diff)[:SHOWN_DIFF_LINES])
    return report


def test_openapi_python_client_takes_every_operation_without_warnings(python_warnings):
    assert not python_warnings, "\n".join(python_warnings)


def test_openapi_typescript_takes_the_contract_without_warnings(typescript_warnings):
    assert not typescript_warnings, "\n".join(typescript_warnings)


def test_the_committed_python_client_is_generated_from_the_contract(fresh, python_warnings):
    drift = _drift(_files(CLIENTS / PYTHON_CLIENT), _files(fresh / PYTHON_CLIENT))
    assert not drift, "clients/python is out of date: run `make sdk`\n" + "\n".join(drift)


def test_the_committed_typescript_types_are_generated_from_the_contract(fresh, typescript_warnings):
    committed = {"schema.d.ts": (CLIENTS / TYPESCRIPT_SCHEMA).read_text(encoding="utf-8")}
    generated = {"schema.d.ts": (fresh / TYPESCRIPT_SCHEMA).read_text(encoding="utf-8")}
    drift = _drift(committed, generated)
    assert not drift, "clients/typescript is out of date: run `make sdk`\n" + "\n".join(drift)


def test_the_drift_check_reports_a_changed_and_a_missing_file():
    drift = _drift({"a.py": "x = 1\n", "b.py": ""}, {"a.py": "x = 2\n", "c.py": ""})

    assert "only in clients/: b.py" in drift
    assert "missing in clients/: c.py" in drift
    assert "-x = 1" in drift
    assert "+x = 2" in drift


def test_the_typescript_walkthrough_type_checks_against_the_generated_types():
    result = subprocess.run(  # noqa: S603 - the pinned tsc on our own tsconfig
        [str(NODE_TOOLS / "tsc"), "--noEmit", "-p", str(Path(__file__).parent)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_python_generator_warning_is_read_with_its_reason():
    output = (
        "Generating /tmp/x\n"
        "Warning(s) encountered while generating. Client was generated, but some pieces may be"
        " missing\n\n"
        "WARNING parsing POST /cases/v1/case-imports within case_imports. Endpoint will not be"
        " generated.\n\n"
        "Unsupported content type application/x-ndjson\n\n\n"
        "If you believe this was a mistake or this tool is missing a feature you need, please"
        " open an issue\n"
    )

    assert sdk.python_warnings(output) == [
        "parsing POST /cases/v1/case-imports within case_imports. Endpoint will not be generated."
        ": Unsupported content type application/x-ndjson"
    ]
    assert sdk.python_warnings("Generating /tmp/x\n") == []


def test_a_typescript_generator_warning_is_read_with_its_pointer():
    output = "✨ openapi-typescript 7.13.0\n ⚠  Tag object needs `description`. at #/tags/25\n"

    assert sdk.typescript_warnings(output) == ["Tag object needs `description`. at #/tags/25"]
