"""`/auth/v1/organizations`: the directory (read for everyone signed in, writes for admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from services.auth.api.answers import AdminCaller
from services.auth.api.deps import Admin, tagged
from services.auth.directory import service
from services.auth.directory.schemas import (
    UUID_PATTERN,
    CsvImportResult,
    OrganizationChain,
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    OrgFilter,
    OrgKind,
)
from services.auth.errors import InvalidCsv
from services.common.auth import CurrentPrincipal
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses

router = APIRouter(tags=["organizations"])
OrgId = Annotated[
    str,
    Path(
        pattern=UUID_PATTERN,
        description="Organization id",
        examples=["312e6a4b-2565-5313-9398-3d1bdea2531d"],
    ),
]
MAX_CSV_BYTES = 1_000_000


@router.get(
    "/auth/v1/organizations",
    responses=problem_responses(400, 401, 422),
    summary="List organizations",
    description=(
        "The directory, ordered by name. Filter by `kind`, `parent_id`, `name_prefix` "
        "(case-insensitive) or `ags_prefix` (e.g. `08117`: Landkreis Göppingen and all in it)."
    ),
)
async def list_organizations(
    session: SessionDep,
    _: CurrentPrincipal,
    page: Paged,
    kind: Annotated[OrgKind | None, Query(description="Only this kind")] = None,
    parent_id: Annotated[
        str | None, Query(pattern=UUID_PATTERN, description="Only children of this organization")
    ] = None,
    name_prefix: Annotated[str | None, Query(min_length=1, max_length=200, examples=["Gö"])] = None,
    ags_prefix: Annotated[str | None, Query(pattern=r"^\d{1,8}$", examples=["08117"])] = None,
) -> Page[OrganizationRead]:
    filters = OrgFilter(
        kind=kind, parent_id=parent_id, name_prefix=name_prefix, ags_prefix=ags_prefix
    )
    return page.send(await service.list_organizations(session, filters, page.params))


@router.get(
    "/auth/v1/organizations/{org_id}",
    responses=problem_responses(401, 404, 422),
    summary="Get one organization",
    description="One organization with its AGS path; the ETag is needed to change it.",
)
async def read_organization(
    org_id: OrgId, response: Response, session: SessionDep, _: CurrentPrincipal
) -> OrganizationRead:
    return tagged(response, await service.get_organization(session, org_id))


@router.get(
    "/auth/v1/organizations/{org_id}/chain",
    responses=problem_responses(401, 404, 422),
    summary="Get the chain up to the state",
    description=(
        "The organization and its ancestors, from the state down to it: for a municipality the "
        "state, its Regierungsbezirk, its district and itself; the routing path of applications."
    ),
)
async def read_organization_chain(
    org_id: OrgId, session: SessionDep, _: CurrentPrincipal
) -> OrganizationChain:
    return OrganizationChain(items=await service.organization_chain(session, org_id))


@router.post(
    "/auth/v1/organizations",
    status_code=201,
    responses=problem_responses(400, 401, 403, 404, 409, 422),
    summary="Create an organization (admin)",
    description=(
        "Adds an organization below an existing parent. The kind fixes the parent's kind and the "
        "AGS length (region 3, district 5, municipality 8 digits, extending the parent's AGS); "
        "consortia, providers and ministries have no AGS. Organizations with an AGS get the "
        "deterministic id uuid5(PAKT_NAMESPACE, 'ags:<AGS>'), so a retry answers 409."
    ),
)
async def create_organization(body: OrganizationCreate, admin: AdminCaller) -> OrganizationRead:
    org = await service.add_organization(*admin.key, body)
    return await admin.added(org, "/auth/v1/organizations")


@router.patch(
    "/auth/v1/organizations/{org_id}",
    responses=problem_responses(400, 401, 403, 404, 412, 422, 428),
    summary="Rename an organization or set a consortium's members (admin)",
    description=(
        "Send If-Match with the ETag you read. `member_ids` replaces a consortium's members; "
        "they must be municipalities and may lie in different districts."
    ),
)
async def update_organization(
    org_id: OrgId, body: OrganizationUpdate, admin: AdminCaller, if_match: IfMatchHeader = None
) -> OrganizationRead:
    return await admin.saved(await service.update_organization(*admin.key, org_id, body, if_match))


@router.post(
    "/auth/v1/organization-imports",
    responses=problem_responses(401, 403, 413, 415, 422),
    summary="Import organizations from CSV (admin)",
    description=(
        "Body: `text/csv`, UTF-8, `;`-separated, header `ags;name;kind;parent_ags`. Rows are taken "
        "in order, so a row may name a parent created above it. Valid rows are created, rows that "
        "exist already are counted as unchanged, and every refused row is listed with its line "
        "number and the reason."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {
                    "schema": {"type": "string"},
                    "example": (
                        "ags;name;kind;parent_ags\n08117017;Eislingen/Fils;municipality;08117\n"
                    ),
                }
            },
        }
    },
)
async def import_organizations(
    request: Request, session: SessionDep, admin: Admin
) -> CsvImportResult:
    if request.headers.get("content-type", "").split(";")[0].strip() not in (
        "text/csv",
        "text/plain",
    ):
        raise InvalidCsv("Send the file as text/csv")
    raw = await request.body()
    if len(raw) > MAX_CSV_BYTES:
        raise InvalidCsv(f"At most {MAX_CSV_BYTES} bytes per import")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidCsv("The file must be UTF-8") from exc
    result = await service.import_csv(session, admin, content)
    await session.commit()
    return result
