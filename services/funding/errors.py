"""Problem types of the funding service (RFC 9457); one documented `type` per kind."""

from __future__ import annotations

from services.common.problems import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    ProblemError,
)


class ProgrammeNotFound(NotFound, slug="funding/programme-not-found", title="Programme not found"):
    pass


class ApplicationNotFound(
    NotFound, slug="funding/application-not-found", title="Application not found"
):
    pass


class ConsortiumNotFound(
    NotFound, slug="funding/consortium-not-found", title="Consortium not found"
):
    pass


class BatchNotFound(
    NotFound, slug="funding/decision-batch-not-found", title="Decision batch not found"
):
    pass


class ProofNotFound(
    NotFound, slug="funding/proof-of-use-not-found", title="Proof of use not found"
):
    pass


class NotYourStep(
    Forbidden,
    slug="funding/action-not-permitted",
    title="Action not permitted for your organization or role",
):
    """The caller sees the application but may not take this action on it."""


class InvalidTransition(
    Conflict,
    slug="funding/invalid-transition",
    title="The application's state does not allow this action",
):
    """The application's current state does not allow the action."""


class BudgetExceeded(
    Conflict,
    slug="funding/budget-exceeded",
    title="The programme budget does not cover this amount",
):
    pass


class NoPlanningFrame(
    InvalidInput, slug="funding/no-planning-frame", title="No planning frame for this applicant"
):
    pass


class FrameBelowMinimum(
    InvalidInput,
    slug="funding/frame-below-minimum",
    title="Planning frame below the minimum for applying alone",
):
    """A municipality under the minimum frame tried to apply alone."""


class FrameExceeded(
    InvalidInput,
    slug="funding/frame-exceeded",
    title="The requested amount exceeds the planning frame",
):
    pass


class InvalidApplication(
    InvalidInput,
    slug="funding/invalid-application",
    title="The application breaks a programme rule",
):
    pass


class InvalidDecision(
    InvalidInput,
    slug="funding/invalid-decision",
    title="The decision is not valid for this application",
):
    pass


class ConsortiumConflict(
    Conflict,
    slug="funding/consortium-conflict",
    title="The consortium conflicts with existing data",
):
    pass


class NotConsortiumLead(
    Forbidden,
    slug="funding/not-consortium-lead",
    title="Only the consortium's lead municipality may apply for it",
):
    pass


class ApplicationExists(
    Conflict,
    slug="funding/application-exists",
    title="An open application already exists for this applicant and programme",
):
    pass


class NoticeNotAvailable(
    Conflict,
    slug="funding/decision-notice-not-available",
    title="No decision notice: the application is not decided",
):
    pass


class ProofNotDue(
    Conflict,
    slug="funding/proof-not-due",
    title="The proof of use cannot be filed yet or for this application",
):
    pass


class ProofExists(
    Conflict,
    slug="funding/proof-exists",
    title="A proof of use was already filed for this application",
):
    pass


class UnreadableCsv(
    ProblemError, slug="funding/unreadable-csv", title="The CSV file cannot be read"
):
    """Not a CSV we can read at all: encoding, header, size (400)."""


class InvalidCsv(
    InvalidInput, slug="funding/invalid-csv", title="Rows of the CSV file are invalid"
):
    """Readable, but rows break the rules; `row_errors` lists them (422)."""


class UpstreamUnavailable(
    ProblemError,
    slug="funding/upstream-unavailable",
    title="A service this request depends on is unavailable",
    status=503,
):
    """The cases service (key figures) or the auth service did not answer usefully."""


class ConsortiumNotActive(
    Conflict,
    slug="funding/consortium-not-active",
    title="The consortium does not count: not every member has accepted, or it was dissolved",
):
    """Applying or submitting through a consortium that is forming or dissolved, or whose
    members changed since the application was drafted."""


class ConsortiumLocked(
    Conflict,
    slug="funding/consortium-locked",
    title="The consortium has an application under way and cannot change",
):
    """Leaving or dissolving while an application through it is submitted, forwarded or
    approved."""


class NotInvited(
    Forbidden,
    slug="funding/not-a-consortium-member",
    title="Only the invited municipality's applicant or org_admin may answer for it",
):
    pass


class FrameCeilingExceeded(
    Conflict,
    slug="funding/frame-ceiling-exceeded",
    title="The planning frame does not cover this amount next to what it already holds",
):
    """`ags`, `frame_amount`, `held_amount`, `remaining_amount` and `share_amount` name the
    frame that would be exceeded."""


class FrameUsageNotVisible(
    Forbidden,
    slug="funding/frame-usage-not-visible",
    title="Only the municipality, its district reviewer and its approver read a frame's usage",
):
    pass


class FrameNotFound(
    NotFound, slug="funding/planning-frame-not-found", title="Planning frame not found"
):
    pass
