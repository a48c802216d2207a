"""`pakt dev` derives every inter-service URL from its ports: no `*_url` setting of any service
is left at a default (which names the default ports) when the ports move, and a URL the shell
still exports from another run does not win over the ports."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.cli.ports import Ports, derived_urls, service_env
from services.tooling.config_catalog import SERVICES

MOVED = Ports(auth=18001, cases=18002, funding=18003, gateway=18080)
URL_FIELDS = sorted(
    {
        (spec.name, name)
        for spec in SERVICES
        for name in spec.settings_class().model_fields
        if (name.endswith("_url") or name == "jwt_issuer") and name != "database_url"
    }
)


@pytest.mark.parametrize(("service", "field"), URL_FIELDS)
def test_every_url_setting_follows_the_ports(service, field):
    env = service_env(service, "postgresql://x@127.0.0.1/db", MOVED, base={})

    url = env[f"{service.upper()}_{field.upper()}"]
    assert urlsplit(url).port in set(MOVED.as_dict().values())


def test_a_stale_url_from_the_shell_does_not_win():
    stale = {"FUNDING_AUTH_TOKEN_URL": "http://127.0.0.1:8001/auth/v1/token"}
    env = service_env("funding", "postgresql://x@127.0.0.1/db", MOVED, base=stale)

    assert env["FUNDING_AUTH_TOKEN_URL"] == "http://127.0.0.1:18001/auth/v1/token"


ports = st.integers(min_value=1024, max_value=65535)


@given(auth=ports, cases=ports, funding=ports, gateway=ports)
def test_no_derived_url_names_a_port_that_was_not_given(auth, cases, funding, gateway):
    chosen = Ports(auth=auth, cases=cases, funding=funding, gateway=gateway)

    for url in derived_urls(chosen).values():
        assert urlsplit(url).port in {auth, cases, funding, gateway}
