"""Rows that need nothing of ours: the three baselines."""

from __future__ import annotations

import asyncio
import json

from bench import baselines
from bench.dbs import plain_dsn
from bench.load import Request
from bench.rows import Row
from bench.stack import Stack

BARE = "baseline: FastAPI, no DB"
BARE_GET = "baseline: asyncpg GET by pk"
BARE_INSERT = "baseline: asyncpg INSERT"
SERVER = ("baselines",)
DBS = ("base",)


def baseline_rows(stack: Stack) -> list[Row]:
    dsn = plain_dsn(stack.dbs.create("base"))
    item_id = asyncio.run(baselines.prepare(dsn))
    proc = stack.uvicorn(
        "baselines", "bench.baselines:create_app", {"BENCH_BASE_DSN": dsn}, "/bare"
    )
    url = proc.base_url
    body = json.dumps({"org": "org-bench", "title": "item {{n}}"})
    return [
        Row(BARE, Request(f"{url}/bare"), server=SERVER, databases=DBS),
        Row(
            BARE_GET, Request(f"{url}/items/{item_id}"), baseline=BARE, server=SERVER, databases=DBS
        ),
        Row(
            BARE_INSERT,
            Request(f"{url}/items", "POST", {"Content-Type": "application/json"}, body),
            expect=201,
            baseline=BARE,
            server=SERVER,
            databases=DBS,
        ),
    ]
