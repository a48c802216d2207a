"""Random sequences of consortium answers, applications, transitions and batch decisions over
several municipalities, a district and two programmes, through the HTTP API; after every step
the money and consent invariants of DESIGN.md hold (issue 11).

hypothesis drives the machine in a worker thread; each request runs on the test's event loop
(`asyncio.run_coroutine_threadsafe`). Every example runs inside a savepoint of the test's
transaction and is rolled back at its end, so examples start from the same database.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.funding.ceiling_flow import act, answer, draft, form
from tests.funding.conftest import setup_programme
from tests.funding.invariants_sql import check
from tests.funding.personas import (
    BAD_BOLL,
    DONZDORF,
    ESLINGEN,
    GOEPPINGEN,
    LRA_GOEPPINGEN,
    LRA_REMS_MURR,
    PLATFORM,
    RP_STUTTGART,
    SCHORNDORF,
    Org,
)
from tests.support.apps import ServiceUnderTest

FRAMES = (
    "ags,name,amount,status,reference_date\n"
    "08117019,Göppingen,160000.00,final,2017-09-15\n"
    "08117007,Bad Boll,60000.00,final,2017-09-15\n"
    "08117049,Eislingen/Fils,60000.00,final,2017-09-15\n"
    "08117014,Donzdorf,110000.00,final,2017-09-15\n"
    "08119067,Schorndorf,30000.00,final,2017-09-15\n"
)
"""Göppingen fits three positions, Donzdorf two, Eislingen and Bad Boll one; Schorndorf
(another district) only applies through a consortium; applications compete for them."""
NEXT = {
    ("draft", "applicant"): ["submit"] * 3 + ["withdraw"],
    ("returned", "applicant"): ["submit"] * 2 + ["withdraw"],
    ("submitted", "district"): ["forward"] * 3 + ["return", "withdraw"],
    ("returned", "district"): ["forward"] * 2 + ["return", "withdraw"],
    ("forwarded", "council"): ["approve"] * 2 + ["partially_approve", "reject", "return"],
}
"""The actions the state of an application allows (the route of workflow.py)."""
MUNICIPALITIES = [GOEPPINGEN, BAD_BOLL, ESLINGEN, DONZDORF, SCHORNDORF]
DELEGABLE = ["08117019", "08117007", "08117049", "08117014"]  # in Landkreis Göppingen
ACTIONS = ["submit", "withdraw", "forward", "return", "approve", "partially_approve", "reject"]
REFUSALS = {403, 404, 409, 412, 422}

Call = Callable[[Coroutine[Any, Any, Any]], Any]


@dataclass(frozen=True)
class App:
    id: str
    applicant: Org
    reviewer: Org | None


def _reviewer(org: Org) -> Org | None:
    if org.kind == "rural_district":
        return None  # a district applying skips its own step
    return LRA_REMS_MURR if org.path[2] == "08119" else LRA_GOEPPINGEN


def _actor(app: App, action: str, council: bool) -> tuple[Org, str]:
    if action in ("submit", "withdraw"):
        return app.applicant, "applicant"
    if action == "forward" or (action == "return" and not council and app.reviewer):
        return app.reviewer or RP_STUTTGART, "district_reviewer"
    return RP_STUTTGART, "approver"


def machine(
    sut: ServiceUnderTest, call: Call, conn: AsyncConnection, rollback: bool = True
) -> type:
    """The state machine class, bound to one running app and a connection that reads the
    invariants. `rollback`: each example runs in a savepoint of the test's transaction (the
    requests then share that one connection, so they run one after another)."""

    class FundingInvariants(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.savepoint = call(_begin(conn)) if rollback else None
            self.programmes = [
                call(_programme(sut, name=f"Stateful A {uuid.uuid4().hex[:8]}")),
                call(
                    _programme(
                        sut,
                        name=f"Stateful B {uuid.uuid4().hex[:8]}",
                        total_budget="120000.00",
                        deciding_mode="regional",
                        deciding_region=None,
                    )
                ),
            ]
            self.apps: list[App] = []
            self.consortia: list[tuple[str, Org, list[str]]] = []
            self.expected_events = 0
            self.baseline = call(_counts(conn))

        def teardown(self) -> None:
            if self.savepoint is not None:
                call(self.savepoint.rollback())

        def _ok(self, r: Any, *codes: int) -> bool:
            assert r.status_code in (*codes, *REFUSALS), (r.status_code, r.text[:500])
            if r.status_code in codes:
                self.expected_events += 1
                return True
            return False

        @rule(p=st.integers(0, 1), lead=st.sampled_from(MUNICIPALITIES), data=st.data())
        def form_consortium(self, p: int, lead: Org, data: st.DataObject) -> None:
            others = [m.path[-1] for m in MUNICIPALITIES if m is not lead]
            members = data.draw(st.lists(st.sampled_from(others), min_size=1, max_size=2))
            r = call(form(sut, self.programmes[p], lead, members, "Verbund"))
            if self._ok(r, 201):
                self.consortia.append((r.json()["id"], lead, sorted(set(members))))
                for ags in sorted(set(members)):
                    if data.draw(st.booleans()):
                        org = next(m for m in MUNICIPALITIES if m.path[-1] == ags)
                        self._ok(call(answer(sut, r.json()["id"], ags, org, "acceptance")), 200)

        @precondition(lambda self: self.consortia)
        @rule(data=st.data(), what=st.sampled_from(["acceptance"] * 4 + ["decline", "leave"]))
        def answer_invitation(self, data: st.DataObject, what: str) -> None:
            cid, _, members = data.draw(st.sampled_from(self.consortia))
            ags = data.draw(st.sampled_from(members))
            org = next(m for m in MUNICIPALITIES if m.path[-1] == ags)
            self._ok(call(answer(sut, cid, ags, org, what)), 200)

        @precondition(lambda self: self.consortia)
        @rule(data=st.data(), really=st.integers(0, 3))
        def dissolve(self, data: st.DataObject, really: int) -> None:
            cid, lead, _ = data.draw(st.sampled_from(self.consortia))
            if really == 0:
                self._ok(call(_dissolve(sut, cid, lead)), 200)

        @rule(
            p=st.integers(0, 1),
            org=st.sampled_from(MUNICIPALITIES),
            n=st.integers(1, 3),
            data=st.data(),
        )
        def apply_alone(self, p: int, org: Org, n: int, data: st.DataObject) -> None:
            r = call(draft(sut, self.programmes[p], org, n))
            self._created(r, App(r.json().get("id", ""), org, _reviewer(org)), data)

        @rule(p=st.integers(0, 1), n=st.integers(1, 2), data=st.data())
        def apply_as_district(self, p: int, n: int, data: st.DataObject) -> None:
            listed = data.draw(st.lists(st.sampled_from(DELEGABLE), min_size=1, max_size=2))
            r = call(
                draft(
                    sut,
                    self.programmes[p],
                    LRA_GOEPPINGEN,
                    n,
                    delivery_model="delegated_to_district",
                    delegating_municipalities=sorted(set(listed)),
                )
            )
            self._created(r, App(r.json().get("id", ""), LRA_GOEPPINGEN, None), data)

        @precondition(lambda self: self.consortia)
        @rule(n=st.integers(1, 2), data=st.data())
        def apply_through_consortium(self, n: int, data: st.DataObject) -> None:
            cid, lead, _ = data.draw(st.sampled_from(self.consortia))
            programme_of = call(_programme_of_consortium(conn, cid))
            programme = next(p for p in self.programmes if p["id"] == programme_of)
            r = call(draft(sut, programme, lead, n, consortium_id=cid))
            self._created(r, App(r.json().get("id", ""), lead, _reviewer(lead)), data)

        def _next_move(self, app: App, data: st.DataObject) -> Any | None:
            """The request of one action the application's state allows, or None."""
            state, step = call(_state_of(conn, app.id))
            actions = NEXT.get((state, step))
            if not actions:
                return None
            action = data.draw(st.sampled_from(actions))
            org, role = _actor(app, action, council=state == "forwarded")
            extra = {"granted_amount": "25500.00"} if action == "partially_approve" else {}
            return act(sut, app.id, org, role, action, **extra)

        def _advance(self, app: App, data: st.DataObject, moves: int) -> None:
            """Up to `moves` actions the application's state allows, by the party holding it."""
            for _ in range(moves):
                move = self._next_move(app, data)
                if move is None or not self._ok(call(move), 201):
                    return

        def _created(self, r: Any, app: App, data: st.DataObject) -> None:
            if self._ok(r, 201):
                self.apps.append(app)
                self._advance(app, data, data.draw(st.integers(0, 4)))

        @precondition(lambda self: self.apps)
        @rule(data=st.data(), moves=st.integers(1, 4))
        def advance(self, data: st.DataObject, moves: int) -> None:
            self._advance(data.draw(st.sampled_from(self.apps)), data, moves)

        @precondition(lambda self: self.apps)
        @rule(data=st.data(), action=st.sampled_from(ACTIONS), council=st.booleans())
        def any_action(self, data: st.DataObject, action: str, council: bool) -> None:
            """Any action by any party: refused unless the state allows it."""
            app = data.draw(st.sampled_from(self.apps))
            org, role = _actor(app, action, council)
            extra = {"granted_amount": "25500.00"} if action == "partially_approve" else {}
            self._ok(call(act(sut, app.id, org, role, action, **extra)), 201)

        @precondition(lambda self: self.apps)
        @rule(data=st.data())
        def batch(self, data: st.DataObject) -> None:
            chosen = data.draw(st.lists(st.sampled_from(self.apps), min_size=1, max_size=4))
            items = []
            for app in chosen:
                decision = data.draw(st.sampled_from(["approve", "partially_approve", "reject"]))
                item: dict[str, Any] = {"application_id": app.id, "decision": decision}
                if decision == "partially_approve":
                    item["granted_amount"] = "25500.00"
                items.append(item)
            r = call(
                sut.client.post(
                    "/funding/v1/decision-batches",
                    json={"items": items},
                    headers=RP_STUTTGART.headers(sut.tokens, "approver"),
                )
            )
            assert r.status_code == 201, r.text[:500]
            self.expected_events += r.json()["decided"]

        @invariant()
        def invariants_hold(self) -> None:
            violations, events, audits = call(check(conn))
            assert violations == [], violations
            assert events - self.baseline[0] == self.expected_events
            assert audits - self.baseline[1] == self.expected_events

    return FundingInvariants


async def _programme(sut: ServiceUnderTest, **overrides: Any) -> dict[str, Any]:
    """A programme with the frames of `FRAMES` (replacing those of the shared setup)."""
    programme = await setup_programme(sut, **overrides)
    r = await sut.client.post(
        f"/funding/v1/programmes/{programme['id']}/planning-frames",
        content=FRAMES.encode(),
        headers={**PLATFORM.headers(sut.tokens, "admin"), "Content-Type": "text/csv"},
    )
    assert r.status_code == 200, r.text
    return programme


async def _state_of(conn: AsyncConnection, app_id: str) -> tuple[str, str]:
    sql = text("SELECT state, step FROM application WHERE id = :id")
    row = (await conn.execute(sql, {"id": app_id})).one()
    return row.state, row.step


async def _begin(conn: AsyncConnection) -> Any:
    return await conn.begin_nested()


async def _dissolve(sut: ServiceUnderTest, cid: str, lead: Org) -> Any:
    headers = lead.headers(sut.tokens, "applicant")
    read = await sut.client.get(f"/funding/v1/consortia/{cid}", headers=headers)
    return await sut.client.post(
        f"/funding/v1/consortia/{cid}/dissolution",
        headers={**headers, "If-Match": read.headers.get("etag", '"0"')},
    )


async def _programme_of_consortium(conn: AsyncConnection, cid: str) -> str:
    row = await conn.execute(
        text("SELECT programme_id FROM consortium WHERE id = :id"), {"id": cid}
    )
    return str(row.scalar_one())


async def _counts(conn: AsyncConnection) -> tuple[int, int]:
    sql = "SELECT (SELECT count(*) FROM outbox_event), (SELECT count(*) FROM audit_entry)"
    events, audits = (await conn.execute(text(sql))).one()
    return int(events), int(audits)


async def test_money_and_consent_invariants_hold_for_random_sequences(funding):
    loop = asyncio.get_running_loop()
    conn = funding.app.state.sessionmaker.kw["bind"]

    def call(coro: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, loop).result()

    config = settings(
        max_examples=25,
        stateful_step_count=20,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    machine_class = machine(funding, call, conn)
    await asyncio.to_thread(run_state_machine_as_test, machine_class, settings=config)
