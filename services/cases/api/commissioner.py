"""`commissioned_by` names a commissioning body of the directory, not just any UUID.

A charity's case counts in the key figures and the proof of use of the organization that
commissioned it, so a mistyped or invented id would move the work into no one's figures (or into
the wrong municipality's). The directory (auth) knows every municipality and district; cases
only read it, with the caller's token, when a case names a commissioner.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.cases.api.key_figures import directory
from services.cases.errors import UnknownCommissioner
from services.cases.figures.directory import Directory
from services.common.problem_types import texts

# public bodies that receive the programme's money and commission charities with the work
COMMISSIONING_KINDS = frozenset({"municipality", "urban_district", "rural_district"})


class Commissioners:
    def __init__(self, found: Annotated[Directory, Depends(directory)]) -> None:
        self.directory = found

    async def check(self, org_id: str | None) -> None:
        """Refuses (422, nothing written) an id that is no municipality or district."""
        if org_id is None:
            return
        entry = await self.directory.entry(org_id)
        if entry is None or entry.kind not in COMMISSIONING_KINDS:
            raise UnknownCommissioner(
                texts(
                    f"commissioned_by {org_id} is no municipality or district of the directory "
                    "(GET /auth/v1/organizations lists them)",
                    f"commissioned_by {org_id} ist weder Gemeinde noch Kreis des "
                    "Verzeichnisses (GET /auth/v1/organizations listet sie auf)",
                )
            )


async def commissioners(found: Annotated[Directory, Depends(directory)]) -> Commissioners:
    """An async factory: FastAPI runs a class or a plain `def` dependency in a worker thread,
    a hop on every create (make bench, issue 16)."""
    return Commissioners(found)


CommissionerCheck = Annotated[Commissioners, Depends(commissioners)]
