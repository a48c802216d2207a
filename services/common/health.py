"""Liveness, readiness and Prometheus metrics under the service's own prefix.

Metrics are for Prometheus scraping the pod directly (deploy/k8s: the pods' `prometheus.io/*`
annotations; `make run`: the service's own port). A request that came through a proxy (the
gateway and ingress-nginx always set X-Forwarded-For) gets a 404: the public edge must not
show them, and the gateway refuses those paths itself too.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field
from sqlalchemy import text

from services.common.problem_types import texts
from services.common.problems import NotFound, ProblemError, problem_responses

_PROXY_HEADERS = (b"x-forwarded-for", b"forwarded")


class Health(BaseModel):
    status: Literal["ok", "ready"] = Field(examples=["ok"])
    service: str = Field(examples=["cases"])


class NotReady(
    ProblemError,
    slug="not-ready",
    title="Service not ready",
    title_de="Dienst nicht bereit",
    detail="The database is not reachable",
    detail_de="Die Datenbank ist nicht erreichbar",
    status=503,
):
    """Answered with Retry-After, like every 503 problem."""


def health_router(service: str) -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get(
        f"/{service}/healthz",
        summary="Liveness: the process answers",
        operation_id=f"{service}_healthz",
    )
    async def healthz() -> Health:
        """200 while the process runs; it checks nothing else (for a liveness probe)."""
        return Health(status="ok", service=service)

    @router.get(
        f"/{service}/readyz",
        summary="Readiness: the database answers",
        operation_id=f"{service}_readyz",
        responses=problem_responses(503),
    )
    async def readyz(request: Request) -> Health:
        """200 when the database answers `SELECT 1`, else the 503 problem with Retry-After
        (for a readiness probe: no traffic until it is ready)."""
        try:
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:  # any failure to reach the database means not ready
            raise NotReady() from exc
        return Health(status="ready", service=service)

    @router.get(
        f"/{service}/metrics",
        summary="Prometheus metrics (scraped from the pod; not through the gateway)",
        operation_id=f"{service}_metrics",
        response_class=Response,
        responses={
            200: {
                "content": {"text/plain": {"schema": {"type": "string"}}},
                "description": "Prometheus text format",
            },
            **problem_responses(404),
        },
    )
    async def metrics(request: Request) -> Response:
        """Prometheus text format, for the scraper inside the cluster; a request that came
        through a proxy (`X-Forwarded-For`, `Forwarded`) gets 404."""
        if any(name in _PROXY_HEADERS for name, _ in request.scope["headers"]):
            raise NotFound(
                texts(
                    "No resource at this path",
                    "Unter diesem Pfad gibt es keine Ressource",
                )
            )
        return Response(
            generate_latest(request.app.state.metrics_registry), media_type=CONTENT_TYPE_LATEST
        )

    return router
