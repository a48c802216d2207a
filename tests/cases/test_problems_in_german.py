"""Cases' refusals in English and German: a state rule, If-Match, an unknown case."""

from __future__ import annotations

from tests.cases.conftest import CASE_WORKER, PERSON, open_case
from tests.support.languages import assert_bilingual, in_both_languages


async def test_closing_without_a_reason_in_both_languages(svc):
    case = await open_case(svc)
    headers = CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})

    en, de = await in_both_languages(
        svc.client, "PATCH", f"/cases/v1/cases/{case['id']}", headers, json={"status": "closed"}
    )

    assert_bilingual(
        en,
        de,
        409,
        "Closing a case needs a closing_reason",
        "Zum Abschließen eines Falls ist ein closing_reason nötig",
    )


async def test_a_change_without_if_match_in_both_languages(svc):
    case = await open_case(svc)
    headers = CASE_WORKER.headers(svc.tokens)

    en, de = await in_both_languages(
        svc.client,
        "PATCH",
        f"/cases/v1/cases/{case['id']}",
        headers,
        json={"pseudonym": "GP-Kranich"},
    )

    assert en.status_code == 428
    assert en.json()["detail"].startswith("Send If-Match with the ETag you last read")
    assert de.json()["detail"].startswith("Senden Sie If-Match mit dem zuletzt gelesenen ETag")
    assert de.headers["content-language"] == "de"


async def test_personal_data_without_consent_in_both_languages(svc):
    case = await open_case(svc)
    headers = CASE_WORKER.headers(svc.tokens, **{"If-Match": "*"})

    en, de = await in_both_languages(
        svc.client, "PUT", f"/cases/v1/cases/{case['id']}/person", headers, json=PERSON
    )

    assert_bilingual(
        en,
        de,
        409,
        "Record the person's consent before storing personal data",
        "Erfassen Sie die Einwilligung der Person, bevor Sie personenbezogene Daten speichern",
    )
