"""The generated Python client comes from clients/python, as `pip install -e clients/python`
would make it importable (mypy finds it through `mypy_path` in pyproject.toml)."""

from __future__ import annotations

import sys

from services.tooling.sdk import CLIENTS, PYTHON_CLIENT

if str(CLIENTS / PYTHON_CLIENT) not in sys.path:
    sys.path.insert(0, str(CLIENTS / PYTHON_CLIENT))
