"""The problems nginx answers itself (deploy/gateway), declared like the services' problems.

`services/cli/gateway.py` renders each into a `map` (its body in English and German, chosen by
`$pakt_lang` from `Accept-Language`) and a location that returns it; the problem pages come
from the same declarations. `{body_size}`-style fields are the gateway's configured limits.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from services.common.languages import SUPPORTED_LANGUAGES
from services.common.problem_types import ProblemType, Texts, declare, texts


@dataclass(frozen=True)
class GatewayProblem:
    """A problem of the gateway: where nginx sends the error, what it answers."""

    location: str  # `= /_problem/414` (errors before any location) or `@problem_411`
    kind: ProblemType
    detail: Texts

    @property
    def variable(self) -> str:
        return "$pakt_problem_" + self.location.rsplit("_", 1)[-1].rsplit("/", 1)[-1]

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


def _problem(location: str, kind: ProblemType, en: str, de: str) -> GatewayProblem:
    return GatewayProblem(location, kind, texts(en, de))


GATEWAY_PROBLEMS = (
    _problem(
        "= /_problem/400",
        declare("bad-request", 400, "Bad request", "Fehlerhafte Anfrage"),
        "The gateway could not read the request.",
        "Das Gateway konnte die Anfrage nicht lesen.",
    ),
    _problem(
        "= /_problem/414",
        declare("uri-too-long", 414, "URI too long", "URI zu lang"),
        "The request line is longer than the gateway accepts ({header_buffer_size}).",
        "Die Anfragezeile ist länger, als das Gateway annimmt ({header_buffer_size}).",
    ),
    _problem(
        "= /_problem/431",
        declare(
            "header-fields-too-large",
            431,
            "Request header fields too large",
            "Header-Felder der Anfrage zu groß",
        ),
        "A request header (or all of them) is larger than the gateway accepts: at most "
        "{header_buffer_size} per header line.",
        "Ein Header der Anfrage (oder alle zusammen) ist größer, als das Gateway annimmt: "
        "höchstens {header_buffer_size} je Header-Zeile.",
    ),
    _problem(
        "= /_problem/501",
        declare("not-implemented", 501, "Not implemented", "Nicht unterstützt"),
        "The gateway does not support this request (e.g. its Transfer-Encoding).",
        "Das Gateway unterstützt diese Anfrage nicht (z. B. ihr Transfer-Encoding).",
    ),
    _problem(
        "= /_problem/505",
        declare(
            "http-version-not-supported",
            505,
            "HTTP version not supported",
            "HTTP-Version nicht unterstützt",
        ),
        "Use HTTP/1.1 (or HTTP/1.0).",
        "Verwenden Sie HTTP/1.1 (oder HTTP/1.0).",
    ),
    _problem(
        "@problem_411",
        declare("length-required", 411, "Length required", "Länge erforderlich"),
        "Send a Content-Length (or a chunked body over HTTP/1.1).",
        "Senden Sie eine Content-Length (oder einen Chunked-Body über HTTP/1.1).",
    ),
    _problem(
        "@problem_403",
        declare("origin-not-allowed", 403, "Origin not allowed", "Origin nicht zugelassen"),
        "Cross-origin requests from this origin are not allowed.",
        "Cross-Origin-Anfragen von diesem Origin sind nicht zugelassen.",
    ),
    _problem(
        "@problem_404",
        declare("not-found", 404, "Not found", "Nicht gefunden"),
        "No resource at this path. The API lives under /auth/, /cases/ and /funding/; the "
        "documentation at /docs.",
        "Unter diesem Pfad gibt es nichts. Die API liegt unter /auth/, /cases/ und /funding/, "
        "die Dokumentation unter /docs.",
    ),
    _problem(
        "@problem_405",
        declare("method-not-allowed", 405, "Method not allowed", "Methode nicht erlaubt"),
        "This path does not accept that method.",
        "Dieser Pfad nimmt diese Methode nicht an.",
    ),
    _problem(
        "@problem_413",
        declare("payload-too-large", 413, "Payload too large", "Anfrage zu groß"),
        "The request body exceeds the limit of this endpoint ({body_size}; bulk endpoints "
        "{bulk_body_size}).",
        "Der Inhalt der Anfrage überschreitet die Grenze dieses Endpunkts ({body_size}; "
        "Massen-Endpunkte {bulk_body_size}).",
    ),
    _problem(
        "@problem_429",
        declare("rate-limited", 429, "Too many requests", "Zu viele Anfragen"),
        "Request rate limit exceeded; retry later.",
        "Anfragelimit überschritten; versuchen Sie es später erneut.",
    ),
    _problem(
        "@problem_500",
        declare("internal-error", 500, "Internal server error", "Interner Serverfehler"),
        "The gateway failed to handle the request.",
        "Das Gateway konnte die Anfrage nicht bearbeiten.",
    ),
    _problem(
        "@problem_502",
        declare("upstream-unavailable", 502, "Service unavailable", "Dienst nicht erreichbar"),
        "The service behind this path is not reachable; retry later.",
        "Der Dienst hinter diesem Pfad ist nicht erreichbar; versuchen Sie es später erneut.",
    ),
    _problem(
        "@problem_503",
        declare("service-unavailable", 503, "Service unavailable", "Dienst nicht verfügbar"),
        "The service is temporarily unavailable; retry later.",
        "Der Dienst ist vorübergehend nicht verfügbar; versuchen Sie es später erneut.",
    ),
    _problem(
        "@problem_504",
        declare("upstream-timeout", 504, "Gateway timeout", "Zeitüberschreitung am Gateway"),
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
