"""Alembic plumbing shared by the services: the env.py body and a programmatic upgrade.

Each service database runs two branches (services/common/migrations/README.md): `common` (the
tables of services/common/tables.py, one history for all three) and the service's own, whose
first revision depends on it. The history has two heads: upgrade to `heads`, not `head`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, pool, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from services.common.partitions import ALL_PARTITIONS_SQL
from services.common.tables import common_metadata

SERVICES_DIR = Path(__file__).resolve().parent.parent


def alembic_config(service: str, database_url: str) -> Config:
    """The alembic Config of `service`, pointed at `database_url`."""
    cfg = Config(str(SERVICES_DIR / service / "alembic.ini"))
    cfg.set_main_option("script_location", str(SERVICES_DIR / service / "migrations"))
    cfg.attributes["database_url"] = database_url
    return cfg


def upgrade(service: str, database_url: str, revision: str = "heads") -> None:
    """Upgrades the database of `service` to `revision` (default: the heads of both branches).

    Databases migrated before the `common` branch existed need no extra step: the branch kept
    revision id 0001, and alembic_version names the same revisions under either history.
    """
    command.upgrade(alembic_config(service, database_url), revision)


def downgrade(service: str, database_url: str, revision: str = "base") -> None:
    """Downgrades the database of `service` to `revision` (default: empty, both branches)."""
    command.downgrade(alembic_config(service, database_url), revision)


def _asyncpg(url: str) -> str:
    for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


def run_env(service_metadata: MetaData) -> None:
    """Body of each service's migrations/env.py (online mode only: we always have a database)."""
    config = context.config
    url = (
        config.attributes.get("database_url")
        or context.get_x_argument(as_dictionary=True).get("url")
        or config.get_main_option("sqlalchemy.url")
    )
    if not url:
        raise RuntimeError(
            "no database URL: use `pakt db migrate`, services.common.migrate.upgrade(),"
            " or `alembic -c services/<svc>/alembic.ini -x url=postgresql://...`"
        )
    targets = [service_metadata, common_metadata]

    def run(connection: Connection) -> None:
        # the monthly partitions (services/common/partitions.py) are data, not schema: the
        # models describe their parent tables, and the retention job creates and drops them
        children = set(connection.execute(text(ALL_PARTITIONS_SQL)).scalars())
        connection.commit()  # else alembic joins this transaction and never commits it

        def include_name(name: str | None, type_: str, parent_names: object) -> bool:
            return not (type_ == "table" and name in children)

        context.configure(
            connection=connection,
            target_metadata=targets,
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()

    async def main() -> None:
        engine = create_async_engine(_asyncpg(url), poolclass=pool.NullPool)
        async with engine.connect() as conn:
            await conn.run_sync(run)
        await engine.dispose()

    asyncio.run(main())
