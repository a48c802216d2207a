"""Problem types of the cases service (RFC 9457; each `type` is stable)."""

from __future__ import annotations

from services.common.problems import Conflict, NotFound, ProblemError, problem_type


class CaseNotFound(NotFound):
    """Unknown case, or one the caller may not reach (same answer, so ids cannot be probed)."""

    type_ = problem_type("case-not-found")
    title = "Case not found"


class ItemNotFound(NotFound):
    type_ = problem_type("case-item-not-found")
    title = "Not found in this case"


class ExternalIdTaken(Conflict):
    type_ = problem_type("external-id-taken")
    title = "external_id already used by another case of this organization"


class ConsentRequired(Conflict):
    type_ = problem_type("consent-required")
    title = "Personal data need recorded consent"


class CaseErased(Conflict):
    type_ = problem_type("case-erased")
    title = "The personal data of this case were erased"


class InvalidTransition(Conflict):
    type_ = problem_type("invalid-transition")
    title = "Not allowed in the current state"


class OutsideArea(ProblemError):
    type_ = problem_type("outside-area")
    title = "Outside your area"
    status = 403


class UnsupportedImport(ProblemError):
    type_ = problem_type("unsupported-media-type")
    title = "Unsupported media type"
    status = 415


class ImportTooLarge(ProblemError):
    type_ = problem_type("import-too-large")
    title = "Too many lines"
    status = 413


class InvalidPeriod(ProblemError):
    type_ = problem_type("invalid-period")
    title = "Invalid period"
    status = 400


class BadQuery(ProblemError):
    """A query parameter that has the right shape but no valid value (e.g. February 30th)."""

    type_ = problem_type("bad-query")
    title = "Invalid query parameter"
    status = 400
