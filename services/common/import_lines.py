"""The per-line error shape, the summary and the commit modes of every import
(`services.common.imports`). Outside that package and importing nothing of ours, so
problems.py can declare them on the Problem schema without a cycle."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ImportMode = Literal["all-or-nothing", "valid-rows"]
DEFAULT_MODE: ImportMode = "all-or-nothing"
LineErrorCode = Literal["malformed", "invalid", "duplicate", "conflict", "not-found"]


class LineError(BaseModel):
    """Why one line of an imported file was refused (a line may have several)."""

    line: int = Field(
        ge=1,
        description="Line number in the file (CSV: the header is line 1; JSON Lines: 1-based)",
        examples=[3],
    )
    field: str | None = Field(
        description="The column or JSON member at fault; null when the whole line is",
        examples=["amount"],
    )
    code: LineErrorCode = Field(
        description=(
            "`malformed`: the line cannot be split into the expected values; `invalid`: a value "
            "breaks its rule; `duplicate`: the line repeats an earlier key of the file; "
            "`conflict`: it contradicts what is stored; `not-found`: it names something unknown"
        ),
        examples=["invalid"],
    )
    message: str = Field(examples=['EUR with at most two decimal places, e.g. "271.248,00"'])


class ImportSummary(BaseModel):
    """What the import did (or, when refused, would have done) with the file's lines."""

    created: int = Field(ge=0, examples=[2])
    updated: int = Field(ge=0, examples=[1])
    unchanged: int = Field(ge=0, description="Lines equal to what is stored", examples=[0])
    failed: int = Field(ge=0, description="Lines with at least one error", examples=[1])
