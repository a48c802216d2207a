"""Numbers and dates as German spreadsheet programs write them, and as ISO.

Money: `271.248,00`, `271248,00`, `271248.00`, `271248` (optionally with `€` or `EUR`). A dot
followed by groups of exactly three digits is a thousands separator (`1.234` is 1234): money
has at most two decimal places, so it cannot be a decimal point there.
Dates: `01.01.2026`, `1.1.2026` and `2026-01-01`.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date
from decimal import Decimal

_CURRENCY = re.compile(r"^(?:€|EUR)?\s*(?P<n>[^€]*?)\s*(?:€|EUR)?$")
_GERMAN = re.compile(r"^(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d{1,2}))?$")
_PLAIN = re.compile(r"^(?P<int>\d+)\.(?P<frac>\d{1,2})$")
_GERMAN_DATE = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_WHOLE_DIGITS = 12  # the money columns hold up to 999,999,999,999.99
MONEY_HINT = 'EUR with at most two decimal places, e.g. "271.248,00" or "271248.00"'
DATE_HINT = 'a date like "15.09.2017" or "2017-09-15"'


def parse_money(text: str) -> Decimal:
    """A non-negative amount of EUR with two decimal places; ValueError(MONEY_HINT) else."""
    found = _CURRENCY.match(text.strip().replace("\u00a0", " "))
    value = found.group("n") if found else ""
    match = _GERMAN.fullmatch(value) or _PLAIN.fullmatch(value)
    if match is None:
        raise ValueError(MONEY_HINT)
    whole = match.group("int").replace(".", "")
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise ValueError(MONEY_HINT)
    cents = (match.group("frac") or "").ljust(2, "0")
    return Decimal(f"{int(whole)}.{cents}")


def parse_day(text: str) -> date:
    """A calendar date from `dd.mm.yyyy` or `yyyy-mm-dd`; ValueError(DATE_HINT) else."""
    value = text.strip()
    with suppress(ValueError):  # 31.02.2026 matches the shape but is no day: the hint says why
        if match := _GERMAN_DATE.fullmatch(value):
            return date(int(match["y"]), int(match["m"]), int(match["d"]))
        if _ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
    raise ValueError(DATE_HINT)
