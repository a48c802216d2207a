"""How a route declares what it answers beside its success: one way for every service.

`@router.post(path, **creates(400, 409, model=Read), summary=...)`: a create answers 201 (with
`model` when the handler may answer a replayed response instead of its return type) and the
problem responses of `problem_responses`; `**queues(...)` likewise for 202.

`Resource`: a collection and its items whose operations answer the same problems as their
siblings elsewhere (rows under a case, accounts an org_admin manages): the paths and problem
responses are declared once, a handler states its summary and description.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter
from fastapi.types import DecoratedCallable

from services.common.problems import problem_responses


def creates(*problems: int, model: type[Any] | None = None) -> dict[str, Any]:
    """The decorator arguments of a create: status 201, its problems, its answer's model."""
    declared: dict[str, Any] = {"status_code": 201, "responses": problem_responses(*problems)}
    if model is not None:
        declared["response_model"] = model
    return declared


def queues(*problems: int) -> dict[str, Any]:
    """The decorator arguments of an operation that queues work: status 202, its problems."""
    return {"status_code": 202, "responses": problem_responses(*problems)}


@dataclass(frozen=True)
class Problems:
    """The problem statuses each kind of operation of a resource answers."""

    listing: tuple[int, ...]
    create: tuple[int, ...]
    read: tuple[int, ...]
    change: tuple[int, ...]


@dataclass(frozen=True)
class Resource:
    """The operations on the collection at `path` and on one item of it (`{item_id}` below)."""

    router: APIRouter
    path: str
    item_id: str
    problems: Problems

    def listing(
        self, summary: str, description: str
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """The collection, a page at a time."""
        return self._route("GET", self.path, self.problems.listing, summary, description)

    def create(
        self, summary: str, description: str, model: type[Any] | None = None
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """A create: 201 with the new item (`model` when the handler may answer a replay)."""
        declared = creates(*self.problems.create, model=model)
        return self.router.api_route(
            self.path, methods=["POST"], **declared, summary=summary, description=description
        )

    def read(
        self, summary: str, description: str
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """One item."""
        return self._route("GET", self.item, self.problems.read, summary, description)

    def change(
        self, summary: str, description: str
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        """A change of one item under If-Match."""
        return self._route("PATCH", self.item, self.problems.change, summary, description)

    @property
    def item(self) -> str:
        return f"{self.path}/{{{self.item_id}}}"

    def _route(
        self, method: str, path: str, problems: tuple[int, ...], summary: str, description: str
    ) -> Callable[[DecoratedCallable], DecoratedCallable]:
        responses = problem_responses(*problems)
        return self.router.api_route(
            path, methods=[method], responses=responses, summary=summary, description=description
        )
