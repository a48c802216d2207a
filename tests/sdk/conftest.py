"""The generated Python client comes from clients/python, as `pip install -e clients/python`
would make it importable (mypy finds it through `mypy_path` in pyproject.toml).

And the walk-throughs' `xdist_group` is made to hold: pytest-xdist 3.8 tags a grouped test by
setting `item._nodeid`, which pytest 9 no longer reads (it keeps `item._id`), so the group's
tests would spread over the workers and each worker would start a stack of its own. Limited to
tests/sdk; the same lines in tests/conftest.py would do it for the whole suite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from _pytest.nodeid import NodeId

from services.tooling.sdk import CLIENTS, PYTHON_CLIENT

if str(CLIENTS / PYTHON_CLIENT) not in sys.path:
    sys.path.insert(0, str(CLIENTS / PYTHON_CLIENT))

HERE = Path(__file__).parent


@pytest.hookimpl(trylast=True)  # after xdist's own hook has tagged `_nodeid`
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        tagged = getattr(item, "_nodeid", None)
        if HERE in item.path.parents and tagged and tagged != item.nodeid:
            item._id = NodeId.parse(tagged)  # the id xdist's loadgroup scheduler reads
