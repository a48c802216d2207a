"""The generated Python client (clients/python, openapi-python-client) uploads each import's
file as the contract says, and reads the report and the refusal."""

from __future__ import annotations

import importlib
import io
import sys
import uuid
from types import ModuleType
from typing import Any

import httpx

from services.tooling.sdk import CLIENTS, PYTHON_CLIENT
from tests.common.imports_targets import GERMAN_FILES, GERMAN_OUTCOMES, Target

OPERATIONS = {
    "auth": ("organizations.import_organizations", "ImportOrganizationsBody"),
    "funding": ("planning_frames.import_planning_frames", "ImportPlanningFramesBody"),
    "cases": ("case_imports.import_cases", "ImportCasesBody"),
}


def _sdk(name: str) -> ModuleType:
    path = str(CLIENTS / PYTHON_CLIENT)
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(f"pakt_api_client{name}")


async def _upload(import_op: Target, data: bytes, mode: str) -> Any:
    module, body_class = OPERATIONS[import_op.name]
    operation = _sdk(f".api.{module}")
    body = getattr(_sdk(".models"), body_class)
    file = _sdk(".types").File(
        payload=io.BytesIO(data), file_name="daten.csv", mime_type="text/csv"
    )
    client = _sdk("").AuthenticatedClient(base_url="http://testserver", token="unused")
    transport = httpx.ASGITransport(app=import_op.sut.app)
    http = httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers=import_op.headers
    )
    client.set_async_httpx_client(http)
    mode_enum = next(
        v for v in vars(operation).values() if getattr(v, "__name__", "").endswith("Mode")
    )
    path_args = []
    if import_op.name == "funding":
        path_args = [uuid.UUID(import_op.url.split("/")[4])]
    async with http:
        return await operation.asyncio_detailed(
            *path_args, client=client, body=body(file=file), mode=mode_enum(mode)
        )


async def test_the_generated_client_uploads_and_reads_the_report(import_op):
    good, bad = GERMAN_FILES[import_op.name]
    refused = await _upload(import_op, (good + bad).encode("cp1252"), "all-or-nothing")
    assert refused.status_code == 422
    assert [e.line for e in refused.parsed.line_errors] == [5] * len(refused.parsed.line_errors)
    done = await _upload(import_op, (good + bad).encode("cp1252"), "valid-rows")
    assert done.status_code == 200, done.content
    created, updated, unchanged = GERMAN_OUTCOMES[import_op.name]
    summary = done.parsed.summary
    assert (summary.created, summary.updated, summary.unchanged, summary.failed) == (
        created,
        updated,
        unchanged,
        1,
    )
