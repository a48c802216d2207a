"""The login page's texts, German first (the page's default language) and English."""

from __future__ import annotations

from services.common.languages import preferred_language

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "title": "Anmeldung bei Pakt",
        "lead": "Melden Sie sich an, um {client} zu nutzen.",
        "username": "Benutzername",
        "password": "Passwort",
        "submit": "Anmelden",
        "code": "Einmalcode (6 Ziffern) oder Wiederherstellungscode",
        "code_lead": "Geben Sie den Code aus Ihrer Authenticator-App ein.",
        "verify": "Bestätigen",
        "enrol_title": "Zweiten Faktor einrichten",
        "enrol_lead": "Ihr Konto braucht einen zweiten Faktor. Tragen Sie diesen Schlüssel in "
        "Ihre Authenticator-App ein und geben Sie den angezeigten Code ein.",
        "secret": "Schlüssel",
        "open_app": "In der Authenticator-App öffnen",
        "recovery_title": "Wiederherstellungscodes",
        "recovery_lead": "Bewahren Sie diese Codes sicher auf. Jeder Code gilt einmal, wenn "
        "Ihr Gerät nicht zur Hand ist. Sie werden nur jetzt angezeigt.",
        "continue": "Weiter",
        "error_title": "Anmeldung nicht möglich",
        "bad_login": "Benutzername oder Passwort ist falsch.",
        "bad_code": "Der Code ist falsch oder abgelaufen.",
        "throttled": "Zu viele Fehlversuche. Bitte warten Sie einige Minuten.",
        "expired": "Die Anmeldung ist abgelaufen. Bitte beginnen Sie erneut.",
        "csrf": "Die Anmeldung ist abgelaufen. Bitte laden Sie die Seite neu.",
        "unknown_client": "Diese Anwendung ist nicht für die Anmeldung registriert.",
        "redirect_uri": "Die Rücksprungadresse dieser Anwendung ist nicht registriert. "
        "Sie werden nicht weitergeleitet.",
        "logged_out": "Sie sind abgemeldet.",
        "logout_title": "Abmeldung",
        "bad_hint": "Die Abmeldung konnte nicht zugeordnet werden.",
        "post_logout": "Die Rücksprungadresse nach der Abmeldung ist nicht registriert.",
    },
    "en": {
        "title": "Sign in to Pakt",
        "lead": "Sign in to use {client}.",
        "username": "Username",
        "password": "Password",
        "submit": "Sign in",
        "code": "One-time code (6 digits) or recovery code",
        "code_lead": "Enter the code from your authenticator app.",
        "verify": "Verify",
        "enrol_title": "Set up a second factor",
        "enrol_lead": "Your account needs a second factor. Add this key to your authenticator "
        "app and enter the code it shows.",
        "secret": "Key",
        "open_app": "Open in the authenticator app",
        "recovery_title": "Recovery codes",
        "recovery_lead": "Keep these codes safe. Each works once when your device is not at "
        "hand. They are shown only now.",
        "continue": "Continue",
        "error_title": "Sign-in not possible",
        "bad_login": "The username or password is wrong.",
        "bad_code": "The code is wrong or has expired.",
        "throttled": "Too many failed attempts. Please wait a few minutes.",
        "expired": "The sign-in has expired. Please start again.",
        "csrf": "The sign-in has expired. Please reload the page.",
        "unknown_client": "This application is not registered for signing in.",
        "redirect_uri": "This application's return address is not registered. You will not "
        "be redirected.",
        "logged_out": "You are signed out.",
        "logout_title": "Sign-out",
        "bad_hint": "The sign-out could not be matched to a sign-in.",
        "post_logout": "The return address after sign-out is not registered.",
    },
}


def language(accept_language: str | None) -> str:
    """The login page speaks German unless the browser prefers English (ADR 0014); the
    negotiation is the API's own (services/common/languages.py)."""
    return preferred_language(accept_language, tuple(TEXTS), default="de")
