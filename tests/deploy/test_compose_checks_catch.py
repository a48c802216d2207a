"""The compose check fails on compose files with the mistakes it exists for.

Small synthetic variants of the real file in tmp_path: a check that passed these would be
no check.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy import kube
from tests.deploy.compose import compose_problems, interpolate

ROOT = kube.ROOT


# ---- compose ----


@pytest.fixture
def compose_copy(tmp_path) -> tuple[Path, dict[str, Any]]:
    shutil.copytree(ROOT / "deploy" / "env", tmp_path / "env")
    return tmp_path / "compose.yaml", yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())


def _compose(path: Path, doc: dict[str, Any]) -> list[str]:
    path.write_text(yaml.safe_dump(doc))
    return compose_problems(path)


def test_compose_misspelled_variable_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["environment"]["CASES_JWKS_ULR"] = "http://auth:8001/x"
    assert any("CASES_JWKS_ULR is not a setting of cases" in p for p in _compose(path, doc))


def test_compose_variable_of_another_service_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["auth"]["environment"]["CASES_LOG_LEVEL"] = "DEBUG"
    assert any("CASES_LOG_LEVEL is not a setting of auth" in p for p in _compose(path, doc))


def test_compose_misspelled_variable_in_env_example_is_caught(compose_copy):
    path, doc = compose_copy
    example = path.parent / "env" / "funding.env.example"
    example.write_text(example.read_text() + "FUNDING_DATABSE_URL=CHANGE_ME\n")
    assert any("FUNDING_DATABSE_URL" in p for p in _compose(path, doc))


def test_compose_wrong_health_path_is_caught(compose_copy):
    path, doc = compose_copy
    test = doc["services"]["funding"]["healthcheck"]["test"]
    doc["services"]["funding"]["healthcheck"]["test"] = [
        t.replace("/funding/readyz", "/funding/health") for t in test
    ]
    assert any("health check" in p and "funding" in p for p in _compose(path, doc))


def test_compose_health_check_on_another_port_is_caught(compose_copy):
    path, doc = compose_copy
    test = doc["services"]["cases"]["healthcheck"]["test"]
    doc["services"]["cases"]["healthcheck"]["test"] = [t.replace(":8002", ":8001") for t in test]
    assert any("compose service cases: health check" in p for p in _compose(path, doc))


def test_compose_wrong_port_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["auth"]["expose"] = ["8000"]
    assert any("exposes [8000]" in p for p in _compose(path, doc))


def test_compose_secret_written_into_the_file_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["auth"]["environment"]["AUTH_KEY_ENCRYPTION_KEY"] = "hunter2"
    assert any("AUTH_KEY_ENCRYPTION_KEY belongs in an env file" in p for p in _compose(path, doc))


def test_compose_env_file_without_example_is_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["env_file"] = ["env/cases-prod.env"]
    assert any("has no committed cases-prod.env.example" in p for p in _compose(path, doc))


def test_compose_missing_service_and_short_grace_are_caught(compose_copy):
    path, doc = compose_copy
    del doc["services"]["migrate"]
    doc["services"]["cases"]["stop_grace_period"] = "5s"
    problems = _compose(path, doc)
    assert any(p.startswith("services are") for p in problems)
    assert any("stop_grace_period" in p for p in problems)


def test_compose_misspelled_key_fails_the_compose_specification(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["stop_grace_periode"] = doc["services"]["cases"].pop(
        "stop_grace_period"
    )
    problems = _compose(path, doc)
    assert any(
        p.startswith("not a valid Compose file") and "stop_grace_periode" in p for p in problems
    )


def test_compose_wrong_dependency_condition_fails_the_compose_specification(compose_copy):
    path, doc = compose_copy
    doc["services"]["gateway"]["depends_on"]["auth"]["condition"] = "service_ready"
    assert any("unknown variant `service_ready`" in p for p in _compose(path, doc))


def test_compose_variables_are_interpolated_like_compose():
    text = "a: ${X:-one}\nb: ${Y}\nc: ${Z-two}\n"
    assert interpolate(text) == "a: one\nb: \nc: two\n"
    assert interpolate(text, {"X": "set", "Y": "y"}) == "a: set\nb: y\nc: two\n"


def test_compose_pools_beyond_max_connections_are_caught(compose_copy):
    path, doc = compose_copy
    doc["services"]["cases"]["environment"]["CASES_DB_POOL_SIZE"] = "200"
    problems = _compose(path, doc)
    assert any(p.startswith("postgres: the services' pools need") for p in problems)


def test_compose_that_is_not_yaml_is_reported(tmp_path):
    path = tmp_path / "compose.yaml"
    path.write_text("services: [unclosed\n")
    assert compose_problems(path)[0].startswith(f"{path}: not YAML")
