"""Problem types of the cases service (RFC 9457; each `type` is stable)."""

from __future__ import annotations

from services.common.problems import Conflict, NotFound, ProblemError


class CaseNotFound(NotFound, slug="case-not-found", title="Case not found"):
    """Unknown case, or one the caller may not reach (same answer, so ids cannot be probed)."""


class ItemNotFound(NotFound, slug="case-item-not-found", title="Not found in this case"):
    pass


class ExternalIdTaken(
    Conflict,
    slug="external-id-taken",
    title="external_id already used by another case of this organization",
):
    pass


class ConsentRequired(
    Conflict, slug="consent-required", title="Personal data need recorded consent"
):
    pass


class CaseErased(Conflict, slug="case-erased", title="The personal data of this case were erased"):
    pass


class InvalidTransition(
    Conflict, slug="invalid-transition", title="Not allowed in the current state"
):
    pass


class OutsideArea(ProblemError, slug="outside-area", title="Outside your area", status=403):
    pass


class UnsupportedImport(
    ProblemError, slug="unsupported-media-type", title="Unsupported media type", status=415
):
    pass


class ImportTooLarge(ProblemError, slug="import-too-large", title="Too many lines", status=413):
    pass


class InvalidPeriod(ProblemError, slug="invalid-period", title="Invalid period", status=400):
    pass


class BadQuery(ProblemError, slug="bad-query", title="Invalid query parameter", status=400):
    """A query parameter that has the right shape but no valid value (e.g. February 30th)."""


class DirectoryUnavailable(
    ProblemError,
    slug="directory-unavailable",
    title="The organization directory is unavailable",
    status=503,
):
    """The auth service's directory did not answer (key figures check the area through it)."""


class UnknownCommissioner(
    ProblemError,
    slug="unknown-commissioner",
    title="Unknown commissioning organization",
    status=422,
):
    """`commissioned_by` is not a municipality or district of the directory."""
