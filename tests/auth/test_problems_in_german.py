"""Auth's refusals in English and German: OAuth2 errors, the directory, a missing token."""

from __future__ import annotations

from services.common.orgs import org_id_for_ags
from tests.auth.conftest import bearer
from tests.support.languages import assert_bilingual, in_both_languages


async def test_a_wrong_password_is_explained_in_the_callers_language(auth):
    form = {"grant_type": "password", "username": "cw.goeppingen", "password": "not-it-1"}

    en, de = await in_both_languages(auth.client, "POST", "/auth/v1/token", {}, data=form)

    assert_bilingual(
        en,
        de,
        400,
        "The username or password is wrong",
        "Der Benutzername oder das Passwort ist falsch",
    )
    # RFC 6749 allows only ASCII there: OAuth2 libraries read the English text in both
    assert en.json()["error_description"] == de.json()["error_description"] == en.json()["detail"]
    assert de.json()["error"] == "invalid_grant"


async def test_an_unknown_organization_in_both_languages(auth):
    me = await bearer(auth.client, "cw.goeppingen")
    url = f"/auth/v1/organizations/{org_id_for_ags('08999')}"

    en, de = await in_both_languages(auth.client, "GET", url, me)

    assert_bilingual(
        en, de, 404, "No organization with this id", "Keine Organisation mit dieser ID"
    )


async def test_no_token_is_explained_in_german(auth):
    en, de = await in_both_languages(auth.client, "GET", "/auth/v1/organizations", {})

    assert_bilingual(
        en,
        de,
        401,
        "Send an access token: Authorization: Bearer <token>",
        "Senden Sie ein Access-Token: Authorization: Bearer <token>",
    )
