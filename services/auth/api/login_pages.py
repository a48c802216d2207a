"""The server-rendered pages of the login (no JavaScript, no external resources).

Accessible by construction: one `h1`, every input with a `label`, the natural tab order
(the first field is focused), errors in a `role="alert"` paragraph the inputs point at with
`aria-describedby`, and `lang` set to the page's language.
"""

from __future__ import annotations

from html import escape

from services.auth.api.login_texts import TEXTS
from services.auth.oidc.login import Outcome

ACTION = "/auth/v1/authorize"
STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1d1f}"
    "main{max-width:26rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px}"
    "label{display:block;margin-top:1rem;font-weight:600}"
    "input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;margin-top:.3rem}"
    "button{margin-top:1.5rem;padding:.7rem 1.4rem;font-size:1rem}"
    "[role=alert]{color:#a4000f;font-weight:600}"
    "input:focus,button:focus,a:focus{outline:3px solid #1a5fb4;outline-offset:2px}"
    "code{font-size:1.1rem;word-break:break-all}"
)


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main><h1>{escape(title)}</h1>{body}</main></body></html>"
    )


def _alert(text: str) -> str:
    return f'<p id="login-error" role="alert">{escape(text)}</p>' if text else ""


def _input(name: str, label: str, kind: str, autocomplete: str, invalid: bool, focus: bool) -> str:
    extra = ' aria-invalid="true" aria-describedby="login-error"' if invalid else ""
    extra += " autofocus" if focus else ""
    return (
        f'<label for="{name}">{escape(label)}</label>'
        f'<input id="{name}" name="{name}" type="{kind}" autocomplete="{autocomplete}" '
        f'required maxlength="1024"{extra}>'
    )


def _form(hidden: dict[str, str], fields: str, button: str) -> str:
    inputs = "".join(
        f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in hidden.items()
    )
    return (
        f'<form method="post" action="{ACTION}">{inputs}{fields}'
        f'<button type="submit">{escape(button)}</button></form>'
    )


def render(outcome: Outcome, lang: str, carried: dict[str, str], csrf: str) -> str:
    """The HTML of `outcome` (anything but a redirect) in language `lang`."""
    t = TEXTS[lang]
    message = t.get(outcome.message, "") if outcome.message else ""
    invalid = bool(message)
    hidden = {**carried, "csrf_token": csrf, "step": outcome.page}
    if outcome.pending:
        hidden["pending"] = outcome.pending
    if outcome.page == "error":
        return _page(lang, t["error_title"], _alert(message))
    if outcome.page == "totp":
        fields = _input("code", t["code"], "text", "one-time-code", invalid, True)
        body = f"<p>{escape(t['code_lead'])}</p>{_alert(message)}"
        return _page(lang, t["title"], body + _form(hidden, fields, t["verify"]))
    if outcome.page == "enrol" and outcome.enrolment is not None:
        enrolment = outcome.enrolment
        body = (
            f"<p>{escape(t['enrol_lead'])}</p>{_alert(message)}"
            f'<p>{escape(t["secret"])}: <code id="totp-secret">{escape(enrolment.secret)}</code>'
            f'</p><p><a href="{escape(enrolment.otpauth_uri)}">{escape(t["open_app"])}</a></p>'
        )
        fields = _input("code", t["code"], "text", "one-time-code", invalid, True)
        return _page(lang, t["enrol_title"], body + _form(hidden, fields, t["verify"]))
    if outcome.page == "recovery":
        codes = "".join(f"<li><code>{escape(c)}</code></li>" for c in outcome.recovery_codes)
        body = f'<p>{escape(t["recovery_lead"])}</p><ul id="recovery-codes">{codes}</ul>'
        hidden["step"] = "done"
        return _page(lang, t["recovery_title"], body + _form(hidden, "", t["continue"]))
    lead = t["lead"].format(client=carried.get("client_id", ""))
    fields = _input("username", t["username"], "text", "username", invalid, True) + _input(
        "password", t["password"], "password", "current-password", invalid, False
    )
    body = f"<p>{escape(lead)}</p>{_alert(message)}"
    return _page(
        lang, t["title"], body + _form({**hidden, "step": "password"}, fields, t["submit"])
    )


def message_page(lang: str, title_key: str, message_key: str, alert: bool) -> str:
    """A page with one sentence (logout, logout errors)."""
    t = TEXTS[lang]
    text = t[message_key]
    body = _alert(text) if alert else f'<p role="status">{escape(text)}</p>'
    return _page(lang, t[title_key], body)
