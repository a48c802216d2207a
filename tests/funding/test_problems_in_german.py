"""Funding's refusals in English and German, and the problems inside a decision batch: kept in
both languages, shown in the language of whoever reads the batch, `type` at the public base."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from services.funding.app import create_app
from services.funding.applications.bulk import insert_forwarded
from tests.funding.conftest import programme_body, settings_for
from tests.funding.personas import PLATFORM, RP_STUTTGART
from tests.support.apps import Databases, ServiceUnderTest, running_service
from tests.support.languages import GERMAN, assert_bilingual, in_both_languages
from tests.support.tokens import TokenFactory

PUBLIC = "https://pakt.example.de"
BATCHES = "/funding/v1/decision-batches"


@pytest.fixture
async def funding(databases: Databases, tokens: TokenFactory) -> AsyncIterator[ServiceUnderTest]:
    """The funding app behind a gateway at PUBLIC (every `type` starts there)."""
    settings = settings_for(databases.url("funding"), public_base_url=PUBLIC)
    async with running_service(create_app, settings, tokens) as sut:
        yield sut


async def test_an_unknown_programme_in_both_languages(funding, tokens):
    url = f"/funding/v1/programmes/{uuid.uuid4()}"

    en, de = await in_both_languages(funding.client, "GET", url, PLATFORM.headers(tokens, "admin"))

    assert_bilingual(en, de, 404, "No programme with this id", "Kein Förderprogramm mit dieser ID")
    assert de.json()["type"] == f"{PUBLIC}/problems/funding/programme-not-found"


async def test_a_programme_rule_in_both_languages(funding, tokens):
    body = programme_body(period_start="2017-07-02")

    en, de = await in_both_languages(
        funding.client,
        "POST",
        "/funding/v1/programmes",
        PLATFORM.headers(tokens, "admin"),
        json=body,
    )

    assert_bilingual(
        en,
        de,
        422,
        "A funding period starts on the first day of a month",
        "Ein Förderzeitraum beginnt am ersten Tag eines Monats",
    )


async def _forwarded(funding: ServiceUnderTest, programme: dict[str, str], n: int) -> list[str]:
    async with funding.session() as session:
        ids = await insert_forwarded(session, uuid.UUID(programme["id"]), n)
        await session.commit()
    return [str(i) for i in ids]


async def test_a_failed_item_speaks_the_language_of_each_reader(funding, programme, tokens):
    (known,) = await _forwarded(funding, programme, 1)
    items = [
        {"application_id": known, "decision": "approve", "if_match": '"7"'},
        {"application_id": str(uuid.uuid4()), "decision": "approve"},
    ]
    approver = RP_STUTTGART.headers(tokens, "approver")

    made = await funding.client.post(
        BATCHES, json={"items": items}, headers={**approver, "Accept-Language": GERMAN}
    )

    assert made.status_code == 201, made.text
    stale, unknown = (i["problem"] for i in made.json()["items"])
    assert stale["type"] == f"{PUBLIC}/problems/precondition-failed"
    assert stale["title"] == "Vorbedingung nicht erfüllt"
    assert stale["detail"] == "Der Antrag hat sich geändert, seit Sie ihn gelesen haben"
    assert stale["current_etag"] == '"3"'  # a forwarded application: version 3
    assert unknown == {
        "type": f"{PUBLIC}/problems/funding/application-not-found",
        "title": "Antrag nicht gefunden",
        "status": 404,
        "detail": "Kein Antrag mit dieser ID",
    }
    url = f"{BATCHES}/{made.json()['id']}"
    en, de = await in_both_languages(funding.client, "GET", url, approver)
    assert de.json()["items"] == made.json()["items"]
    unknown_en = en.json()["items"][1]["problem"]
    assert unknown_en == {
        "type": f"{PUBLIC}/problems/funding/application-not-found",
        "title": "Application not found",
        "status": 404,
        "detail": "No application with this id",
    }


async def test_a_refused_all_or_nothing_batch_says_why_in_german(funding, programme, tokens):
    (known,) = await _forwarded(funding, programme, 1)
    items = [
        {"application_id": known, "decision": "approve"},
        {"application_id": str(uuid.uuid4()), "decision": "approve"},
    ]
    headers = {**RP_STUTTGART.headers(tokens, "approver"), "Accept-Language": "de"}

    r = await funding.client.post(
        BATCHES, json={"mode": "all_or_nothing", "items": items}, headers=headers
    )

    assert r.status_code == 201, r.text
    refused = r.json()["items"][0]["problem"]
    assert refused["type"] == f"{PUBLIC}/problems/funding/invalid-transition"
    assert refused["detail"].startswith("Nicht angewendet: ein anderer Eintrag")
