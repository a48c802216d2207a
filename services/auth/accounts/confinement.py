"""Who manages whose users and API clients: admins and operators everything, an org_admin
its own organization."""

from __future__ import annotations

from services.common.auth import Principal
from services.common.problem_types import texts
from services.common.problems import Forbidden

Actor = Principal | str  # a string names an operator acting through the CLI (full rights)


def is_admin(actor: Actor) -> bool:
    """Admins and operators (the CLI) manage every organization's users and clients."""
    return isinstance(actor, str) or actor.has_role("admin")


def may_manage(actor: Actor, org_id: str) -> bool:
    """True when the actor manages the users and clients of organization `org_id`."""
    if is_admin(actor):
        return True
    return isinstance(actor, Principal) and actor.has_role("org_admin") and actor.org == str(org_id)


def scope_org(actor: Actor, requested: str | None) -> str | None:
    """The organization a list is confined to: any for admins, the caller's own for org_admins."""
    if is_admin(actor):
        return requested
    assert isinstance(actor, Principal)  # noqa: S101 - is_admin covers operators
    if requested is not None and requested != actor.org:
        raise Forbidden(
            texts(
                "An org_admin sees only the users and clients of its own organization",
                "Ein org_admin sieht nur die Benutzer und Clients seiner eigenen Organisation",
            )
        )
    return actor.org
