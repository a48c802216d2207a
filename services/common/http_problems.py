"""Problem types of HTTP itself and of the platform: the ones no domain class declares.

Status-code types (`STATUS_TYPES`) answer what the framework or the gateway refuses before any
handler runs; the named ones are raised by services/common/problem_handlers.py."""

from __future__ import annotations

from services.common.problem_types import declare

STATUS_TYPES = {
    status: declare(slug, status, title, title_de, about)
    for status, slug, title, title_de, about in (
        (
            400,
            "bad-request",
            "Bad request",
            "Fehlerhafte Anfrage",
            "The request could not be read: malformed JSON, a body that does not match its "
            "Content-Type, or a header the API cannot parse. Fix the request; sending it again "
            "unchanged will fail again.",
        ),
        (
            401,
            "unauthorized",
            "Unauthorized",
            "Nicht angemeldet",
            "No valid access token: it is missing, expired, revoked or signed by a key the API "
            "does not know. Get a new token from /auth/v1/token (or the authorization code "
            "flow) and send it as `Authorization: Bearer`.",
        ),
        (
            403,
            "forbidden",
            "Forbidden",
            "Nicht erlaubt",
            "The token is valid but its roles or organization do not allow this operation on "
            "this resource.",
        ),
        (
            404,
            "not-found",
            "Not found",
            "Nicht gefunden",
            "Nothing at this path, or a resource the caller may not see (the API answers the "
            "same so ids cannot be probed).",
        ),
        (
            405,
            "method-not-allowed",
            "Method not allowed",
            "Methode nicht erlaubt",
            "The path exists but does not accept this HTTP method; the `Allow` header lists the"
            " ones it does.",
        ),
        (
            406,
            "not-acceptable",
            "Not acceptable",
            "Kein annehmbares Format",
            "The API cannot answer in a media type the `Accept` header allows; ask for "
            "`application/json` (or the type the operation documents).",
        ),
        (
            409,
            "conflict",
            "Conflict",
            "Konflikt",
            "The request conflicts with the current state of the resource; read it again and "
            "decide.",
        ),
        (
            413,
            "payload-too-large",
            "Payload too large",
            "Anfrage zu groß",
            "The request body is larger than this endpoint accepts; split the upload (bulk "
            "endpoints accept larger bodies).",
        ),
        (
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "Medientyp nicht unterstützt",
            "The body's Content-Type is not one this operation accepts; the operation's "
            "documentation lists them.",
        ),
        (
            429,
            "too-many-requests",
            "Too many requests",
            "Zu viele Anfragen",
            "Too many requests from this caller in a short time; wait as long as `Retry-After` "
            "says, then retry.",
        ),
    )
}
HTTP_ERROR = declare(
    "http-error",
    400,
    "HTTP error",
    "HTTP-Fehler",
    about="An HTTP-level error without a more specific type; `status` and `detail` say what "
    "happened.",
)
VALIDATION = declare(
    "validation",
    422,
    "Request validation failed",
    "Anfrage ungültig",
    about="The request parsed but fields break the schema: `errors` lists each with its "
    "`location` (body, query, header, path and the field path), a `message` and a `type`;"
    " `error_count` says how many there were in all. Nothing was changed.",
)
INVALID_VALUE = declare(
    "invalid-value",
    422,
    "Invalid value",
    "Ungültiger Wert",
    about="A value passed the schema but the database refuses it (out of range, wrong format "
    "for its column); `detail` names it. Nothing was changed.",
)
BUSY = declare(
    "busy",
    409,
    "Busy",
    "Gerade belegt",
    about="Another request holds what this one needs (a row lock, the same Idempotency-Key in "
    "flight); retry after `Retry-After` seconds. Nothing was changed.",
)
DATABASE_UNAVAILABLE = declare(
    "database-unavailable",
    503,
    "Database unavailable",
    "Datenbank nicht erreichbar",
    about="The service cannot reach its database right now. Nothing was changed; retry after "
    "`Retry-After` seconds with the same Idempotency-Key.",
)
INTERNAL = declare(
    "internal",
    500,
    "Internal server error",
    "Interner Serverfehler",
    about="An error the service did not expect. It is logged with the `request_id`; quote it "
    "when you report the problem. Whether the change was made is unknown: read the resource "
    "before retrying (or retry with the same Idempotency-Key).",
)
