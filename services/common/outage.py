"""Is the database out of reach? One answer for every layer that meets the error.

A refused or lost connection, a server shutting down or starting up, an exhausted pool: the
request cannot be served now but may be in a moment, so clients get a 503 problem with
`Retry-After` (services/common/problems.py), never the 500 of a bug.
"""

from __future__ import annotations

import socket

from sqlalchemy import exc as sa_exc

# SQLSTATEs of a server that is not there for us: class 08 connection exceptions, admin and
# crash shutdown, cannot connect now (starting up, recovering), too many connections.
_UNAVAILABLE_STATES = frozenset({"57P01", "57P02", "57P03", "53300"})
_UNAVAILABLE_CLASSES = ("08",)
_CLOSED_MESSAGES = ("connection is closed", "connection was closed", "underlying connection")
_MAX_DEPTH = 8


def is_database_unavailable(exc: BaseException) -> bool:
    """Whether `exc` (or what caused it) says the database cannot be reached right now."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending and len(seen) < _MAX_DEPTH:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if _unavailable(current):
            return True
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


def _unavailable(exc: BaseException) -> bool:
    if isinstance(exc, sa_exc.TimeoutError):  # the pool had no connection to lend in time
        return True
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    state = str(getattr(exc, "sqlstate", "") or "")
    if state in _UNAVAILABLE_STATES or state.startswith(_UNAVAILABLE_CLASSES):
        return True
    if type(exc).__name__ in ("ConnectionDoesNotExistError", "ConnectionFailureError"):
        return True
    if type(exc).__name__ == "InterfaceError" and any(m in str(exc) for m in _CLOSED_MESSAGES):
        return True
    # the driver's sockets: refused, reset, timed out, name not resolved; a plain OSError is
    # what asyncio raises when every address of the host refused. File errors are not meant.
    return isinstance(exc, (ConnectionError, TimeoutError, socket.gaierror)) or type(exc) is OSError
