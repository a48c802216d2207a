"""Problem types of the funding service (RFC 9457); one documented `type` per kind."""

from __future__ import annotations

from services.common.problems import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    ProblemError,
)


class ProgrammeNotFound(
    NotFound,
    slug="funding/programme-not-found",
    title="Programme not found",
    title_de="Förderprogramm nicht gefunden",
):
    pass


class ApplicationNotFound(
    NotFound,
    slug="funding/application-not-found",
    title="Application not found",
    title_de="Antrag nicht gefunden",
):
    pass


class ConsortiumNotFound(
    NotFound,
    slug="funding/consortium-not-found",
    title="Consortium not found",
    title_de="Verbund nicht gefunden",
):
    pass


class BatchNotFound(
    NotFound,
    slug="funding/decision-batch-not-found",
    title="Decision batch not found",
    title_de="Entscheidungsstapel nicht gefunden",
):
    pass


class ProofNotFound(
    NotFound,
    slug="funding/proof-of-use-not-found",
    title="Proof of use not found",
    title_de="Verwendungsnachweis nicht gefunden",
):
    pass


class NotYourStep(
    Forbidden,
    slug="funding/action-not-permitted",
    title="Action not permitted for your organization or role",
    title_de="Aktion für Ihre Organisation oder Rolle nicht erlaubt",
):
    """The caller sees the application but may not take this action on it."""


class InvalidTransition(
    Conflict,
    slug="funding/invalid-transition",
    title="The application's state does not allow this action",
    title_de="Der Zustand des Antrags erlaubt diese Aktion nicht",
):
    """The application's current state does not allow the action."""


class BudgetExceeded(
    Conflict,
    slug="funding/budget-exceeded",
    title="The programme budget does not cover this amount",
    title_de="Das Budget des Programms deckt diesen Betrag nicht",
):
    pass


class NoPlanningFrame(
    InvalidInput,
    slug="funding/no-planning-frame",
    title="No planning frame for this applicant",
    title_de="Kein Planungsrahmen für diesen Antragsteller",
):
    pass


class FrameBelowMinimum(
    InvalidInput,
    slug="funding/frame-below-minimum",
    title="Planning frame below the minimum for applying alone",
    title_de="Planungsrahmen unter dem Mindestbetrag für einen Einzelantrag",
):
    """A municipality under the minimum frame tried to apply alone."""


class FrameExceeded(
    InvalidInput,
    slug="funding/frame-exceeded",
    title="The requested amount exceeds the planning frame",
    title_de="Der beantragte Betrag übersteigt den Planungsrahmen",
):
    pass


class InvalidApplication(
    InvalidInput,
    slug="funding/invalid-application",
    title="The application breaks a programme rule",
    title_de="Der Antrag verstößt gegen eine Programmregel",
):
    pass


class InvalidDecision(
    InvalidInput,
    slug="funding/invalid-decision",
    title="The decision is not valid for this application",
    title_de="Die Entscheidung ist für diesen Antrag nicht gültig",
):
    pass


class ConsortiumConflict(
    Conflict,
    slug="funding/consortium-conflict",
    title="The consortium conflicts with existing data",
    title_de="Der Verbund widerspricht vorhandenen Daten",
):
    pass


class NotConsortiumLead(
    Forbidden,
    slug="funding/not-consortium-lead",
    title="Only the consortium's lead municipality may apply for it",
    title_de="Nur die federführende Kommune des Verbunds darf für ihn beantragen",
):
    pass


class ApplicationExists(
    Conflict,
    slug="funding/application-exists",
    title="An open application already exists for this applicant and programme",
    title_de="Für diesen Antragsteller und dieses Programm gibt es schon einen offenen Antrag",
):
    pass


class NoticeNotAvailable(
    Conflict,
    slug="funding/decision-notice-not-available",
    title="No decision notice: the application is not decided",
    title_de="Kein Bescheid: über den Antrag ist nicht entschieden",
):
    pass


class ProofNotDue(
    Conflict,
    slug="funding/proof-not-due",
    title="The proof of use cannot be filed yet or for this application",
    title_de="Der Verwendungsnachweis kann noch nicht oder nicht für diesen Antrag "
    "eingereicht werden",
):
    pass


class ProofExists(
    Conflict,
    slug="funding/proof-exists",
    title="A proof of use was already filed for this application",
    title_de="Für diesen Antrag wurde schon ein Verwendungsnachweis eingereicht",
):
    pass


class UpstreamUnavailable(
    ProblemError,
    slug="funding/upstream-unavailable",
    title="A service this request depends on is unavailable",
    title_de="Ein Dienst, den diese Anfrage braucht, ist nicht erreichbar",
    status=503,
):
    """The cases service (key figures) or the auth service did not answer usefully."""


class ConsortiumNotActive(
    Conflict,
    slug="funding/consortium-not-active",
    title="The consortium does not count: not every member has accepted, or it was dissolved",
    title_de="Der Verbund zählt nicht: nicht alle Mitglieder haben zugestimmt, oder er "
    "wurde aufgelöst",
):
    """Applying or submitting through a consortium that is forming or dissolved, or whose
    members changed since the application was drafted."""


class ConsortiumLocked(
    Conflict,
    slug="funding/consortium-locked",
    title="The consortium has an application under way and cannot change",
    title_de="Der Verbund hat einen laufenden Antrag und kann sich nicht ändern",
):
    """Leaving or dissolving while an application through it is submitted, forwarded or
    approved."""


class NotInvited(
    Forbidden,
    slug="funding/not-a-consortium-member",
    title="Only the invited municipality's applicant or org_admin may answer for it",
    title_de="Nur Antragsteller oder org_admin der eingeladenen Kommune dürfen für sie antworten",
):
    pass


class FrameCeilingExceeded(
    Conflict,
    slug="funding/frame-ceiling-exceeded",
    title="The planning frame does not cover this amount next to what it already holds",
    title_de="Der Planungsrahmen deckt diesen Betrag neben dem schon gebundenen nicht",
):
    """`ags`, `frame_amount`, `held_amount`, `remaining_amount` and `share_amount` name the
    frame that would be exceeded."""


class FrameUsageNotVisible(
    Forbidden,
    slug="funding/frame-usage-not-visible",
    title="Only the municipality, its district reviewer and its approver read a frame's usage",
    title_de="Nur die Kommune, ihre Kreisprüfung und ihre Bewilligungsstelle sehen die "
    "Nutzung eines Rahmens",
):
    pass


class FrameNotFound(
    NotFound,
    slug="funding/planning-frame-not-found",
    title="Planning frame not found",
    title_de="Planungsrahmen nicht gefunden",
):
    pass
