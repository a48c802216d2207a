"""Routes of the OAuth endpoints (token, revocation, introspection) answer malformed requests
the OAuth way: RFC 6749 section 5.2 `invalid_request`, not the API's generic 422.

OAuth client libraries read the `error` member of a 400; a request that misses `grant_type` or
sends an over-long field is an invalid request in their terms. The contract can then mark the
fields a request must carry as required without changing what such a client sees.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from services.auth.errors import InvalidRequest
from services.common.problem_types import Texts, texts


def _described(exc: RequestValidationError) -> Texts:
    fields = ", ".join(sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()}))
    return texts(f"Missing or malformed: {fields}", f"Fehlend oder fehlerhaft: {fields}")


class OAuthRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                raise InvalidRequest(_described(exc)) from exc

        return answer
