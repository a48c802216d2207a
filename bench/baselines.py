"""The baselines: tiny FastAPI apps with nothing of ours in them.

`uvicorn --factory bench.baselines:create_app` with `BENCH_BASE_DSN` naming a database that
`prepare()` filled. Three routes, one per baseline row:
- GET  /bare            no database
- GET  /items/{id}      one asyncpg fetch by primary key from a pool
- POST /items           one asyncpg single-row INSERT ... RETURNING
"""

from __future__ import annotations

import gc
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

POOL_MIN, POOL_MAX = 10, 20  # what the services' engines allow (pool_size 10 + overflow 10)
SEED_ROWS = 1000

DDL = """
CREATE TABLE IF NOT EXISTS bench_item (
    id uuid PRIMARY KEY,
    org text NOT NULL,
    title text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    created_at timestamptz NOT NULL DEFAULT now()
)
"""


class ItemCreate(BaseModel):
    org: str = Field(max_length=64)
    title: str = Field(max_length=200)


async def prepare(dsn: str) -> uuid.UUID:
    """Creates and fills `bench_item`; returns the id the GET baseline reads."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(DDL)
        rows = [(uuid.uuid4(), "org-bench", f"item {i}") for i in range(SEED_ROWS)]
        await conn.copy_records_to_table("bench_item", records=rows, columns=["id", "org", "title"])
        await conn.execute("ANALYZE bench_item")
        return rows[SEED_ROWS // 2][0]
    finally:
        await conn.close()


def create_app() -> FastAPI:
    dsn = os.environ["BENCH_BASE_DSN"]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.pool = await asyncpg.create_pool(dsn, min_size=POOL_MIN, max_size=POOL_MAX)
        gc.freeze()  # as the services do after start-up
        try:
            yield
        finally:
            await app.state.pool.close()

    app = FastAPI(lifespan=lifespan)

    @app.get("/bare")
    async def bare() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/items/{item_id}")
    async def get_item(item_id: uuid.UUID, request: Request) -> dict[str, Any]:
        row = await request.app.state.pool.fetchrow(
            "SELECT id, org, title, status, created_at FROM bench_item WHERE id = $1", item_id
        )
        if row is None:
            raise HTTPException(404)
        return dict(row)

    @app.post("/items", status_code=201)
    async def create_item(body: ItemCreate, request: Request) -> dict[str, Any]:
        row = await request.app.state.pool.fetchrow(
            "INSERT INTO bench_item (id, org, title) VALUES ($1, $2, $3)"
            " RETURNING id, org, title, status, created_at",
            uuid.uuid4(),
            body.org,
            body.title,
        )
        return dict(row)

    return app
