"""Queries of the organizations directory (Core statements; never commits)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, func, insert, literal, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.directory.schemas import OrgFilter
from services.auth.ids import is_uuid
from services.auth.models import consortium_member, organization
from services.common.keyset import keyset
from services.common.sql import run


def _like_prefix(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


async def get(session: AsyncSession, org_id: str) -> Row[Any] | None:
    if not is_uuid(org_id):
        return None
    return (await run(session, select(organization).where(organization.c.id == org_id))).first()


async def get_for_update(session: AsyncSession, org_id: str) -> Row[Any] | None:
    stmt = select(organization).where(organization.c.id == org_id).with_for_update()
    return (await run(session, stmt)).first()


async def get_by_ags(session: AsyncSession, ags: str) -> Row[Any] | None:
    return (await run(session, select(organization).where(organization.c.ags == ags))).first()


async def find_unkeyed(
    session: AsyncSession, parent_id: str | None, kind: str, name: str
) -> Row[Any] | None:
    """An organization without AGS of this kind and name under this parent (imports match
    such rows by name, having no key)."""
    stmt = select(organization).where(
        organization.c.ags.is_(None),
        organization.c.kind == kind,
        organization.c.name == name,
        organization.c.parent_id == parent_id
        if parent_id is not None
        else organization.c.parent_id.is_(None),
    )
    return (await run(session, stmt.limit(1))).first()


async def list_page(
    session: AsyncSession, filters: OrgFilter, limit: int, after: tuple[Any, ...] | None
) -> Sequence[Row[Any]]:
    """Up to `limit + 1` organizations ordered by (name, id), after the keyset `after`."""
    stmt = select(organization)
    if filters.kind:
        stmt = stmt.where(organization.c.kind == filters.kind)
    if filters.parent_id:
        stmt = stmt.where(organization.c.parent_id == filters.parent_id)
    if filters.name_prefix:
        stmt = stmt.where(organization.c.name.ilike(_like_prefix(filters.name_prefix), escape="\\"))
    if filters.ags_prefix:
        stmt = stmt.where(organization.c.ags.like(_like_prefix(filters.ags_prefix), escape="\\"))
    by_name = [organization.c.name, organization.c.id]
    return (await run(session, keyset(stmt, by_name, after, limit))).all()


async def chain(session: AsyncSession, org_id: str) -> Sequence[Row[Any]]:
    """The organization and its ancestors, root first."""
    up = (
        select(organization, literal(0).label("depth"))
        .where(organization.c.id == org_id)
        .cte(recursive=True)
    )
    parent = organization.alias("parent")
    up = up.union_all(
        select(parent, (up.c.depth + 1).label("depth")).where(parent.c.id == up.c.parent_id)
    )
    stmt = (
        select(*[up.c[c.name] for c in organization.columns]).order_by(up.c.depth.desc()).limit(20)
    )
    return (await run(session, stmt)).all()


async def members_of(session: AsyncSession, consortium_ids: Sequence[str]) -> dict[str, list[str]]:
    if not consortium_ids:
        return {}
    rows = await run(
        session,
        select(consortium_member.c.consortium_id, consortium_member.c.member_id)
        .where(consortium_member.c.consortium_id.in_(consortium_ids))
        .order_by(consortium_member.c.member_id),
    )
    out: dict[str, list[str]] = {}
    for row in rows.all():
        out.setdefault(str(row.consortium_id), []).append(str(row.member_id))
    return out


async def existing_ids(session: AsyncSession, ids: Sequence[str]) -> dict[str, str]:
    """id -> kind of those `ids` that exist."""
    if not ids:
        return {}
    rows = await run(
        session, select(organization.c.id, organization.c.kind).where(organization.c.id.in_(ids))
    )
    return {str(r.id): str(r.kind) for r in rows.all()}


async def add(session: AsyncSession, values: dict[str, Any]) -> bool:
    """Inserts one organization; False when its id already exists."""
    stmt = pg_insert(organization).values(**values).on_conflict_do_nothing(index_elements=["id"])
    result = await run(session, stmt.returning(organization.c.id))
    return result.first() is not None


async def change(session: AsyncSession, org_id: str, values: dict[str, Any]) -> None:
    """Applies `values` (none for a change of members only) and bumps the version (the ETag)."""
    await run(
        session,
        update(organization)
        .where(organization.c.id == org_id)
        .values(**values, version=organization.c.version + 1, updated_at=func.now()),
    )


async def set_members(session: AsyncSession, consortium_id: str, member_ids: Sequence[str]) -> None:
    await run(
        session, delete(consortium_member).where(consortium_member.c.consortium_id == consortium_id)
    )
    if member_ids:
        await run(
            session,
            insert(consortium_member),
            params=[
                {"consortium_id": consortium_id, "member_id": m} for m in sorted(set(member_ids))
            ],
        )
