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
    """No funding programme with this id: list them at `GET /funding/v1/programmes` (a
    programme is set up by an admin before applications can name it)."""


class ApplicationNotFound(
    NotFound,
    slug="funding/application-not-found",
    title="Application not found",
    title_de="Antrag nicht gefunden",
):
    """No application with this id that the caller may see (its applicant, the organizations on its
    route, the providers and analysts)."""


class ConsortiumNotFound(
    NotFound,
    slug="funding/consortium-not-found",
    title="Consortium not found",
    title_de="Verbund nicht gefunden",
):
    """No consortium with this id (in this programme), or the municipality is not invited to it."""


class BatchNotFound(
    NotFound,
    slug="funding/decision-batch-not-found",
    title="Decision batch not found",
    title_de="Entscheidungsstapel nicht gefunden",
):
    """No decision batch with this id sent by the caller's organization."""


class ProofNotFound(
    NotFound,
    slug="funding/proof-of-use-not-found",
    title="Proof of use not found",
    title_de="Verwendungsnachweis nicht gefunden",
):
    """The application has no proof of use filed yet."""


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
    """Granting this amount would exceed what is left of the programme's budget; grant less or
    decide later."""


class NoPlanningFrame(
    InvalidInput,
    slug="funding/no-planning-frame",
    title="No planning frame for this applicant",
    title_de="Kein Planungsrahmen für diesen Antragsteller",
):
    """The applicant (or a municipality of the consortium or delegation) has no planning frame in
    the programme, so it cannot apply."""


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
    """The positions of the application cost more than the applicant's planning frame allows."""


class InvalidApplication(
    InvalidInput,
    slug="funding/invalid-application",
    title="The application breaks a programme rule",
    title_de="Der Antrag verstößt gegen eine Programmregel",
):
    """The application breaks a rule of the programme or of who may apply (positions,
    qualifications, providers, delegations, proof positions); the detail names the rule."""


class InvalidDecision(
    InvalidInput,
    slug="funding/invalid-decision",
    title="The decision is not valid for this application",
    title_de="Die Entscheidung ist für diesen Antrag nicht gültig",
):
    """The decision's granted_amount does not fit the decision (`approve` grants the requested
    amount, `partially_approve` less, `reject` nothing)."""


class ConsortiumConflict(
    Conflict,
    slug="funding/consortium-conflict",
    title="The consortium conflicts with existing data",
    title_de="Der Verbund widerspricht vorhandenen Daten",
):
    """The consortium step conflicts with existing memberships or states: already a member elsewhere
    in the programme, a membership in the wrong state, a dissolved consortium."""


class NotConsortiumLead(
    Forbidden,
    slug="funding/not-consortium-lead",
    title="Only the consortium's lead municipality may apply for it",
    title_de="Nur die federführende Kommune des Verbunds darf für ihn beantragen",
):
    """A consortium member other than its lead municipality tried to apply for the consortium."""


class ApplicationExists(
    Conflict,
    slug="funding/application-exists",
    title="An open application already exists for this applicant and programme",
    title_de="Für diesen Antragsteller und dieses Programm gibt es schon einen offenen Antrag",
):
    """The applicant already has an open application in this programme; continue that one."""


class NoticeNotAvailable(
    Conflict,
    slug="funding/decision-notice-not-available",
    title="No decision notice: the application is not decided",
    title_de="Kein Bescheid: über den Antrag ist nicht entschieden",
):
    """The decision notice of an application was asked for before the application was decided."""


class ProofNotDue(
    Conflict,
    slug="funding/proof-not-due",
    title="The proof of use cannot be filed yet or for this application",
    title_de="Der Verwendungsnachweis kann noch nicht oder nicht für diesen Antrag "
    "eingereicht werden",
):
    """A proof of use was filed for an application that is not approved or whose funding period has
    not ended."""


class ProofExists(
    Conflict,
    slug="funding/proof-exists",
    title="A proof of use was already filed for this application",
    title_de="Für diesen Antrag wurde schon ein Verwendungsnachweis eingereicht",
):
    """A proof of use was filed for an application that already has one; each application has
    exactly one."""


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
    """Someone other than the invited municipality's applicant or org_admin tried to answer for it
    (accept, decline, leave) or a non-lead tried to dissolve the consortium."""


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
    """The caller is not the municipality, its district reviewer or its approver, who alone read a
    planning frame's usage."""


class FrameNotFound(
    NotFound,
    slug="funding/planning-frame-not-found",
    title="Planning frame not found",
    title_de="Planungsrahmen nicht gefunden",
):
    """The municipality has no planning frame in the programme."""
