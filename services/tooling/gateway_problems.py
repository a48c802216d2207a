"""The problems nginx answers itself (deploy/gateway), declared like the services' problems.

`services/cli/gateway.py` renders each into a `map` (its body in English and German, chosen by
`$pakt_lang` from `Accept-Language`) and a location that returns it; the problem pages come
from the same declarations. `{body_size}`-style fields are the gateway's configured limits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from services.common.http_problems import STATUS_TYPES
from services.common.languages import SUPPORTED_LANGUAGES
from services.common.problem_types import ProblemType, Texts, declare, texts


@dataclass(frozen=True)
class GatewayProblem:
    """A problem of the gateway: what nginx answers, and where it sends the error."""

    kind: ProblemType
    detail: Texts
    # nginx fails before any location is chosen (the request could not be read): its
    # `error_page` then needs a URI, `= /_problem/<status>`; else a named `@problem_<status>`
    early: bool = False

    @property
    def location(self) -> str:
        status = self.kind.status
        return f"= /_problem/{status}" if self.early else f"@problem_{status}"

    @property
    def variable(self) -> str:
        return f"$pakt_problem_{self.kind.status}"

    def body(self, language: str, base_url: str, limits: Mapping[str, str]) -> str:
        """The JSON for nginx: `$pakt_request_id` stays a variable nginx fills in."""
        detail = self.detail.pick(language)[0].format(**limits)
        doc = {
            "type": self.kind.uri(base_url),
            "title": self.kind.title(language),
            "status": self.kind.status,
            "detail": detail,
            "request_id": "$pakt_request_id",
        }
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _problem(kind: ProblemType, en: str, de: str, *, early: bool = False) -> GatewayProblem:
    return GatewayProblem(kind, texts(en, de), early)


# 400, 404, 405 and 413 are the services' types too (`STATUS_TYPES`): one title for both
GATEWAY_PROBLEMS = (
    _problem(
        STATUS_TYPES[400],
        "The gateway could not read the request.",
        "Das Gateway konnte die Anfrage nicht lesen.",
        early=True,
    ),
    _problem(
        declare(
            "uri-too-long",
            414,
            "URI too long",
            "URI zu lang",
            about="The gateway refused a request line longer than its buffer; shorten the query"
            " (a list filter with many values belongs in several requests).",
        ),
        "The request line is longer than the gateway accepts ({header_buffer_size}).",
        "Die Anfragezeile ist länger, als das Gateway annimmt ({header_buffer_size}).",
        early=True,
    ),
    _problem(
        declare(
            "header-fields-too-large",
            431,
            "Request header fields too large",
            "Header-Felder der Anfrage zu groß",
            about="The gateway refused a request whose headers are larger than its buffer; "
            "usually an oversized cookie or token.",
        ),
        "A request header (or all of them) is larger than the gateway accepts: at most "
        "{header_buffer_size} per header line.",
        "Ein Header der Anfrage (oder alle zusammen) ist größer, als das Gateway annimmt: "
        "höchstens {header_buffer_size} je Header-Zeile.",
        early=True,
    ),
    _problem(
        declare(
            "not-implemented",
            501,
            "Not implemented",
            "Nicht unterstützt",
            about="The gateway does not support something the request uses, such as a "
            "Transfer-Encoding other than chunked.",
        ),
        "The gateway does not support this request (e.g. its Transfer-Encoding).",
        "Das Gateway unterstützt diese Anfrage nicht (z. B. ihr Transfer-Encoding).",
        early=True,
    ),
    _problem(
        declare(
            "http-version-not-supported",
            505,
            "HTTP version not supported",
            "HTTP-Version nicht unterstützt",
            about="The gateway speaks HTTP/1.1 and HTTP/1.0 to clients.",
        ),
        "Use HTTP/1.1 (or HTTP/1.0).",
        "Verwenden Sie HTTP/1.1 (oder HTTP/1.0).",
        early=True,
    ),
    _problem(
        declare(
            "length-required",
            411,
            "Length required",
            "Länge erforderlich",
            about="The gateway needs to know how long the body is: send Content-Length or a "
            "chunked body.",
        ),
        "Send a Content-Length (or a chunked body over HTTP/1.1).",
        "Senden Sie eine Content-Length (oder einen Chunked-Body über HTTP/1.1).",
    ),
    _problem(
        declare(
            "origin-not-allowed",
            403,
            "Origin not allowed",
            "Origin nicht zugelassen",
            about="A browser sent a cross-origin request from an origin the gateway does not "
            "allow; operators list allowed origins in the gateway's settings.",
        ),
        "Cross-origin requests from this origin are not allowed.",
        "Cross-Origin-Anfragen von diesem Origin sind nicht zugelassen.",
    ),
    _problem(
        STATUS_TYPES[404],
        "No resource at this path. The API lives under /auth/, /cases/ and /funding/; the "
        "documentation at /docs.",
        "Unter diesem Pfad gibt es nichts. Die API liegt unter /auth/, /cases/ und /funding/, "
        "die Dokumentation unter /docs.",
    ),
    _problem(
        STATUS_TYPES[405],
        "This path does not accept that method.",
        "Dieser Pfad nimmt diese Methode nicht an.",
    ),
    _problem(
        STATUS_TYPES[413],
        "The request body exceeds the limit of this endpoint ({body_size}; bulk endpoints "
        "{bulk_body_size}).",
        "Der Inhalt der Anfrage überschreitet die Grenze dieses Endpunkts ({body_size}; "
        "Massen-Endpunkte {bulk_body_size}).",
    ),
    _problem(
        declare(
            "rate-limited",
            429,
            "Too many requests",
            "Zu viele Anfragen",
            about="The gateway limits requests per client address (logins and token requests "
            "more tightly); wait as long as `Retry-After` says, then retry.",
        ),
        "Request rate limit exceeded; retry later.",
        "Anfragelimit überschritten; versuchen Sie es später erneut.",
    ),
    _problem(
        declare(
            "internal-error",
            500,
            "Internal server error",
            "Interner Serverfehler",
            about="The gateway itself failed to handle the request; nothing reached a service.",
        ),
        "The gateway failed to handle the request.",
        "Das Gateway konnte die Anfrage nicht bearbeiten.",
    ),
    _problem(
        declare(
            "upstream-unavailable",
            502,
            "Service unavailable",
            "Dienst nicht erreichbar",
            about="The gateway could not reach the service behind this path (it is restarting "
            "or down). Retry after `Retry-After` seconds; writes with an Idempotency-Key "
            "are safe to repeat.",
        ),
        "The service behind this path is not reachable; retry later.",
        "Der Dienst hinter diesem Pfad ist nicht erreichbar; versuchen Sie es später erneut.",
    ),
    _problem(
        declare(
            "service-unavailable",
            503,
            "Service unavailable",
            "Dienst nicht verfügbar",
            about="The service is temporarily unavailable (starting, overloaded or in "
            "maintenance); retry after `Retry-After` seconds.",
        ),
        "The service is temporarily unavailable; retry later.",
        "Der Dienst ist vorübergehend nicht verfügbar; versuchen Sie es später erneut.",
    ),
    _problem(
        declare(
            "upstream-timeout",
            504,
            "Gateway timeout",
            "Zeitüberschreitung am Gateway",
            about="The service did not answer the gateway in time. The change may or may not "
            "have been made: read the resource, or retry with the same Idempotency-Key.",
        ),
        "The service did not answer in time.",
        "Der Dienst hat nicht rechtzeitig geantwortet.",
    ),
)


def _nginx_string(text: str) -> str:
    """A single-quoted nginx string: backslashes and quotes escaped."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def render_maps(base_url: str, limits: Mapping[str, str]) -> str:
    """One `map $pakt_lang $pakt_problem_<code>` per problem: its body in each language."""
    blocks = []
    for problem in GATEWAY_PROBLEMS:
        lines = [f"    map $pakt_lang {problem.variable} {{"]
        for language in SUPPORTED_LANGUAGES:
            key = "default" if language == SUPPORTED_LANGUAGES[0] else language
            body = _nginx_string(problem.body(language, base_url, limits))
            lines.append(f"        {key} {body};")
        blocks.append("\n".join([*lines, "    }"]))
    return "\n".join(blocks)


def render_locations() -> str:
    """The locations that answer each problem (internal ones only reachable by error_page)."""
    blocks = []
    for problem in GATEWAY_PROBLEMS:
        internal = "            internal;\n" if problem.location.startswith("=") else ""
        blocks.append(
            f"        location {problem.location} {{\n{internal}"
            # no type by the URI's extension: a 429 for `.../decision-notice.pdf` or
            # `applications.csv` is problem JSON, not application/pdf or text/csv
            "            types { }\n"
            "            default_type application/problem+json;\n"
            f"            return {problem.kind.status} {problem.variable};\n"
            "        }"
        )
    return "\n".join(blocks)
