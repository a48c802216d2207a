"""The delivery loop of one service (`pakt worker <service>`): outbox -> subscribed endpoints.

Several workers may run at once. Each claims a few subscriptions with a lease
(`SELECT ... FOR UPDATE SKIP LOCKED`, so claims never overlap), and only the lease holder
queues and delivers a subscription's events, one at a time in outbox order: no event goes to
an endpoint twice at the same time, and event n+1 waits until n was delivered or given up.
A worker that dies mid-delivery leaves its delivery pending; when the lease runs out another
worker sends it again with the same `webhook-id`. Deliveries run outside any transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import structlog
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from services.common.webhooks import messages, signing, store
from services.common.webhooks.service import set_state
from services.common.webhooks.settings import WebhookSettings
from services.common.webhooks.targets import Answer, Limits, new_client, post

log = structlog.get_logger("pakt.webhooks")


def limits_from(settings: WebhookSettings, *, allow_private: bool) -> Limits:
    return Limits(
        connect_seconds=settings.connect_timeout_seconds,
        total_seconds=settings.total_timeout_seconds,
        max_response_bytes=settings.max_response_bytes,
        allow_private=allow_private,
    )


@dataclass
class Worker:
    service: str
    sessions: async_sessionmaker[AsyncSession]
    settings: WebhookSettings
    limits: Limits
    owner: str = field(
        default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
    )
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self, stop: asyncio.Event) -> None:
        """Until `stop` is set; a delivery under way is finished (bounded by its timeout)."""
        self._stop = stop
        log.info("webhook_worker_started", service=self.service, owner=self.owner)
        async with new_client(self.limits) as client:
            while not stop.is_set():
                try:
                    busy = await self.tick(client)
                except Exception:  # the database went away, say: keep the process, retry
                    log.exception("webhook_worker_tick_failed", service=self.service)
                    busy = False
                if not busy:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), self.settings.poll_seconds)
        log.info("webhook_worker_stopped", service=self.service, owner=self.owner)

    async def tick(self, client: httpx.AsyncClient) -> bool:
        """One round: claim, serve each claimed subscription, release; True if it did work."""
        s = self.settings
        async with self.sessions() as session:
            rows = await store.claim(
                session, self.owner, s.lease_seconds, s.subscriptions_per_claim
            )
            await session.commit()
        done = await asyncio.gather(*(self.serve(client, row) for row in rows))
        return any(done)

    async def serve(self, client: httpx.AsyncClient, row: Row[Any]) -> bool:
        """Queues the subscription's new events, then sends its due deliveries in order."""
        try:
            async with self.sessions() as session:
                # read afresh under the lease: a rotation or change since the claim counts
                current = await store.renew(
                    session, row.id, self.owner, self.settings.lease_seconds
                )
                if current is None or current.state != "active":  # paused since the claim
                    return False
                queued = await store.fan_out(session, current)
                batch = await store.due(session, row.id, self.settings.deliveries_per_lease)
                await session.commit()
            sent = 0
            for delivery in batch:
                if (
                    current is None
                    or self._stop.is_set()
                    or delivery.next_attempt_at > delivery.now
                ):
                    break  # the next in order is not due yet: nothing after it may overtake it
                current = await self.deliver(client, current, delivery)
                sent += 1
            return queued > 0 or sent > 0
        finally:
            async with self.sessions() as session:
                await store.release(session, row.id, self.owner)
                await session.commit()

    async def deliver(
        self, client: httpx.AsyncClient, sub: Row[Any], delivery: Row[Any]
    ) -> Row[Any] | None:
        """One attempt, logged; the subscription as it is now (None: stop serving it)."""
        answer = await self._send(client, sub, delivery)
        verdict = messages.judge(
            answer,
            delivery.attempts + 1,
            self.settings.retry_schedule_seconds,
            self.settings.jitter,
            dt.datetime.now(dt.UTC),
        )
        return await self._settle(sub, delivery, answer, verdict)

    async def _send(self, client: httpx.AsyncClient, sub: Row[Any], delivery: Row[Any]) -> Answer:
        if delivery.type is None:  # retention removed it before it could be delivered
            return Answer(None, "the event is no longer in the outbox", 0)
        body = messages.body(self.service, delivery)
        msg_id = messages.message_id(self.service, delivery.event_id, sub.id)
        keys = [sub.secret]
        if sub.previous_secret and (sub.previous_secret_until or delivery.now) > delivery.now:
            keys.append(sub.previous_secret)
        headers = signing.headers(keys, msg_id, int(time.time()), body)
        return await post(client, sub.url, headers, body, self.limits)

    async def _settle(
        self, sub: Row[Any], delivery: Row[Any], answer: Answer, verdict: messages.Verdict
    ) -> Row[Any] | None:
        attempt = {
            "status_code": answer.status,
            "duration_ms": answer.duration_ms,
            "error": answer.error,
            "outcome": verdict.outcome,
        }
        async with self.sessions() as session:
            # renewing first fences the write: a worker whose lease ran out records nothing
            current = await store.renew(session, sub.id, self.owner, self.settings.lease_seconds)
            if current is None:
                return None
            await store.record(session, delivery, attempt, verdict.state, verdict.next_at)
            if verdict.subscription is not None:
                reason = _reason(verdict, answer, delivery.attempts + 1)
                await set_state(session, sub, verdict.subscription, reason, delivery.event_id)
            await session.commit()
        log.info(
            "webhook_attempt",
            service=self.service,
            subscription=str(sub.id),
            event_id=delivery.event_id,
            status=answer.status,
            outcome=verdict.outcome,
            duration_ms=answer.duration_ms,
        )
        active = current.state == "active" and verdict.subscription is None
        return current if active else None


def _reason(verdict: messages.Verdict, answer: Answer, attempts: int) -> str:
    if verdict.subscription == messages.DISABLED:
        return "The endpoint answered 410 Gone"
    last = f"status {answer.status}" if answer.error is None else answer.error
    return f"Paused after {attempts} failed attempts over about a day (last: {last})"[:500]
