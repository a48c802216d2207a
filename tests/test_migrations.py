"""Each service's alembic history: reaches its heads, matches the models, goes down and up again.

Every service database also runs the one `common` branch (services/common/migrations/): the
tables of services/common/tables.py have one history, and databases migrated while each
service still had its own copy of it upgrade cleanly.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from services.cli.postgres import Server, find_server
from services.common.migrate import SERVICES_DIR, alembic_config, downgrade, upgrade
from services.common.tables import common_metadata
from tests.support.apps import unmigrated_database

SERVICES = ("auth", "cases", "funding")
COMMON_VERSIONS = SERVICES_DIR / "common" / "migrations" / "versions"
COMMON_HEAD = "0006"  # services/common/migrations/versions: the common branch's newest revision
COMMON_TABLES_OF_0001 = {"audit_entry", "outbox_event", "idempotency_record"}
SERVICE_HEADS = {
    "auth": "0005_oidc",
    "cases": "0006_key_figure_indexes",
    "funding": "0003_consent_frame_holds",
}
# Where a database could stand under the history before the `common` branch: each service had
# its own copy of revision 0001 (common tables) and its first revision came right after it.
PER_SERVICE_HISTORY = [
    ("auth", "0001"),
    ("auth", "0002_directory_accounts"),
    ("auth", "0003_signing_key_activation"),
    ("cases", "0001"),
    ("cases", "0002_case_file"),
    ("funding", "0001"),
    ("funding", "0002_funding_tables"),
]


@pytest.fixture
def scratch_db() -> Iterator[tuple[Server, str]]:
    with unmigrated_database("pakt_test_migrations") as url:
        yield find_server(), url


async def _fetch_column(url: str, sql: str) -> set[str]:
    conn = await asyncpg.connect(url)
    try:
        return {row[0] for row in await conn.fetch(sql)}
    finally:
        await conn.close()


def versions_in(url: str) -> set[str]:
    return asyncio.run(_fetch_column(url, "SELECT version_num FROM alembic_version"))


def tables_in(url: str) -> set[str]:
    sql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    return asyncio.run(_fetch_column(url, sql)) - {"alembic_version"}


@pytest.mark.parametrize("service", SERVICES)
def test_history_matches_models_and_is_reversible(
    service: str, scratch_db: tuple[Server, str]
) -> None:
    _, url = scratch_db
    upgrade(service, url)
    command.check(alembic_config(service, url))  # raises when the models and the history differ
    downgrade(service, url, "base")
    assert tables_in(url) == set()
    upgrade(service, url)
    command.check(alembic_config(service, url))


@pytest.mark.parametrize("service", SERVICES)
def test_common_tables_have_one_history_every_service_runs(service: str) -> None:
    script = ScriptDirectory.from_config(alembic_config(service, "unused"))
    common = script.get_revision("0001")
    assert common is not None
    assert "common" in common.branch_labels
    assert Path(common.path).parent == COMMON_VERSIONS
    (own_base_id,) = set(script.get_bases()) - {"0001"}
    own_base = script.get_revision(own_base_id)
    assert own_base is not None
    assert service in own_base.branch_labels
    assert own_base.dependencies == "0001"  # depends on the common branch, not revises it
    assert set(script.get_heads()) == {SERVICE_HEADS[service], COMMON_HEAD}
    own_files = (SERVICES_DIR / service / "migrations" / "versions").glob("*.py")
    for path in own_files:
        text = path.read_text(encoding="utf-8")
        assert not any(f'"{table}"' in text for table in common_metadata.tables), path


@pytest.mark.parametrize(("service", "old_revision"), PER_SERVICE_HISTORY)
def test_database_migrated_by_the_per_service_history_upgrades(
    service: str, old_revision: str, scratch_db: tuple[Server, str]
) -> None:
    _, url = scratch_db
    upgrade(service, url, old_revision)
    # exactly the one row the per-service history left in alembic_version
    command.stamp(alembic_config(service, url), old_revision, purge=True)
    assert versions_in(url) == {old_revision}
    assert tables_in(url) >= COMMON_TABLES_OF_0001  # later common revisions add more

    upgrade(service, url)  # a second CREATE TABLE of a common table would raise here

    assert versions_in(url) == {SERVICE_HEADS[service], COMMON_HEAD}
    command.check(alembic_config(service, url))
    downgrade(service, url, "base")
    assert tables_in(url) == set()


NEXT_COMMON_REVISION = f'''"""a later change to the common tables (test only)"""

from alembic import op

revision = "common_next"
down_revision = "{COMMON_HEAD}"


def upgrade() -> None:
    op.execute("SELECT 1")


def downgrade() -> None:
    op.execute("SELECT 1")
'''


def _with_next_common_revision(service: str, url: str, tmp_path: Path) -> Config:
    common = tmp_path / "common_versions"
    shutil.copytree(COMMON_VERSIONS, common, ignore=shutil.ignore_patterns("__pycache__"))
    (common / "next_common.py").write_text(NEXT_COMMON_REVISION, encoding="utf-8")
    cfg = alembic_config(service, url)
    own = SERVICES_DIR / service / "migrations" / "versions"
    cfg.set_main_option("version_locations", f"{own}\n{common}")  # path_separator = newline
    return cfg


@pytest.mark.parametrize("service", SERVICES)
def test_a_new_common_revision_reaches_a_migrated_database(
    service: str, scratch_db: tuple[Server, str], tmp_path: Path
) -> None:
    _, url = scratch_db
    upgrade(service, url)
    cfg = _with_next_common_revision(service, url, tmp_path)

    command.upgrade(cfg, "heads")

    assert versions_in(url) == {SERVICE_HEADS[service], "common_next"}
    command.check(cfg)
    command.downgrade(cfg, "common@-1")
    assert versions_in(url) == {SERVICE_HEADS[service], COMMON_HEAD}
