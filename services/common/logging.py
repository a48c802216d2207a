"""structlog JSON logging; the request id rides along through contextvars."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable
from json.encoder import encode_basestring_ascii
from typing import IO, Any

import structlog

AccessLine = Callable[[str, str, int, float, str], None]
"""Writes one access-log line: (method, path, status, duration_ms, request_id)."""

# what `configure_logging` chose, for the access line written without structlog's chain
_chosen: dict[str, Any] = {"json": False, "level": logging.INFO, "file": None}


def configure_logging(level: str = "INFO", json: bool = True) -> None:
    """Route structlog and stdlib logging through one JSON renderer on stderr."""
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer(colors=False)
    )
    numeric_level = logging.getLevelName(level.upper())
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric_level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    _chosen.update(json=json, level=numeric_level, file=sys.stderr)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
            foreign_pre_chain=shared,
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level.upper())
    # uvicorn's access log duplicates ours (which carries the request id)
    logging.getLogger("uvicorn.access").disabled = True


def access_line(name: str = "pakt.access") -> AccessLine:
    """The writer of the access log, one line per request, for the logging configured now.

    With JSON logging it writes the line itself, the same text structlog's chain renders (keys
    `method`, `path`, `status`, `duration_ms`, `event`, `request_id`, `level`, `timestamp` in
    that order, strings escaped by the encoder `json.dumps` uses), in one flushed write: the
    chain of processors and `json.dumps` cost about a quarter of a `/healthz` (make bench,
    issue 16). The request id is the only context the platform binds; a value some code binds
    with `bind_contextvars` reaches the other lines, not this one. Console logging (development)
    goes through structlog as before.
    """
    out: IO[str] | None = _chosen["file"]
    if not _chosen["json"] or out is None:
        logger = structlog.get_logger(name).bind()  # resolved once: the proxy rebuilds per call

        def through_structlog(
            method: str, path: str, status: int, duration_ms: float, request_id: str
        ) -> None:
            # the request id comes from the context the middleware bound, as for every line
            logger.info("request", method=method, path=path, status=status, duration_ms=duration_ms)

        return through_structlog
    if _chosen["level"] > logging.INFO:
        return lambda method, path, status, duration_ms, request_id: None
    quote = encode_basestring_ascii
    utc = dt.UTC

    def as_json(method: str, path: str, status: int, duration_ms: float, request_id: str) -> None:
        stamp = dt.datetime.now(utc).isoformat().replace("+00:00", "Z")
        out.write(
            f'{{"method": {quote(method)}, "path": {quote(path)}, "status": {int(status)}, '
            f'"duration_ms": {float(duration_ms)!r}, "event": "request", '
            f'"request_id": {quote(request_id)}, "level": "info", "timestamp": "{stamp}"}}\n'
        )
        out.flush()

    return as_json
