"""The Dockerfile, entrypoint, shell and README checks fail on the mistakes they exist for.

Small synthetic files in tmp_path: a check that passed these would be no check.
"""

from __future__ import annotations

from services.tooling import config_catalog
from tests.deploy import kube
from tests.deploy.dockerfile import (
    entrypoint_problems,
    hadolint_problems,
    shellcheck_problems,
    structure_problems,
)

ROOT = kube.ROOT


# ---- Dockerfile and entrypoint ----

BAD_DOCKERFILE = """\
FROM python:latest
RUN apt-get update && apt-get install -y gcc
COPY no-such-dir /app
USER root
CMD python -m http.server
"""


def test_structure_check_finds_unpinned_root_compiler_image(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(BAD_DOCKERFILE)
    problems = structure_problems(dockerfile, tmp_path)
    assert "stage 0: base python:latest is not a pinned version tag" in problems
    assert "final stage 0: must end as a non-root USER" in problems
    assert "final stage 0: no HEALTHCHECK" in problems
    assert any("installs a compiler" in p for p in problems)
    assert "stage 0: COPY source no-such-dir does not exist" in problems


def test_copy_of_a_dockerignored_path_is_caught(tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / ".dockerignore").write_text("**\n!pyproject.toml\n")
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM python:3.11.14-slim-bookworm\nCOPY services /app/services\n")
    assert "stage 0: COPY source services is in .dockerignore" in structure_problems(
        dockerfile, tmp_path
    )


def test_hadolint_runs_and_reports(tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(BAD_DOCKERFILE)
    problems = hadolint_problems(dockerfile)
    assert any("DL3007" in p for p in problems)  # the `latest` tag
    assert any("DL3008" in p or "DL3015" in p for p in problems)  # unpinned apt packages


def test_shellcheck_runs_and_reports(tmp_path):
    script = tmp_path / "bad.sh"
    script.write_text("#!/bin/sh\nrm -rf $TARGET/*\n")
    assert any("SC2086" in p for p in shellcheck_problems(script))  # unquoted variable


def test_entrypoint_with_a_wrong_port_is_caught(tmp_path):
    text = (ROOT / "deploy" / "docker" / "entrypoint.sh").read_text()
    broken = tmp_path / "entrypoint.sh"
    broken.write_text(text.replace("cases) serve cases 8002 ;;", "cases) serve cases 8020 ;;"))
    assert entrypoint_problems(broken) == ["entrypoint.sh: cases is not served on port 8002"]


# ---- README table ----


def test_stale_readme_table_is_detected_and_rewritten():
    readme = (ROOT / "README.md").read_text()
    stale = readme.replace(
        "| `CASES_LOG_LEVEL` | cases | `INFO` |", "| `CASES_LOG_LEVEL` | cases | `DEBUG` |"
    )
    assert stale != readme
    assert config_catalog.readme_table(stale) != config_catalog.markdown_table()
    assert (
        config_catalog.readme_table(config_catalog.with_table(stale))
        == config_catalog.markdown_table()
    )
