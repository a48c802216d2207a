"""The settings catalog reads whatever a settings class declares: names, defaults, secrets."""

from __future__ import annotations

import json

import pytest
from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from services.common.settings import ServiceSettings
from services.tooling import config_catalog
from services.tooling.config_catalog import ServiceSpec, settings_of


class SampleSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="SAMPLE_", extra="ignore", frozen=True)

    api_key: SecretStr = Field(description="key for the outside system")
    peers: list[str] = Field(default_factory=lambda: ["10.0.0.1"])
    batch_size: int = Field(50, ge=1, le=500)


SAMPLE = ServiceSpec("sample", 9000, "tests.deploy.test_config_catalog:SampleSettings")


def test_every_field_becomes_a_prefixed_variable_in_declaration_order():
    rows = settings_of(SAMPLE)
    names = [r.env for r in rows]
    assert names[:2] == ["SAMPLE_ENVIRONMENT", "SAMPLE_DATABASE_URL"]
    assert names[-3:] == ["SAMPLE_API_KEY", "SAMPLE_PEERS", "SAMPLE_BATCH_SIZE"]
    assert {r.service for r in rows} == {"sample"}


def test_required_secret_list_and_bounds_are_described():
    rows = {r.field: r for r in settings_of(SAMPLE)}
    assert rows["api_key"].required
    assert rows["api_key"].secret
    assert rows["database_url"].secret
    assert not rows["database_url"].required
    assert json.loads(rows["peers"].default) == ["10.0.0.1"]
    assert rows["batch_size"].meaning == "batch size (1–500)"
    assert rows["log_json"].default == "true"


def test_table_marks_required_settings_and_escapes_pipes(monkeypatch):
    monkeypatch.setattr(config_catalog, "SERVICES", (SAMPLE,))
    monkeypatch.setitem(config_catalog.MEANINGS, "environment", "a | b")
    table = config_catalog.markdown_table()
    assert "| `SAMPLE_API_KEY` | sample | (required) | key for the outside system |" in table
    assert "| `SAMPLE_ENVIRONMENT` | sample | `development` | a \\| b |" in table


def test_a_class_that_is_not_settings_is_refused():
    spec = ServiceSpec("bad", 9001, "services.tooling.config_catalog:ServiceSpec")
    with pytest.raises(TypeError, match="not a pydantic BaseSettings class"):
        settings_of(spec)


def test_readme_without_markers_cannot_be_rewritten():
    assert config_catalog.readme_table("# no table here\n") is None
    with pytest.raises(ValueError, match="markers"):
        config_catalog.with_table("# no table here\n")
