"""What the processes of a stack are told about one another: the loopback ports, and every
URL a service derives from them (`pakt dev`, the end-to-end tests, the drills)."""

from __future__ import annotations

import socket
from collections.abc import Mapping
from dataclasses import dataclass

from services.auth.security import demo_secret
from services.auth.settings import AuthSettings
from services.funding.settings import FundingSettings


@dataclass(frozen=True)
class Ports:
    """Loopback ports of the three services and the gateway."""

    auth: int = 8001
    cases: int = 8002
    funding: int = 8003
    gateway: int = 8080

    def as_dict(self) -> dict[str, int]:
        return {
            "auth": self.auth,
            "cases": self.cases,
            "funding": self.funding,
            "gateway": self.gateway,
        }

    @classmethod
    def free(cls) -> Ports:
        """Four ports the kernel says are free right now (for tests running side by side)."""
        socks = [socket.socket() for _ in range(4)]
        try:
            for sock in socks:
                sock.bind(("127.0.0.1", 0))
            auth, cases, funding, gw = (sock.getsockname()[1] for sock in socks)
        finally:
            for sock in socks:
                sock.close()
        return cls(auth=auth, cases=cases, funding=funding, gateway=gw)


def derived_urls(ports: Ports) -> dict[str, str]:
    """Every URL setting a service derives from the ports (setting name, lower case, without
    the service prefix). Each `*_url` field of the settings classes must be here, so moved
    ports never leave one at its default (tests/cli/test_dev_urls.py checks it)."""
    public = f"http://127.0.0.1:{ports.gateway}"
    auth = f"http://127.0.0.1:{ports.auth}"
    return {
        "jwks_url": f"{auth}/auth/.well-known/jwks.json",
        "jwt_issuer": f"{public}/auth",
        "public_base_url": public,
        "auth_url": auth,  # the revocation list
        "auth_token_url": f"{auth}/auth/v1/token",  # funding's client: exact key figures
        "cases_url": f"http://127.0.0.1:{ports.cases}",
        "funding_url": f"http://127.0.0.1:{ports.funding}",
    }


def service_env(
    service: str, database_url: str, ports: Ports, base: Mapping[str, str]
) -> dict[str, str]:
    """The environment of one service process (CONVENTIONS.md: `<SVC>_<SETTING>`).

    The URLs follow the ports and override any the shell had: a stack on moved ports must not
    send its client secret to whatever listens on a default port."""
    prefix = service.upper()
    env = dict(base)
    env.update({f"{prefix}_{name.upper()}": url for name, url in derived_urls(ports).items()})
    env.update({f"{prefix}_DATABASE_URL": database_url, "PYTHONUNBUFFERED": "1"})
    if service == "funding" and not env.get("FUNDING_CLIENT_SECRET"):
        # proofs of use fetch key figures with funding's demo client; in a dev stack its
        # secret is the one `pakt seed` derived (AUTH_DEMO_SECRET_SEED)
        auth = AuthSettings()
        client_id = env.get("FUNDING_CLIENT_ID") or FundingSettings().client_id
        env["FUNDING_CLIENT_SECRET"] = demo_secret(
            env.get("AUTH_DEMO_SECRET_SEED") or auth.demo_secret_seed.get_secret_value(), client_id
        )
    return env
