"""The organizations of the demo data as token claims (docs/CONVENTIONS.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from services.common.orgs import org_id_for_ags, org_id_for_slug
from tests.support.tokens import TokenFactory


@dataclass(frozen=True)
class Org:
    kind: str
    path: list[str]
    org: str = ""
    name: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.org or org_id_for_ags(self.path[-1])

    def headers(self, tokens: TokenFactory, *roles: str, **extra: str) -> dict[str, str]:
        return tokens.headers(
            roles=list(roles),
            org=self.id,
            org_kind=self.kind,
            org_path=self.path,
            name=self.name,
            **extra,
        )


def municipality(ags: str, name: str = "") -> Org:
    return Org("municipality", ["08", ags[:3], ags[:5], ags], name=name or ags)


GOEPPINGEN = municipality("08117019", "Göppingen")
BAD_BOLL = municipality("08117007", "Bad Boll")
ESLINGEN = municipality("08117049", "Eislingen/Fils")
DONZDORF = municipality("08117014", "Donzdorf")
SCHORNDORF = municipality("08119067", "Schorndorf")  # Rems-Murr-Kreis: another district
LRA_GOEPPINGEN = Org("rural_district", ["08", "081", "08117"], name="Landratsamt Göppingen")
LRA_REMS_MURR = Org("rural_district", ["08", "081", "08119"], name="Landratsamt Rems-Murr-Kreis")
RP_STUTTGART = Org("region", ["08", "081"], name="Regierungspräsidium Stuttgart")
RP_KARLSRUHE = Org("region", ["08", "082"], name="Regierungspräsidium Karlsruhe")
STUTTGART = Org(
    "urban_district", ["08", "081", "08111", "08111000"], name="Landeshauptstadt Stuttgart"
)
FREIBURG = municipality(
    "08311000", "Freiburg im Breisgau"
)  # a Stadtkreis seen as a municipality token
PLATFORM = Org("platform", [], org=org_id_for_slug("platform"), name="Pakt platform operator")
CARITAS = Org(
    "charity",
    ["08", "081", "08117"],
    org=org_id_for_slug("caritas-fils-neckar-alb"),
    name="Caritas",
)
