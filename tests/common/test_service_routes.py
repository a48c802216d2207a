"""A service's routes are one flat router, each guarded by the policy first."""

from __future__ import annotations

from fastapi.routing import APIRoute

from services.auth.api import router as auth_router
from services.cases.api import router as cases_router
from services.funding.api import router as funding_router


def test_every_route_is_a_route_of_the_service_router_with_the_policy_first():
    for router in (auth_router, cases_router, funding_router):
        # nested routers cost FastAPI a second match per level on every request (issue 16)
        assert all(isinstance(route, APIRoute) for route in router.routes)
        policy = router.dependencies[0]
        for route in router.routes:
            assert isinstance(route, APIRoute)
            assert route.dependencies[0] is policy, route.path
