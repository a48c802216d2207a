"""TOTP second factor (RFC 6238): enrolment through the API, the login page's code step,
recovery codes, throttling, and the setting that makes it mandatory for admin and approver."""

from __future__ import annotations

import time

import pyotp
from hypothesis import given
from hypothesis import strategies as st

from services.auth.oidc.authorize import redirect_matches
from tests.auth.conftest import bearer, login
from tests.auth.test_oidc import REDIRECT, exchange, register
from tests.support.oidc_login import Pkce, authorize_url, form_post, redirect_params


async def enrol(auth, username: str) -> tuple[pyotp.TOTP, list[str]]:
    me = await bearer(auth.client, username)
    started = await auth.client.post("/auth/v1/me/totp", headers=me)
    assert started.status_code == 201, started.text
    secret = started.json()["secret"]
    assert started.json()["otpauth_uri"].startswith("otpauth://totp/")
    wrong = await auth.client.post(
        "/auth/v1/me/totp/confirmation", json={"code": "000000"}, headers=me
    )
    assert wrong.status_code == 422
    totp = pyotp.TOTP(secret)
    done = await auth.client.post(
        "/auth/v1/me/totp/confirmation", json={"code": totp.now()}, headers=me
    )
    assert done.status_code == 200, done.text
    return totp, done.json()["recovery_codes"]


async def password_page(auth, client_id: str, pkce: Pkce, username: str):
    page = await auth.client.get(authorize_url(client_id, REDIRECT, pkce))
    body = form_post(page, username=username, password="pakt-demo-2026")
    return await auth.client.post("/auth/v1/authorize", data=body)


async def test_login_asks_for_the_code_of_an_enrolled_user(auth):
    client = await register(auth)
    _totp, recovery = await enrol(auth, "cw.goeppingen")
    assert len(recovery) == 10
    refused = await login(auth.client, "cw.goeppingen")
    assert refused.json()["error"] == "invalid_grant"  # the password alone is not enough
    pkce = Pkce.new()
    step = await password_page(auth, client["client_id"], pkce, "cw.goeppingen")
    assert step.status_code == 200
    assert 'autocomplete="one-time-code"' in step.text
    wrong = await auth.client.post("/auth/v1/authorize", data=form_post(step, code="123456"))
    assert wrong.status_code == 401
    assert 'role="alert"' in wrong.text
    done = await auth.client.post("/auth/v1/authorize", data=form_post(wrong, code=recovery[0]))
    r = await exchange(auth, client["client_id"], redirect_params(done)["code"], pkce.verifier)
    assert r.status_code == 200, r.text
    again = await password_page(auth, client["client_id"], Pkce.new(), "cw.goeppingen")
    used = await auth.client.post("/auth/v1/authorize", data=form_post(again, code=recovery[0]))
    assert used.status_code == 401  # a recovery code works once


async def test_totp_code_works_and_its_step_only_once(auth):
    client = await register(auth)
    totp, _ = await enrol(auth, "privacy.goeppingen")
    step = await password_page(auth, client["client_id"], Pkce.new(), "privacy.goeppingen")
    # the enrolment's confirmation used the current step already; the next one is accepted
    code = totp.at(int(time.time()) + totp.interval)
    done = await auth.client.post("/auth/v1/authorize", data=form_post(step, code=code))
    assert done.status_code == 303
    replay = await password_page(auth, client["client_id"], Pkce.new(), "privacy.goeppingen")
    reused = await auth.client.post("/auth/v1/authorize", data=form_post(replay, code=code))
    assert reused.status_code == 401


async def test_wrong_codes_are_throttled(make_auth):
    async with make_auth(login_free_attempts=2) as sut:
        client = await register(sut)
        await enrol(sut, "applicant.goeppingen")
        step = await password_page(sut, client["client_id"], Pkce.new(), "applicant.goeppingen")
        statuses = []
        for _ in range(4):
            step = await sut.client.post("/auth/v1/authorize", data=form_post(step, code="000000"))
            statuses.append(step.status_code)
        assert statuses == [401, 401, 401, 429]
        assert "Zu viele Fehlversuche" in step.text


async def test_mandatory_second_factor_enrols_admins_on_the_login_page(make_auth):
    async with make_auth(totp_required=True) as sut:
        client = await register(sut)
        pkce = Pkce.new()
        step = await password_page(sut, client["client_id"], pkce, "approver.stuttgart")
        assert step.status_code == 200
        assert 'id="totp-secret"' in step.text
        secret = step.text.split('id="totp-secret">')[1].split("<")[0]
        shown = await sut.client.post(
            "/auth/v1/authorize", data=form_post(step, code=pyotp.TOTP(secret).now())
        )
        assert 'id="recovery-codes"' in shown.text
        done = await sut.client.post("/auth/v1/authorize", data=form_post(shown))
        r = await exchange(sut, client["client_id"], redirect_params(done)["code"], pkce.verifier)
        assert r.status_code == 200
        other = await password_page(sut, client["client_id"], Pkce.new(), "cw.goeppingen")
        assert other.status_code == 303  # not a listed role: no second factor needed


@given(
    registered=st.sampled_from(
        ["https://frontend.example.org/cb", "http://127.0.0.1/cb", "https://a.example/x?y=1"]
    ),
    other=st.text(min_size=0, max_size=60),
)
def test_only_the_registered_uri_or_its_loopback_port_variant_matches(registered, other):
    if redirect_matches(other, [registered]):
        assert other == registered or (
            registered.startswith("http://127.0.0.1/") and other.startswith("http://127.0.0.1:")
        )
