"""One request in English and in German, for tests of problems in both languages (ADR 0014)."""

from __future__ import annotations

from typing import Any

import httpx

GERMAN = "de-DE,de;q=0.9,en;q=0.5"


async def in_both_languages(
    client: httpx.AsyncClient, method: str, url: str, headers: dict[str, str], **kwargs: Any
) -> tuple[httpx.Response, httpx.Response]:
    """The answers to the same request with `Accept-Language: en` and with a German browser's."""
    en = await client.request(method, url, headers={**headers, "Accept-Language": "en"}, **kwargs)
    de = await client.request(method, url, headers={**headers, "Accept-Language": GERMAN}, **kwargs)
    return en, de


def assert_bilingual(
    en: httpx.Response, de: httpx.Response, status: int, detail: str, detail_de: str
) -> None:
    """Both answers are the same problem (type, status), each wholly in its own language."""
    assert (en.status_code, de.status_code) == (status, status), (en.text, de.text)
    assert en.json()["type"] == de.json()["type"]
    assert en.json()["detail"] == detail
    assert de.json()["detail"] == detail_de
    assert (en.headers["content-language"], de.headers["content-language"]) == ("en", "de")
    assert de.json()["title"] != en.json()["title"]
