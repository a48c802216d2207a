"""Login throttling: per account and per client address, 429 with Retry-After, growing lockouts."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from services.auth.seed import DEMO_PASSWORD
from tests.auth.conftest import login

FREE = {"login_free_attempts": 3, "login_ip_free_attempts": 6, "login_base_delay_seconds": 30}


async def test_account_is_locked_after_free_attempts_with_retry_after(make_auth):
    async with make_auth(**FREE) as auth:
        for _ in range(4):  # 3 free failures, the 4th locks the account
            r = await login(auth.client, "cw.goeppingen", "wrong-password-123")
            assert r.status_code == 400
        locked = await login(auth.client, "cw.goeppingen", DEMO_PASSWORD)  # even the right password
        assert locked.status_code == 429
        assert locked.headers["content-type"] == "application/problem+json"
        retry = int(locked.headers["retry-after"])
        assert 1 <= retry <= 30
        assert locked.json()["retry_after"] == retry
        # other accounts from the same address still log in
        assert (await login(auth.client, "privacy.goeppingen")).status_code == 200


async def test_lockouts_grow_and_success_resets_the_account(make_auth):
    async with make_auth(**{**FREE, "login_ip_free_attempts": 50}) as auth:
        for _ in range(4):
            await login(auth.client, "applicant.goeppingen", "wrong-password-123")

        async def let_lock_expire() -> None:
            async with auth.session() as session:
                await session.exec(
                    text("UPDATE login_throttle SET locked_until = now() - interval '1 second'")
                )
                await session.commit()

        await let_lock_expire()
        await login(auth.client, "applicant.goeppingen", "wrong-password-123")  # 5th failure
        locked = await login(auth.client, "applicant.goeppingen")
        assert locked.status_code == 429
        assert 30 < int(locked.headers["retry-after"]) <= 60  # doubled
        await let_lock_expire()
        assert (await login(auth.client, "applicant.goeppingen")).status_code == 200
        # the counter starts afresh: three more failures are free again
        for _ in range(3):
            assert (
                await login(auth.client, "applicant.goeppingen", "wrong-password-123")
            ).status_code == 400
        assert (await login(auth.client, "applicant.goeppingen")).status_code == 200


async def test_unknown_usernames_are_throttled_like_real_ones(make_auth):
    async with make_auth(**FREE) as auth:
        for _ in range(4):
            assert (
                await login(auth.client, "no.such.user", "wrong-password-123")
            ).status_code == 400
        assert (await login(auth.client, "no.such.user", "wrong-password-123")).status_code == 429


async def test_address_is_throttled_across_accounts_via_gateway_header(make_auth):
    async with make_auth(**FREE) as auth:
        attacker = {"X-Real-IP": "198.51.100.7"}
        for i in range(7):  # 6 free failures for the address, spread over accounts
            r = await login(auth.client, f"guess{i}.user", "wrong-password-123", **attacker)
            assert r.status_code == 400
        blocked = await login(auth.client, "cw.goeppingen", DEMO_PASSWORD, **attacker)
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) >= 1
        other = await login(
            auth.client, "cw.goeppingen", DEMO_PASSWORD, **{"X-Real-IP": "198.51.100.8"}
        )
        assert other.status_code == 200


async def test_forwarding_headers_from_untrusted_peers_are_ignored(make_auth):
    async with make_auth(**FREE) as auth:
        transport = httpx.ASGITransport(app=auth.app, client=("203.0.113.9", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as direct:
            for i in range(7):  # a new spoofed address each time does not reset the count
                spoof = {"X-Real-IP": f"192.0.2.{i}", "X-Forwarded-For": f"192.0.2.{i}"}
                await login(direct, f"guess{i}.user", "wrong-password-123", **spoof)
            blocked = await login(
                direct, "cw.goeppingen", DEMO_PASSWORD, **{"X-Real-IP": "192.0.2.99"}
            )
            assert blocked.status_code == 429
