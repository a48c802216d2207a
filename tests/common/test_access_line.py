"""The access line written without structlog's chain is the line that chain renders."""

from __future__ import annotations

import io
import json
import sys

import pytest
import structlog

from services.common.logging import access_line, configure_logging

PATH = '/cases/v1/"quoted"/Ü\\x'


def _lines(monkeypatch: pytest.MonkeyPatch, level: str, write_both: bool = True) -> list[str]:
    """What the access line (and, for comparison, structlog) write to stderr."""
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    try:
        configure_logging(level, json=True)
        bound = structlog.contextvars.bind_contextvars(request_id="r-1")
        try:
            access_line()("GET", PATH, 404, 1.25, "r-1")
            if write_both:
                structlog.get_logger("pakt.access").info(
                    "request", method="GET", path=PATH, status=404, duration_ms=1.25
                )
        finally:
            structlog.contextvars.reset_contextvars(**bound)
    finally:
        monkeypatch.undo()
        configure_logging("INFO", json=True)  # back on the real stderr for the next tests
    return buffer.getvalue().splitlines()


def test_the_line_is_structlogs_but_for_the_time(monkeypatch):
    ours, structlogs = _lines(monkeypatch, "INFO")
    # the same text up to the timestamp: keys, order, escaping, number formats
    assert ours.split('"timestamp"')[0] == structlogs.split('"timestamp"')[0]
    line = json.loads(ours)
    assert list(line) == list(json.loads(structlogs))
    assert line["path"] == PATH
    assert line["request_id"] == "r-1"
    assert line["status"] == 404
    assert line["timestamp"].endswith("Z")


def test_no_line_above_info(monkeypatch):
    assert _lines(monkeypatch, "WARNING", write_both=False) == []
