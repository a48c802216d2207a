"""The three imports behave as one: German spreadsheet files, both modes, one per-line error
shape, the same problems, nothing written when refused."""

from __future__ import annotations

import pytest

from tests.common.imports_targets import GERMAN_FILES, GERMAN_OUTCOMES, Target, import_target

LINE_ERROR_KEYS = {"line", "field", "code", "message"}
REPORT_KEYS = {"mode", "summary", "line_errors", "line_errors_truncated"}


def _expected(import_op: Target, failed: int) -> dict[str, int]:
    created, updated, unchanged = GERMAN_OUTCOMES[import_op.name]
    return {"created": created, "updated": updated, "unchanged": unchanged, "failed": failed}


def _german(import_op: Target, *, with_bad_line: bool = False) -> bytes:
    good, bad = GERMAN_FILES[import_op.name]
    return (good + (bad if with_bad_line else "")).encode("cp1252")


async def test_a_german_spreadsheet_file_imports(import_op):
    r = await import_op.post(_german(import_op))
    assert r.status_code == 200, r.text
    report = r.json()
    assert set(report) >= REPORT_KEYS
    assert report["summary"] == _expected(import_op, failed=0)
    assert report["mode"] == "all-or-nothing"
    again = await import_op.post(_german(import_op))
    assert again.json()["summary"] == {
        "created": 0,
        "updated": 0,
        "unchanged": sum(GERMAN_OUTCOMES[import_op.name]),
        "failed": 0,
    }


async def test_utf8_with_bom_and_commas_import_alike(import_op):
    good, _ = GERMAN_FILES[import_op.name]
    rows = good.split("\r\n")
    # the same file as "CSV UTF-8" with `,`: quote the German amounts, which hold a comma
    comma = "\n".join(",".join(f'"{v}"' if "," in v else v for v in row.split(";")) for row in rows)
    r = await import_op.post(b"\xef\xbb\xbf" + comma.encode("utf-8"))
    assert r.status_code == 200, r.text
    assert r.json()["summary"]["failed"] == 0


async def test_all_or_nothing_refuses_the_file_and_writes_nothing(import_op):
    before = await import_op.state()
    r = await import_op.post(_german(import_op, with_bad_line=True), mode="all-or-nothing")
    assert r.status_code == 422, r.text
    problem = r.json()
    assert r.headers["content-type"] == "application/problem+json"
    assert problem["type"].endswith("/import-refused")
    assert [set(e) for e in problem["line_errors"]] == [LINE_ERROR_KEYS] * len(
        problem["line_errors"]
    )
    assert {e["line"] for e in problem["line_errors"]} == {5}
    assert problem["summary"]["failed"] == 1
    assert await import_op.state() == before
    german = await import_op.post(
        _german(import_op, with_bad_line=True), **{"Accept-Language": "de"}
    )
    assert german.json()["detail"].startswith("1 Zeile(n) fehlerhaft")


async def test_valid_rows_commits_the_good_lines_and_reports_the_bad_one(import_op):
    before = await import_op.state()
    r = await import_op.post(_german(import_op, with_bad_line=True), mode="valid-rows")
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["summary"] == _expected(import_op, failed=1)
    assert report["mode"] == "valid-rows"
    assert {e["line"] for e in report["line_errors"]} == {5}
    assert all(set(e) == LINE_ERROR_KEYS for e in report["line_errors"])
    assert all(e["code"] in ("invalid", "not-found") for e in report["line_errors"])
    assert await import_op.state() != before


async def test_valid_rows_with_no_valid_line_is_refused(import_op):
    good, bad = GERMAN_FILES[import_op.name]
    header = good.split("\r\n", 1)[0]
    before = await import_op.state()
    r = await import_op.post(f"{header}\r\n{bad}".encode("cp1252"), mode="valid-rows")
    assert r.status_code == 422
    assert r.json()["type"].endswith("/import-refused")
    assert await import_op.state() == before


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"\x81\x8d\x8f\x90\x9d\xff\xfe", "neither UTF-8 nor Windows-1252"),
        (b"", "empty"),
        (b"\r\n\r\n", "empty"),
        (b"col_a;col_b\r\n1;2\r\n", "first line"),
    ],
)
async def test_unreadable_files_get_one_problem_type(import_op, data, detail):
    before = await import_op.state()
    r = await import_op.post(data)
    assert r.status_code == 400, r.text
    assert r.json()["type"].endswith("/unreadable-import-file")
    assert detail in r.json()["detail"]
    assert await import_op.state() == before


async def test_upload_form_size_and_media_type(import_op):
    no_file = await import_op.sut.client.post(
        import_op.url, files={"other": ("x.csv", b"a", "text/csv")}, headers=import_op.headers
    )
    assert no_file.status_code == 400
    assert "`file`" in no_file.json()["detail"]
    as_text_field = await import_op.sut.client.post(
        import_op.url,
        params={"mode": "valid-rows"},
        data={"file": GERMAN_FILES[import_op.name][0]},
        files={"unused": ("x.txt", b"", "text/plain")},  # makes httpx send multipart
        headers=import_op.headers,
    )
    assert as_text_field.status_code == 200, as_text_field.text
    json_body = await import_op.sut.client.post(
        import_op.url, json={"x": 1}, headers=import_op.headers
    )
    assert json_body.status_code == 415
    assert json_body.json()["type"].endswith("/unsupported-media-type")
    bad_mode = await import_op.post(_german(import_op), mode="some")
    assert bad_mode.status_code == 422
    assert bad_mode.json()["type"].endswith("/validation")


async def test_a_file_above_the_limit_is_413(import_op):
    limit = {"auth": 1_000_000, "funding": 2_000_000, "cases": 15 * 1024 * 1024}
    header = GERMAN_FILES[import_op.name][0].split("\r\n", 1)[0].encode()
    r = await import_op.post(header + b"\r\n" + b"y" * limit[import_op.name])
    assert r.status_code == 413
    assert r.json()["type"].endswith("/import-too-large")


async def test_a_frames_file_of_the_largest_size_imports(databases, tokens):
    """20,000 rows: more bind parameters than one PostgreSQL statement takes, so the writes
    must be paged (this was a 500)."""
    rows = [
        f"08{i:06d};Gemeinde {i};{i % 900 + 1}.000,50;preliminary;31.03.2017"
        for i in range(200_000, 220_000)
    ]
    data = ("ags;name;amount;status;reference_date\r\n" + "\r\n".join(rows)).encode("cp1252")
    async with import_target("funding", databases, tokens) as import_op:
        r = await import_op.post(data)
        assert r.status_code == 200, r.text[:500]
        assert r.json()["summary"]["created"] == 20_000
        again = await import_op.post(data)
        assert again.json()["summary"]["unchanged"] == 20_000
