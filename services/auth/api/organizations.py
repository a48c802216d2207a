"""`/auth/v1/organizations`: the directory (read for everyone signed in, writes for admins)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from services.auth.api.answers import AdminCaller
from services.auth.api.deps import tagged
from services.auth.directory import imports, service
from services.auth.directory.schemas import (
    UUID_PATTERN,
    OrganizationChain,
    OrganizationCreate,
    OrganizationRead,
    OrganizationUpdate,
    OrgFilter,
    OrgKind,
)
from services.common.auth import CurrentPrincipal
from services.common.concurrency import IfMatchHeader
from services.common.db import SessionDep
from services.common.imports.outcome import ImportReport
from services.common.imports.upload import (
    Upload,
    UploadSpec,
    import_problem_responses,
    upload_body,
    upload_reader,
)
from services.common.pagination import Page
from services.common.paging import Paged
from services.common.problems import problem_responses
from services.common.routes import Problems, Resource

router = APIRouter(tags=["organizations"])
# everyone signed in reads the directory (no 403 there); writes are for admins
organizations = Resource(
    router,
    "/auth/v1/organizations",
    "org_id",
    Problems(
        listing=(400, 401, 422),
        create=(400, 401, 403, 404, 409, 422),
        read=(401, 404, 422),
        change=(400, 401, 403, 404, 412, 422, 428),
    ),
)
OrgId = Annotated[
    str,
    Path(
        pattern=UUID_PATTERN,
        description="Organization id",
        examples=["312e6a4b-2565-5313-9398-3d1bdea2531d"],
    ),
]
ORGANIZATIONS_UPLOAD = UploadSpec(
    max_bytes=1_000_000,
    raw_media_types=("text/csv", "text/plain"),
    file_description="CSV, header `ags;name;kind;parent_ags`, at most 5000 rows and 1 MB",
)
ORGANIZATIONS_EXAMPLE = "ags;name;kind;parent_ags\n08117017;Eislingen/Fils;municipality;08117\n"
OrganizationsFile = Annotated[Upload, Depends(upload_reader(ORGANIZATIONS_UPLOAD))]


@organizations.listing(
    "List organizations",
    "The directory, ordered by name. Filter by `kind`, `parent_id`, `name_prefix` "
    "(case-insensitive) or `ags_prefix` (e.g. `08117`: Landkreis Göppingen and all in it).",
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


@organizations.read(
    "Get one organization", "One organization with its AGS path; the ETag is needed to change it."
)
async def read_organization(
    org_id: OrgId, response: Response, session: SessionDep, _: CurrentPrincipal
) -> OrganizationRead:
    return tagged(response, await service.get_organization(session, org_id))


@router.get(
    organizations.item + "/chain",
    responses=problem_responses(*organizations.problems.read),
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


@organizations.create(
    "Create an organization (admin)",
    "Adds an organization below an existing parent. The kind fixes the parent's kind and the "
    "AGS length (region 3, district 5, municipality 8 digits, extending the parent's AGS); "
    "consortia, providers and ministries have no AGS. Organizations with an AGS get the "
    "deterministic id uuid5(PAKT_NAMESPACE, 'ags:<AGS>'), so a retry answers 409.",
)
async def create_organization(body: OrganizationCreate, admin: AdminCaller) -> OrganizationRead:
    org = await service.add_organization(*admin.key, body)
    return await admin.added(org, organizations.path)


@organizations.change(
    "Rename an organization or set a consortium's members (admin)",
    "Send If-Match with the ETag you read. `member_ids` replaces a consortium's members; "
    "they must be municipalities and may lie in different districts.",
)
async def update_organization(
    org_id: OrgId, body: OrganizationUpdate, admin: AdminCaller, if_match: IfMatchHeader = None
) -> OrganizationRead:
    return await admin.saved(await service.update_organization(*admin.key, org_id, body, if_match))


@router.post(
    "/auth/v1/organization-imports",
    responses=import_problem_responses(400, 401, 403, 413, 415, 422),
    summary="Import organizations from CSV (admin)",
    description=(
        "The file (multipart part `file`): CSV with the header `ags;name;kind;parent_ags`, as "
        "spreadsheet programs save it (UTF-8 with or without BOM, or Windows-1252; `;` or `,`). "
        "Rows are taken in order, so a row may name a parent created above it. New "
        "organizations are created, existing ones (same AGS; without AGS, same parent, kind and "
        "name) are unchanged or renamed. `mode` decides what happens when rows are refused; "
        "every refused row is listed in `line_errors` as `{line, field, code, message}`. "
        "`curl --data-binary` with `Content-Type: text/csv` works too."
    ),
    openapi_extra=upload_body(ORGANIZATIONS_UPLOAD, ORGANIZATIONS_EXAMPLE),
)
async def import_organizations(admin: AdminCaller, upload: OrganizationsFile) -> ImportReport:
    return await admin.committed(await imports.import_organizations(*admin.key, upload))
