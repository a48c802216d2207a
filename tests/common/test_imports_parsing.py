"""The import kit without a database: decoding, CSV dialect, German numbers and dates, the
commit rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.common.imports.csvfile import read_csv, sniff_separator
from services.common.imports.errors import ImportRefused, ImportTooLarge, UnreadableFile
from services.common.imports.german import parse_day, parse_money
from services.common.imports.outcome import LineErrors, settle
from services.common.imports.text import decode_upload

cents = st.integers(min_value=0, max_value=999_999_999_999_99)


def german(amount: Decimal, *, thousands: bool) -> str:
    """`amount` as German Excel shows it: `271.248,00` (or `271248,00` without grouping)."""
    whole, frac = f"{amount:.2f}".split(".")
    if thousands:
        whole = f"{int(whole):,}".replace(",", ".")
    return f"{whole},{frac}"


@given(cents, st.booleans())
def test_german_amounts_parse_back(value, thousands):
    amount = Decimal(value) / 100
    assert parse_money(german(amount, thousands=thousands)) == amount


@given(cents, st.sampled_from(["{}", "{} €", "€ {}", "{} EUR", " {}\u00a0€ "]))
def test_plain_amounts_and_currency_signs_parse_back(value, pattern):
    amount = Decimal(value) / 100
    assert parse_money(pattern.format(f"{amount:.2f}")) == amount
    assert parse_money(pattern.format(german(amount, thousands=True))) == amount


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_whole_euros_parse_with_and_without_grouping(value):
    grouped = f"{value:,}".replace(",", ".")
    assert parse_money(grouped) == parse_money(str(value)) == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["", "abc", "-5,00", "1,234", "12,555", "1.2345", "1.23.45", "271.248.00", "1e5", "1 000", "€"],
)
def test_what_is_not_an_amount(text):
    with pytest.raises(ValueError, match="two decimal places"):
        parse_money(text)


def test_amounts_beyond_the_money_columns_are_refused():
    assert parse_money("999.999.999.999,99") == Decimal("999999999999.99")
    with pytest.raises(ValueError, match="two decimal places"):
        parse_money("1.000.000.000.000,00")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_german_and_iso_dates_parse_back(day):
    assert parse_day(day.strftime("%d.%m.%Y")) == day
    assert parse_day(f"{day.day}.{day.month}.{day.year:04d}") == day
    assert parse_day(day.isoformat()) == day


@pytest.mark.parametrize("text", ["31.02.2017", "15.09.17", "2017-9-15", "15/09/2017", "", "x"])
def test_what_is_not_a_date(text):
    with pytest.raises(ValueError, match=r"15\.09\.2017"):
        parse_day(text)


@given(st.text(alphabet=st.characters(codec="cp1252", exclude_characters="\x00"), max_size=50))
def test_windows_1252_and_utf8_with_bom_decode_to_the_same_text(text):
    assert decode_upload(b"\xef\xbb\xbf" + text.encode("utf-8")) == text.removeprefix("\ufeff")
    cp1252 = text.encode("cp1252")
    try:
        cp1252.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_upload(cp1252) == text


def test_umlauts_in_windows_1252_and_unreadable_bytes():
    assert decode_upload("Göppingen;Straße".encode("cp1252")) == "Göppingen;Straße"
    with pytest.raises(UnreadableFile, match="neither UTF-8 nor Windows-1252"):
        decode_upload(b"G\x81ppingen")  # 0x81 is undefined in Windows-1252
    with pytest.raises(UnreadableFile, match="NUL"):
        decode_upload(b"a\x00b")


def test_the_separator_is_sniffed_from_the_header():
    assert sniff_separator("ags;name;amount") == ";"
    assert sniff_separator("ags,name,amount") == ","
    assert sniff_separator('"a;b",c') == ","


def test_csv_rows_keep_their_line_and_skip_empty_rows():
    text = 'B;A\r\n1;2\r\n;;\r\n\r\n"multi\r\nline";4\r\n5\r\n6;7;;\r\n'
    rows = read_csv(text, ["a", "b"], max_rows=10)
    assert [(r.line, r.values) for r in rows] == [
        (2, {"b": "1", "a": "2"}),
        (5, {"b": "multi\r\nline", "a": "4"}),
        (7, None),
        (8, {"b": "6", "a": "7"}),
    ]


def test_csv_header_row_count_and_quoting_are_checked():
    with pytest.raises(UnreadableFile) as bad_header:
        read_csv("x;y\n1;2\n", ["a", "b"], max_rows=10)
    assert bad_header.value.extensions["expected_columns"] == ["a", "b"]
    with pytest.raises(UnreadableFile, match="no data rows"):
        read_csv("a;b\n;\n", ["a", "b"], max_rows=10)
    with pytest.raises(ImportTooLarge):
        read_csv("a;b\n1;2\n3;4\n", ["a", "b"], max_rows=1)


def test_settle_refuses_by_mode_and_when_nothing_was_valid():
    errors = LineErrors()
    errors.add(3, "bad", field="amount")
    with pytest.raises(ImportRefused) as refused:
        settle("all-or-nothing", errors, created=5, updated=0, unchanged=0)
    assert refused.value.extensions["line_errors"] == [
        {"line": 3, "field": "amount", "code": "invalid", "message": "bad"}
    ]
    assert refused.value.extensions["summary"]["failed"] == 1
    kept = settle("valid-rows", errors, created=5, updated=0, unchanged=1)
    assert (kept["summary"].created, kept["summary"].failed) == (5, 1)
    with pytest.raises(ImportRefused, match="no line was valid"):
        settle("valid-rows", errors, created=0, updated=0, unchanged=0)
    assert (
        settle("all-or-nothing", LineErrors(), created=1, updated=0, unchanged=0)["line_errors"]
        == []
    )
