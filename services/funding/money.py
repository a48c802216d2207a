"""Money on the wire: decimal strings with two places; Decimal inside; cents rounded half up."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

MONEY_PATTERN = r"^(0|[1-9][0-9]{0,11})\.[0-9]{2}$"
CENT = Decimal("0.01")
MAX_MONEY = Decimal("999999999999.99")


def _decimal_string(pattern: str, error: str) -> Callable[[Any], Decimal]:
    """A parser taking a Decimal as it is, or a string matching `pattern` (ValueError else)."""
    regex = re.compile(pattern)

    def parse(value: Any) -> Decimal:
        if isinstance(value, Decimal):
            return value
        if not isinstance(value, str) or not regex.fullmatch(value):
            raise ValueError(error)
        return Decimal(value)

    return parse


def format_money(value: Decimal) -> str:
    return f"{value.quantize(CENT):.2f}"


def cents(value: Decimal) -> Decimal:
    """Round to cents, half up (commercial rounding)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


Money = Annotated[
    Decimal,
    BeforeValidator(
        _decimal_string(
            MONEY_PATTERN, 'money is a string with two decimal places in EUR, e.g. "51000.00"'
        )
    ),
    PlainSerializer(format_money, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": MONEY_PATTERN,
            "description": "EUR amount as a decimal string with two places",
            "examples": ["51000.00"],
        }
    ),
]

FTE_PATTERN = r"^(0\.(2[5-9]|[3-9][0-9])|1\.00)$"


Fte = Annotated[
    Decimal,
    BeforeValidator(
        _decimal_string(
            FTE_PATTERN, 'FTE is a decimal string between "0.25" and "1.00" with two places'
        )
    ),
    PlainSerializer(format_money, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": FTE_PATTERN,
            "description": "Full-time equivalents of one position, 0.25 to 1.00",
            "examples": ["0.50"],
        }
    ),
]


def position_amount(rate: Decimal, fte: Decimal, months: int, period_months: int) -> Decimal:
    """rate × FTE × months / period months, rounded to cents half up (exact until the end)."""
    return cents(rate * fte * Decimal(months) / Decimal(period_months))


DAY_PATTERN = r"^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_DAY_RE = re.compile(DAY_PATTERN)


def _parse_day(value: Any) -> Any:
    if isinstance(value, str) and not _DAY_RE.fullmatch(value):
        raise ValueError("a date between 2000-01-01 and 2099-12-31 as YYYY-MM-DD")
    return value


Day = Annotated[
    date,
    BeforeValidator(_parse_day),
    WithJsonSchema(
        {"type": "string", "format": "date", "pattern": DAY_PATTERN, "examples": ["2017-09-01"]}
    ),
]
"""A calendar day of this century, ISO 8601 only (no timestamps, no numbers)."""
