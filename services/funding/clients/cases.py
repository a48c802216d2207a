"""The cases service, reached over HTTP only: key figures of an organization for a period."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx

from services.common.problem_types import texts
from services.funding.clients.auth_token import ClientCredentials, get_as_client
from services.funding.errors import UpstreamUnavailable


class CasesClient:
    def __init__(
        self, http: httpx.AsyncClient, base_url: str, credentials: ClientCredentials
    ) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials

    async def key_figures(
        self, org: str, start: date, end: date, commissioned_by: str | None = None
    ) -> dict[str, Any]:
        """Exact figures: `GET /cases/v1/key-figures?org=&from=&to=[&commissioned_by=]` with this
        service's client, which holds the scope `figures:exact`. A suppressed answer (the client
        lacks the scope) is refused: a proof of use carries exact counts or none."""
        params = {"org": org, "from": start.isoformat(), "to": end.isoformat()}
        if commissioned_by is not None:
            params["commissioned_by"] = commissioned_by
        url = f"{self.base_url}/cases/v1/key-figures"
        r = await get_as_client(
            self.http, self.credentials, url, params, "key figures", "Kennzahlen"
        )
        if r.status_code != 200:
            raise UpstreamUnavailable(
                texts(
                    f"The cases service answered {r.status_code} for key figures",
                    f"Der Fall-Dienst antwortete {r.status_code} für Kennzahlen",
                )
            )
        body: dict[str, Any] = r.json()
        if body.get("exact") is not True:
            raise UpstreamUnavailable(
                texts(
                    "The cases service sent suppressed key figures: this service's client needs "
                    "the scope figures:exact",
                    "Der Fall-Dienst sandte unterdrückte Kennzahlen: der Client dieses Dienstes "
                    "braucht den Scope figures:exact",
                )
            )
        return body
