"""Static pages for the problem types: what each `type` URI resolves to at the gateway.

`write_pages(directory)` writes `<slug>.html` per declared problem type (German and English:
title, status, what it means, what to do) and `index.html`; `pakt dev` renders them into the
gateway's run directory, which nginx serves at `/problems/`. Run it by hand with
`python -m services.tooling.problem_pages <directory>`.
"""

from __future__ import annotations

import importlib
import sys
from html import escape
from http import HTTPStatus
from pathlib import Path

from services.common.problem_types import PROBLEM_TYPES, ProblemType

# What a status means and what a client does about it, in both languages; a type's own
# description (its class docstring) comes first where it has one.
_GUIDE: dict[int, tuple[str, str, str, str]] = {
    400: (
        "The request is malformed: a header, parameter or body the API cannot read.",
        "Fix the request as the detail says; sending it again unchanged fails again.",
        "Die Anfrage ist fehlerhaft: ein Header, Parameter oder Inhalt, den die API nicht "
        "lesen kann.",
        "Korrigieren Sie die Anfrage wie im Detail beschrieben; unverändert scheitert sie erneut.",
    ),
    401: (
        "The request carries no valid credentials: no token, an expired or revoked one.",
        "Get a new access token (POST /auth/v1/token) and send it as Authorization: Bearer.",
        "Die Anfrage trägt keine gültige Anmeldung: kein Token, ein abgelaufenes oder "
        "widerrufenes.",
        "Holen Sie ein neues Zugriffstoken (POST /auth/v1/token) und senden Sie es als "
        "Authorization: Bearer.",
    ),
    403: (
        "You are signed in, but your role, organization or area does not allow this.",
        "Ask your organization's administrator for the role, or act on a resource of your own "
        "area.",
        "Sie sind angemeldet, aber Ihre Rolle, Organisation oder Ihr Gebiet erlaubt das nicht.",
        "Bitten Sie die Administration Ihrer Organisation um die Rolle, oder handeln Sie in "
        "Ihrem eigenen Gebiet.",
    ),
    404: (
        "There is no such resource, or you may not see it (the answer is the same, so ids "
        "cannot be probed).",
        "Check the id and the path; list the collection to find what exists.",
        "Diese Ressource gibt es nicht, oder Sie dürfen sie nicht sehen (die Antwort ist "
        "dieselbe, damit IDs nicht ausprobiert werden können).",
        "Prüfen Sie ID und Pfad; die Liste der Sammlung zeigt, was es gibt.",
    ),
    409: (
        "The request conflicts with the current state of the resource or with other data.",
        "Read the resource again, then decide whether the action still makes sense.",
        "Die Anfrage widerspricht dem aktuellen Zustand der Ressource oder anderen Daten.",
        "Lesen Sie die Ressource erneut und entscheiden Sie, ob die Aktion noch sinnvoll ist.",
    ),
    412: (
        "The resource changed since you read it: the If-Match ETag is stale.",
        "GET the resource again, apply your change to what you read, send the new ETag.",
        "Die Ressource hat sich geändert, seit Sie sie gelesen haben: das ETag in If-Match "
        "ist veraltet.",
        "Lesen Sie die Ressource erneut, übertragen Sie Ihre Änderung und senden Sie das neue "
        "ETag.",
    ),
    413: (
        "The request is larger than this endpoint accepts.",
        "Send less at once: split the file or the batch.",
        "Die Anfrage ist größer, als dieser Endpunkt annimmt.",
        "Senden Sie weniger auf einmal: teilen Sie die Datei oder den Stapel auf.",
    ),
    422: (
        "The request was read, but its content breaks a rule; the problem names what.",
        "Correct the fields or rows the problem lists (`errors`) and send it again.",
        "Die Anfrage wurde gelesen, aber ihr Inhalt verstößt gegen eine Regel; das Problem "
        "nennt, wogegen.",
        "Korrigieren Sie die aufgeführten Felder oder Zeilen (`errors`) und senden Sie erneut.",
    ),
    428: (
        "Changes need the ETag you read, so no one overwrites another's change.",
        'Send If-Match with the ETag of your last read, quotes included: If-Match: "4".',
        "Änderungen brauchen das gelesene ETag, damit niemand die Änderung anderer überschreibt.",
        "Senden Sie If-Match mit dem ETag Ihres letzten Lesens, samt Anführungszeichen: "
        'If-Match: "4".',
    ),
    429: (
        "Too many requests or attempts in a short time.",
        "Wait for the Retry-After seconds, then try again; slow down automated clients.",
        "Zu viele Anfragen oder Versuche in kurzer Zeit.",
        "Warten Sie die Sekunden aus Retry-After ab und versuchen Sie es erneut; drosseln Sie "
        "automatische Clients.",
    ),
    500: (
        "A fault on our side; nothing was changed.",
        "Retry later; if it persists, report it with the request_id.",
        "Ein Fehler auf unserer Seite; nichts wurde geändert.",
        "Versuchen Sie es später erneut; bleibt es, melden Sie es mit der request_id.",
    ),
    503: (
        "The service or something it depends on is unavailable for the moment.",
        "Retry after the Retry-After seconds; nothing was changed.",
        "Der Dienst oder etwas, das er braucht, ist gerade nicht verfügbar.",
        "Versuchen Sie es nach den Sekunden aus Retry-After erneut; nichts wurde geändert.",
    ),
}
_FAMILY = {4: 400, 5: 503}  # statuses without their own guide use their family's
_DECLARING = (
    "services.auth.app",
    "services.cases.app",
    "services.funding.app",
    "services.tooling.gateway_problems",
)


def guide(status: int) -> tuple[str, str, str, str]:
    """(meaning en, advice en, meaning de, advice de) for a status."""
    return _GUIDE.get(status) or _GUIDE[_FAMILY.get(status // 100, 400)]


def all_problem_types() -> list[ProblemType]:
    """Every problem type the services and the gateway declare, by slug."""
    for module in _DECLARING:  # importing them declares their problem types
        importlib.import_module(module)
    return sorted(PROBLEM_TYPES.values(), key=lambda kind: kind.slug)


_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1b1b1b}code{background:#f2f2f2;padding:0 .2rem}"
    "section{border-top:1px solid #ddd;margin-top:1.5rem}table{border-collapse:collapse}"
    "td,th{text-align:left;padding:.2rem .8rem .2rem 0;vertical-align:top}"
)


def _page(title: str, body: str, language: str = "en") -> str:
    return (
        f'<!doctype html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}"
        "</body>\n</html>\n"
    )


def _reason(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def type_page(kind: ProblemType, base_url: str) -> str:
    """The page at `kind.uri(base_url)`."""
    meaning_en, advice_en, meaning_de, advice_de = guide(kind.status)
    about = f"<p>{escape(kind.about)}</p>\n" if kind.about else ""
    up = "../" * kind.slug.count("/")
    body = (
        f"<h1>{escape(kind.title('en'))}</h1>\n"
        f"<p>Problem type <code>{escape(kind.uri(base_url))}</code>, HTTP status "
        f"<strong>{escape(_reason(kind.status))}</strong>.</p>\n"
        f"<h2>What it means</h2>\n{about}<p>{escape(meaning_en)}</p>\n"
        f"<h2>What to do</h2>\n<p>{escape(advice_en)}</p>\n"
        f'<section lang="de">\n<h1>{escape(kind.title("de"))}</h1>\n'
        f"<p>Problemtyp <code>{escape(kind.slug)}</code>, HTTP-Status "
        f"<strong>{kind.status}</strong>.</p>\n"
        f"<h2>Was es bedeutet</h2>\n<p>{escape(meaning_de)}</p>\n"
        f"<h2>Was zu tun ist</h2>\n<p>{escape(advice_de)}</p>\n</section>\n"
        f'<p><a href="{up}./">All problem types / Alle Problemtypen</a> · '
        f'<a href="/docs">API documentation</a></p>\n'
    )
    return _page(f"{kind.title('en')} ({kind.status})", body)


def index_page(kinds: list[ProblemType], base_url: str) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(kind.slug)}">{escape(kind.slug)}</a></td>'
        f"<td>{kind.status}</td><td>{escape(kind.title('en'))}</td>"
        f'<td lang="de">{escape(kind.title("de"))}</td></tr>\n'
        for kind in kinds
    )
    body = (
        "<h1>Problem types / Problemtypen</h1>\n"
        "<p>Every error of the Pakt API is an RFC 9457 problem document whose <code>type</code> "
        f"is one of these pages: <code>{escape(base_url.rstrip('/'))}/problems/&lt;slug&gt;"
        "</code>. Send <code>Accept-Language: de</code> for German titles and details.</p>\n"
        '<p lang="de">Jeder Fehler der Pakt-API ist ein Problem-Dokument nach RFC 9457, dessen '
        "<code>type</code> auf eine dieser Seiten zeigt.</p>\n"
        "<table>\n<tr><th>slug</th><th>status</th><th>title</th><th>Titel</th></tr>\n"
        f"{rows}</table>\n"
    )
    return _page("Pakt API problem types", body)


def write_pages(directory: Path, base_url: str = "http://127.0.0.1:8080") -> int:
    """Writes every page under `directory`; returns how many problem types got one."""
    kinds = all_problem_types()
    for kind in kinds:
        target = directory / f"{kind.slug}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(type_page(kind, base_url), encoding="utf-8")
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "index.html").write_text(index_page(kinds, base_url), encoding="utf-8")
    return len(kinds)


if __name__ == "__main__":  # pragma: no cover - by hand
    count = write_pages(Path(sys.argv[1]))
    print(f"{count} problem pages in {sys.argv[1]}")  # noqa: T201
