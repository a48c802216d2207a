"""Calls the funding helper's bench/funding_batch.py: 10,000-item decision batch vs singles.

The module is written by the funding side; this adapter finds its entry point (`run`, `main`
or `bench`), passes the keyword arguments it asks for from what the run has (`quick`, `stack`,
`items`, `server`, `dbs`, `tokens`, `log_dir`), awaits it if it is a coroutine, and reports what it
returns (a dict, or a list of dicts, or lines of text).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
from typing import Any

from bench.rows import Skipped
from bench.stack import Stack

ENTRY_POINTS = ("run", "main", "bench")


def run_funding_batch(
    stack: Stack, quick: bool, items: int, lines: list[str], skipped: list[Skipped]
) -> dict[str, Any]:
    try:
        module = importlib.import_module("bench.funding_batch")
        entry = next((getattr(module, n) for n in ENTRY_POINTS if hasattr(module, n)), None)
        if entry is None:
            raise RuntimeError(f"bench/funding_batch.py has none of {', '.join(ENTRY_POINTS)}")
        offered = {
            "quick": quick,
            "items": items,
            "stack": stack,
            "server": stack.dbs.server,
            "dbs": stack.dbs,
            "tokens": stack.tokens,
            "log_dir": stack.log_dir,
        }
        params = inspect.signature(entry).parameters
        kwargs = {k: v for k, v in offered.items() if k in params}
        print("running bench/funding_batch.py ...", flush=True)
        result = entry(**kwargs)
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
    except Exception as exc:  # the helper's module is young; report, do not sink the run
        skipped.append(Skipped("funding batch", f"{exc.__class__.__name__}: {str(exc)[:300]}"))
        return {}
    lines.append(f"\nfunding: {items:,}-item decision batch vs {items:,} single transitions")
    if isinstance(result, str):
        lines += [f"  {line}" for line in result.splitlines()]
    elif isinstance(result, (dict, list)):
        lines += [f"  {line}" for line in json.dumps(result, indent=2, default=str).splitlines()]
    return {"funding_batch": result}
