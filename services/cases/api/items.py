"""Routes of the rows under a case (consultations, referrals, volunteer assignments).

The rows share one pattern (`services.cases.items`), so they share their route declarations too
(`services.common.routes.Resource`): a collection below the case, one row by id, the same status
codes and problem responses. A module states per operation only what is its own: the summary
and the description.
"""

from __future__ import annotations

from fastapi import APIRouter

from services.common.routes import Problems, Resource

# the case in the path answers 404 to everyone it is hidden from, so no 403 below a case
CASE_ITEM_PROBLEMS = Problems(
    listing=(400, 401, 404, 422),
    create=(400, 401, 404, 409, 422),
    read=(400, 401, 404, 422),
    change=(400, 401, 404, 409, 412, 422, 428),
)


def item_routes(router: APIRouter, collection: str, item_id: str) -> Resource:
    """The operations on the rows of `collection` below `/cases/v1/cases/{case_id}`; `item_id`
    is the path parameter naming one row."""
    return Resource(
        router, f"/cases/v1/cases/{{case_id}}/{collection}", item_id, CASE_ITEM_PROBLEMS
    )
