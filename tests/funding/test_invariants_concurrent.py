"""The money and consent invariants under concurrent requests: the machine of
test_invariants_stateful, on an app with its own connection pool and committed transactions,
gains a rule that sends several actions at once (on the same application or on applications
drawing on the same frame and budget). After every step the invariants hold as before."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule, run_state_machine_as_test

from tests.funding.test_concurrency import isolated  # noqa: F401 - the isolated app
from tests.funding.test_invariants_stateful import machine
from tests.support.apps import ServiceUnderTest


async def _gather(moves: list[Any]) -> list[Any]:
    return list(await asyncio.gather(*moves))


def concurrent_machine(sut: ServiceUnderTest, call: Any, conn: Any) -> type:
    base: Any = machine(sut, call, conn, rollback=False)

    class ConcurrentInvariants(base):  # type: ignore[misc]
        @precondition(lambda self: self.apps)
        @rule(data=st.data())
        def burst(self, data: st.DataObject) -> None:
            """Two to four actions at once; the same application may be drawn twice, so
            two parties race for one ETag and one of them is refused."""
            chosen = data.draw(st.lists(st.sampled_from(self.apps), min_size=2, max_size=4))
            moves = [m for m in (self._next_move(app, data) for app in chosen) if m is not None]
            for r in call(_gather(moves)):
                self._ok(r, 201)

    return ConcurrentInvariants


@pytest.mark.isolated_db
async def test_invariants_hold_under_concurrent_requests(isolated):  # noqa: F811
    loop = asyncio.get_running_loop()
    engine = isolated.app.state.sessionmaker.kw["bind"]
    conn = await engine.connect()
    conn = await conn.execution_options(isolation_level="AUTOCOMMIT")

    def call(coro: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, loop).result()

    config = settings(
        max_examples=10,
        stateful_step_count=15,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    try:
        machine_class = concurrent_machine(isolated, call, conn)
        await asyncio.to_thread(run_state_machine_as_test, machine_class, settings=config)
    finally:
        await conn.close()
