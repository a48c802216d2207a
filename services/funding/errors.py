"""Problem types of the funding service (RFC 9457); one documented `type` per kind."""

from __future__ import annotations

from services.common.problems import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    ProblemError,
    problem_type,
)


class ProgrammeNotFound(NotFound):
    type_ = problem_type("funding/programme-not-found")
    title = "Programme not found"


class ApplicationNotFound(NotFound):
    type_ = problem_type("funding/application-not-found")
    title = "Application not found"


class ConsortiumNotFound(NotFound):
    type_ = problem_type("funding/consortium-not-found")
    title = "Consortium not found"


class BatchNotFound(NotFound):
    type_ = problem_type("funding/decision-batch-not-found")
    title = "Decision batch not found"


class ProofNotFound(NotFound):
    type_ = problem_type("funding/proof-of-use-not-found")
    title = "Proof of use not found"


class NotYourStep(Forbidden):
    """The caller sees the application but may not take this action on it."""

    type_ = problem_type("funding/action-not-permitted")
    title = "Action not permitted for your organization or role"


class InvalidTransition(Conflict):
    """The application's current state does not allow the action."""

    type_ = problem_type("funding/invalid-transition")
    title = "The application's state does not allow this action"


class BudgetExceeded(Conflict):
    type_ = problem_type("funding/budget-exceeded")
    title = "The programme budget does not cover this amount"


class NoPlanningFrame(InvalidInput):
    type_ = problem_type("funding/no-planning-frame")
    title = "No planning frame for this applicant"


class FrameBelowMinimum(InvalidInput):
    """A municipality under the minimum frame tried to apply alone."""

    type_ = problem_type("funding/frame-below-minimum")
    title = "Planning frame below the minimum for applying alone"


class FrameExceeded(InvalidInput):
    type_ = problem_type("funding/frame-exceeded")
    title = "The requested amount exceeds the planning frame"


class InvalidApplication(InvalidInput):
    type_ = problem_type("funding/invalid-application")
    title = "The application breaks a programme rule"


class InvalidDecision(InvalidInput):
    type_ = problem_type("funding/invalid-decision")
    title = "The decision is not valid for this application"


class ConsortiumConflict(Conflict):
    type_ = problem_type("funding/consortium-conflict")
    title = "The consortium conflicts with existing data"


class NotConsortiumLead(Forbidden):
    type_ = problem_type("funding/not-consortium-lead")
    title = "Only the consortium's lead municipality may apply for it"


class ApplicationExists(Conflict):
    type_ = problem_type("funding/application-exists")
    title = "An open application already exists for this applicant and programme"


class NoticeNotAvailable(Conflict):
    type_ = problem_type("funding/decision-notice-not-available")
    title = "No decision notice: the application is not decided"


class ProofNotDue(Conflict):
    type_ = problem_type("funding/proof-not-due")
    title = "The proof of use cannot be filed yet or for this application"


class ProofExists(Conflict):
    type_ = problem_type("funding/proof-exists")
    title = "A proof of use was already filed for this application"


class UnreadableCsv(ProblemError):
    """Not a CSV we can read at all: encoding, header, size (400)."""

    type_ = problem_type("funding/unreadable-csv")
    title = "The CSV file cannot be read"
    status = 400


class InvalidCsv(InvalidInput):
    """Readable, but rows break the rules; `row_errors` lists them (422)."""

    type_ = problem_type("funding/invalid-csv")
    title = "Rows of the CSV file are invalid"


class UpstreamUnavailable(ProblemError):
    """The cases service (key figures) or the auth service did not answer usefully."""

    type_ = problem_type("funding/upstream-unavailable")
    title = "A service this request depends on is unavailable"
    status = 503
