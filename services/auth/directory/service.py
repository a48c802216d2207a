"""Use cases of the organizations directory: read, create, rename (imports: `imports`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.directory import repository as repo
from services.auth.directory.schemas import (
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    OrgFilter,
)
from services.auth.errors import (
    DuplicateOrganization,
    InvalidHierarchy,
    OrganizationNotFound,
)
from services.common.audit import record_audit
from services.common.auth import Principal
from services.common.concurrency import check_if_match
from services.common.constraints import constraint_problems
from services.common.orgs import org_id_for_ags, org_id_for_slug
from services.common.outbox import emit
from services.common.pagination import Page, PageParams, cursor_after, make_page
from services.common.problem_types import texts

AGS_LENGTH = {"state": 2, "region": 3, "rural_district": 5, "urban_district": 5, "municipality": 8}
PARENT_KINDS: dict[str, set[str | None]] = {
    "state": {None},
    "region": {"state"},
    "rural_district": {"region"},
    "urban_district": {"region"},
    "municipality": {"rural_district", "urban_district"},
    "consortium": {"region", "rural_district", "urban_district", "municipality"},
    "provider": {"state", "region", "rural_district", "urban_district", "municipality"},
    "ministry": {"state"},
    "platform": {None},
}
AGS_TAKEN = "uq_organization_ags"  # named by the naming convention (services.common.db)


@dataclass(frozen=True)
class NewOrg:
    """A validated organization ready to insert."""

    values: dict[str, Any]
    member_ids: list[str]


def to_read(row: Row[Any], members: Sequence[str] = ()) -> OrganizationRead:
    """The response body of an organization row (`members`: a consortium's member ids)."""
    return OrganizationRead(
        id=str(row.id),
        kind=row.kind,
        name=row.name,
        ags=row.ags,
        parent_id=str(row.parent_id) if row.parent_id else None,
        org_path=list(row.org_path),
        key_verified=row.key_verified,
        member_ids=list(members),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def plan_org(
    data: OrganizationCreate,
    parent: Row[Any] | None,
    *,
    slug: str | None = None,
    key_verified: bool = True,
) -> NewOrg:
    """Checks `data` against the hierarchy rules and computes id and org_path (no I/O)."""
    _check_parent(data, parent)
    _check_ags(data.kind, data.ags, parent)
    if data.member_ids and data.kind != "consortium":
        raise InvalidHierarchy(
            texts(
                "Only a consortium has members",
                "Nur ein Verbund hat Mitglieder",
            )
        )
    path = list(parent.org_path) if parent is not None else []
    values = {
        "id": _new_org_id(data.ags, slug),
        "kind": data.kind,
        "name": data.name,
        "ags": data.ags,
        "slug": slug,
        "parent_id": parent.id if parent is not None else None,
        "org_path": [*path, data.ags] if data.ags else path,
        "key_verified": key_verified,
    }
    return NewOrg(values, list(data.member_ids))


def _check_parent(data: OrganizationCreate, parent: Row[Any] | None) -> None:
    """Refuses a parent that `data.parent_id` names but does not exist, or one of a kind
    the organization may not sit under (PARENT_KINDS)."""
    if data.parent_id and parent is None:
        raise OrganizationNotFound(
            texts(
                "The parent organization does not exist",
                "Die übergeordnete Organisation gibt es nicht",
            )
        )
    kind = data.kind
    if (parent.kind if parent is not None else None) not in PARENT_KINDS[kind]:
        allowed = ", ".join(sorted(k or "none" for k in PARENT_KINDS[kind]))
        raise InvalidHierarchy(
            texts(
                f"A {kind} needs a parent of kind: {allowed}",
                f"Eine Organisation der Art {kind} braucht eine übergeordnete der Art: {allowed}",
            )
        )


def _check_ags(kind: str, ags: str | None, parent: Row[Any] | None) -> None:
    """Refuses an AGS of the wrong length for the kind, one on a kind without AGS, and one
    that does not extend its parent's."""
    need = AGS_LENGTH.get(kind)
    if need is not None and (ags is None or len(ags) != need):
        raise InvalidHierarchy(
            texts(
                f"A {kind} needs an AGS of {need} digits",
                f"Eine Organisation der Art {kind} braucht einen AGS mit {need} Ziffern",
            )
        )
    if need is None and ags is not None:
        raise InvalidHierarchy(
            texts(
                f"A {kind} has no AGS",
                f"Eine Organisation der Art {kind} hat keinen AGS",
            )
        )
    if ags is not None and parent is not None and parent.ags and not ags.startswith(parent.ags):
        raise InvalidHierarchy(
            texts(
                f"AGS {ags} does not lie under its parent's AGS {parent.ags}",
                f"Der AGS {ags} liegt nicht unter dem AGS {parent.ags} der übergeordneten "
                "Organisation",
            )
        )


def _new_org_id(ags: str | None, slug: str | None) -> str:
    """Deterministic for an AGS or a seeded slug (services/common/orgs.py), else random."""
    if ags:
        return org_id_for_ags(ags)
    if slug:
        return org_id_for_slug(slug)
    return str(uuid.uuid4())


async def _check_members(session: AsyncSession, member_ids: Sequence[str]) -> None:
    found = await repo.existing_ids(session, member_ids)
    bad = [m for m in member_ids if found.get(m) != "municipality"]
    if bad:
        raise InvalidHierarchy(
            texts(
                f"Consortium members must be municipalities of the directory: {', '.join(bad[:5])}",
                "Mitglieder eines Verbunds müssen Kommunen des Verzeichnisses sein: "
                f"{', '.join(bad[:5])}",
            )
        )


async def get_organization(session: AsyncSession, org_id: str) -> tuple[OrganizationRead, int]:
    """The organization and its version (the ETag)."""
    row = await repo.get(session, org_id)
    if row is None:
        raise OrganizationNotFound(
            texts(
                "No organization with this id",
                "Keine Organisation mit dieser ID",
            )
        )
    members = await repo.members_of(session, [org_id]) if row.kind == "consortium" else {}
    return to_read(row, members.get(org_id, [])), int(row.version)


async def organization_chain(session: AsyncSession, org_id: str) -> list[OrganizationRead]:
    """The organization and its ancestors, the state first (the routing path of applications)."""
    rows = await repo.chain(session, org_id)
    if not rows:
        raise OrganizationNotFound(
            texts(
                "No organization with this id",
                "Keine Organisation mit dieser ID",
            )
        )
    members = await repo.members_of(session, [str(r.id) for r in rows if r.kind == "consortium"])
    return [to_read(r, members.get(str(r.id), [])) for r in rows]


async def list_organizations(
    session: AsyncSession, filters: OrgFilter, page: PageParams
) -> Page[OrganizationRead]:
    """A page of the directory ordered by (name, id), narrowed by `filters`."""
    after = cursor_after(page.cursor, str, uuid.UUID)
    rows = await repo.list_page(session, filters, page.limit, after)
    members = await repo.members_of(
        session, [str(r.id) for r in rows[: page.limit] if r.kind == "consortium"]
    )
    return make_page(
        rows,
        page.limit,
        key=lambda r: (r.name, str(r.id)),
        to_item=lambda r: to_read(r, members.get(str(r.id), [])),
    )


async def insert_organization(
    session: AsyncSession,
    actor: Principal | str,
    data: OrganizationCreate,
    parent: Row[Any] | None,
    *,
    slug: str | None = None,
    key_verified: bool = True,
) -> tuple[str, bool]:
    """Inserts the organization under `parent` (the row `data.parent_id` names) with its audit
    entry and event; (id, False) when one with the same id exists. Imports call this directly:
    they know the parent and need no read-back."""
    planned = plan_org(data, parent, slug=slug, key_verified=key_verified)
    await _check_members(session, planned.member_ids)
    # an AGS names one organization: the same AGS under another id is refused by its constraint
    with constraint_problems(
        {
            AGS_TAKEN: DuplicateOrganization(
                texts(
                    f"AGS {data.ags} is taken",
                    f"Der AGS {data.ags} ist vergeben",
                )
            )
        }
    ):
        created = await repo.add(session, planned.values)
    org_id = str(planned.values["id"])
    if created:
        if planned.member_ids:
            await repo.set_members(session, org_id, planned.member_ids)
        details = {"kind": data.kind, "ags": data.ags, "parent_id": planned.values["parent_id"]}
        await record_audit(session, actor, "organization.created", "organization", org_id, details)
        await emit(session, "organization.created", "organization", org_id, [org_id], details)
    return org_id, created


async def create_organization(
    session: AsyncSession,
    actor: Principal | str,
    data: OrganizationCreate,
    *,
    slug: str | None = None,
    key_verified: bool = True,
) -> tuple[OrganizationRead, int, bool]:
    """Creates the organization; (existing, version, False) when one with the same id exists."""
    parent = await repo.get(session, data.parent_id) if data.parent_id else None
    org_id, created = await insert_organization(
        session, actor, data, parent, slug=slug, key_verified=key_verified
    )
    read, version = await get_organization(session, org_id)
    return read, version, created


async def add_organization(
    session: AsyncSession, actor: Principal, data: OrganizationCreate
) -> tuple[OrganizationRead, int]:
    """Creates the organization and returns it with its version; 409 when it exists already.

    Organizations with an AGS have a deterministic id, so a retried create is a conflict.
    """
    org, version, created = await create_organization(session, actor, data)
    if not created:
        raise DuplicateOrganization(
            texts(
                "This organization exists already",
                "Diese Organisation gibt es schon",
            ),
            id=org.id,
        )
    return org, version


async def update_organization(
    session: AsyncSession,
    actor: Principal,
    org_id: str,
    data: OrganizationUpdate,
    if_match: str | None,
) -> tuple[OrganizationRead, int]:
    """Renames and/or sets a consortium's members under If-Match; the version always moves on."""
    row = await repo.get_for_update(session, org_id)
    if row is None:
        raise OrganizationNotFound(
            texts(
                "No organization with this id",
                "Keine Organisation mit dieser ID",
            )
        )
    check_if_match(if_match, row.version)
    if data.member_ids is not None:
        if row.kind != "consortium":
            raise InvalidHierarchy(
                texts(
                    "Only a consortium has members",
                    "Nur ein Verbund hat Mitglieder",
                )
            )
        await _check_members(session, data.member_ids)
        await repo.set_members(session, org_id, data.member_ids)
    await repo.change(session, org_id, data.model_dump(include={"name"}, exclude_none=True))
    await record_audit(
        session,
        actor,
        "organization.updated",
        "organization",
        org_id,
        data.model_dump(exclude_none=True),
    )
    return await get_organization(session, org_id)
