"""Imports from files on the operator's machine, through the functions the API's import
operations call, so a file behaves the same uploaded or given to `pakt`:

    pakt auth import-organizations FILE            (POST /auth/v1/organization-imports)
    pakt cases import FILE --ags AGS               (POST /cases/v1/case-imports)
    pakt funding import-frames FILE --programme ID (POST .../programmes/{id}/planning-frames)

The launcher holds them (not the services' cli modules) because they share the operator's
identity, the commit mode and the report printing. Each runs in one transaction against the
service's database (`<SVC>_DATABASE_URL`, set by `pakt` as for every command); a refused file
commits nothing and `pakt` prints its line errors before the one error line (failures.py).
"""

from __future__ import annotations

import asyncio
import getpass
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from sqlmodel.ext.asyncio.session import AsyncSession

from services.auth.directory.imports import import_organizations
from services.auth.settings import AuthSettings
from services.cases.imports.service import import_cases
from services.cases.settings import CasesSettings
from services.cli import database
from services.cli.progress import progress
from services.common.auth import Principal
from services.common.db import script_session
from services.common.import_lines import DEFAULT_MODE, ImportMode
from services.common.imports.upload import Upload
from services.common.orgs import org_id_for_ags
from services.common.settings import ServiceSettings
from services.funding.applications.reviews import import_frames
from services.funding.frames.schemas import FrameImportReport
from services.funding.programmes import service as programmes
from services.funding.settings import FundingSettings

T = TypeVar("T")
auth_commands = typer.Typer(help="The organizations directory (auth)", no_args_is_help=True)
funding_commands = typer.Typer(
    help="Programmes and planning frames (funding)", no_args_is_help=True
)
AGS_LEVELS = (2, 3, 5, 8)  # state, administrative region, district, municipality
File = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The file to import")]
Mode = Annotated[
    ImportMode,
    typer.Option(
        help="all-or-nothing: any bad line refuses the file; valid-rows: keep the good lines",
    ),
]


def operator(
    org: str, org_path: tuple[str, ...], role: str, subject: str | None = None
) -> Principal:
    """The operator as the import sees its caller (`subject`: whom the import acts for; the
    audit trail names `cli:<login>` otherwise)."""
    login = getpass.getuser()
    return Principal(
        subject=subject or f"cli:{login}",
        org=org,
        org_kind="",
        org_path=org_path,
        roles=frozenset({role}),
        scopes=frozenset(),
        token_id=f"cli-{login}",
        expires_at=0,
    )


@contextmanager
def spinner(file: Path) -> Iterator[None]:
    """An indeterminate progress bar on stderr while the import runs (terminals only)."""
    with progress() as bar:
        bar.add_task(f"importing {file.name}", total=None)
        yield


def in_transaction(
    settings_class: Callable[[], ServiceSettings],
    work: Callable[[AsyncSession], Awaitable[T]],
    file: Path,
) -> T:
    """Runs `work` in one transaction on the service's database; commits when it returns."""
    service = settings_class.__name__.removesuffix("Settings").lower()
    database.point_at([service])
    settings = settings_class()

    async def main() -> T:
        async with script_session(settings.async_database_url, app_name="pakt-import") as session:
            result = await work(session)
            await session.commit()
            return result

    with spinner(file):
        return asyncio.run(main())


def report(file: Path, summary: dict[str, Any], line_errors: list[Any]) -> None:
    """The refused lines (valid-rows mode), then one line with the counts."""
    for error in line_errors:
        where = f"line {error.line}" + (f": {error.field}" if error.field else "")
        typer.echo(f"{where}: {error.message}")
    typer.echo(f"imported {file.name}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))


@auth_commands.command("import-organizations")
def import_organizations_command(file: File, mode: Mode = DEFAULT_MODE) -> None:
    """Import organizations from CSV (ags;name;kind;parent_ags) as the API's import does."""
    upload = Upload(file.read_bytes(), mode)
    admin = operator("", ("08",), "admin")
    result = in_transaction(AuthSettings, lambda s: import_organizations(s, admin, upload), file)
    report(file, result.summary.model_dump(), result.line_errors)


def _ags(value: str) -> str:
    if not (value.isdigit() and len(value) in AGS_LEVELS and value.startswith("08")):
        raise typer.BadParameter(
            f"{value!r} is no Baden-Württemberg AGS (2, 3, 5 or 8 digits starting with 08, "
            "e.g. 08117019 for Göppingen)"
        )
    return value


def import_cases_command(
    file: File,
    ags: Annotated[
        str,
        typer.Option("--ags", callback=_ags, help="AGS of the organization the cases belong to"),
    ],
    worker_id: Annotated[
        uuid.UUID,
        typer.Option(
            "--worker",
            help="User id (`pakt users list`) of the case worker the import acts for, as if "
            "uploaded by them: lines naming no assigned_worker go to them; the audit names them",
        ),
    ],
    mode: Mode = DEFAULT_MODE,
) -> None:
    """Import cases from JSON Lines (one case per line) as POST /cases/v1/case-imports does."""
    org_path = tuple(ags[:n] for n in AGS_LEVELS if n <= len(ags))  # the cases' visibility
    worker = operator(org_id_for_ags(ags), org_path, "case_worker", subject=str(worker_id))
    upload = Upload(file.read_bytes(), mode)
    result = in_transaction(CasesSettings, lambda s: import_cases(s, worker, upload), file)
    report(file, result.summary.model_dump(), result.line_errors)


@funding_commands.command("import-frames")
def import_frames_command(
    file: File,
    programme_id: Annotated[uuid.UUID, typer.Option("--programme", help="Programme id")],
    mode: Mode = DEFAULT_MODE,
) -> None:
    """Import planning frames from CSV (ags,name,amount,status,reference_date) as the API's
    import does; frames turning final flag the applications based on them for review."""
    upload = Upload(file.read_bytes(), mode)
    admin = operator("", ("08",), "admin")

    async def work(session: AsyncSession) -> FrameImportReport:
        programme = await programmes.get(session, programme_id)
        return await import_frames(session, admin, programme, upload)

    result = in_transaction(FundingSettings, work, file)
    flagged = {"finalized": result.finalized, "flagged": len(result.flagged_applications)}
    report(file, {**result.summary.model_dump(), **flagged}, result.line_errors)
