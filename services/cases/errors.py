"""Problem types of the cases service (RFC 9457; each `type` is stable)."""

from __future__ import annotations

from services.common.problems import Conflict, NotFound, ProblemError


class CaseNotFound(
    NotFound, slug="case-not-found", title="Case not found", title_de="Fall nicht gefunden"
):
    """Unknown case, or one the caller may not reach (same answer, so ids cannot be probed)."""


class ItemNotFound(
    NotFound,
    slug="case-item-not-found",
    title="Not found in this case",
    title_de="In diesem Fall nicht gefunden",
):
    """A row under a case (consultation, referral, plan, ...) or a volunteer does not exist in this
    case or organization."""


class ExternalIdTaken(
    Conflict,
    slug="external-id-taken",
    title="external_id already used by another case of this organization",
    title_de="external_id wird schon von einem anderen Fall dieser Organisation verwendet",
):
    """Another case of the same organization already carries this external_id; external ids are
    unique per organization."""


class ConsentRequired(
    Conflict,
    slug="consent-required",
    title="Personal data need recorded consent",
    title_de="Personenbezogene Daten brauchen eine erfasste Einwilligung",
):
    """Personal data were sent for a case without a recorded consent of the person; record the
    consent first."""


class CaseErased(
    Conflict,
    slug="case-erased",
    title="The personal data of this case were erased",
    title_de="Die personenbezogenen Daten dieses Falls wurden gelöscht",
):
    """The case's personal data were erased (GDPR Art. 17); it cannot get personal data, a pseudonym
    or an external_id again, open a new case instead."""


class InvalidTransition(
    Conflict,
    slug="invalid-transition",
    title="Not allowed in the current state",
    title_de="Im aktuellen Zustand nicht erlaubt",
):
    """The change is not allowed in the case's or item's current state (closing without a
    closing_reason, a referral status that cannot follow the current one, withdrawing a consent that
    is not active, ...); the detail names the rule."""


class OutsideArea(
    ProblemError,
    slug="outside-area",
    title="Outside your area",
    title_de="Außerhalb Ihres Gebiets",
    status=403,
):
    """Key figures asked for an organization or area the caller may not see: outside its own area,
    or by a role that does not read area figures."""


class InvalidPeriod(
    ProblemError,
    slug="invalid-period",
    title="Invalid period",
    title_de="Ungültiger Zeitraum",
    status=400,
):
    """The `from`/`to` period of a key-figure request is reversed, too long or (for area figures)
    not whole months."""


class BadQuery(
    ProblemError,
    slug="bad-query",
    title="Invalid query parameter",
    title_de="Ungültiger Abfrageparameter",
    status=400,
):
    """A query parameter that has the right shape but no valid value (e.g. February 30th)."""


class DirectoryUnavailable(
    ProblemError,
    slug="directory-unavailable",
    title="The organization directory is unavailable",
    title_de="Das Organisationsverzeichnis ist nicht erreichbar",
    status=503,
):
    """The auth service's directory did not answer (key figures check the area through it)."""


class UnknownCommissioner(
    ProblemError,
    slug="unknown-commissioner",
    title="Unknown commissioning organization",
    title_de="Unbekannte beauftragende Organisation",
    status=422,
):
    """`commissioned_by` is not a municipality or district of the directory."""
