"""Examples in the contract: the model config that puts `examples` into a body's JSON schema."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict


def with_examples(*examples: Any, forbid_extra: bool = False) -> ConfigDict:
    """A model config whose JSON schema lists `examples` (the OpenAPI contract shows them).

    `forbid_extra=True` is for request bodies: an unknown field is a 422, never ignored.
    """
    config = ConfigDict(json_schema_extra={"examples": list(examples)})
    if forbid_extra:
        config["extra"] = "forbid"
    return config
