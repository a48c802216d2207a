"""The route of an application, derived from the applicant's AGS chain in the token.

- district = the 5-digit AGS prefix, Regierungsbezirk = the 3-digit prefix.
- The district step is skipped when the applicant is a Stadtkreis (token `org_kind`
  `urban_district`, or its district key is one of the nine Stadtkreise of Baden-Württemberg,
  so a municipality token of Stuttgart, AGS 08111000, skips it too) or a district office
  applying for itself (`org_kind` `rural_district`).
- The deciding council is the programme's statewide council, or the applicant's own region.
- Offices are addressed by their deterministic organization ids (`uuid5` of `ags:<AGS>`,
  docs/CONVENTIONS.md); a caller acts for an office when its token's `org` is that id.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.common.auth import Principal
from services.common.orgs import org_id_for_ags

# the nine Stadtkreise (cities that are their own district)
STADTKREISE = frozenset(
    {"08111", "08121", "08211", "08212", "08221", "08222", "08231", "08311", "08421"}
)
DISTRICT_KINDS = frozenset({"rural_district", "urban_district"})


@dataclass(frozen=True)
class Route:
    """Who handles an application at each step."""

    applicant_ags: str
    district_ags: str
    region_ags: str
    district_org_id: str | None
    council_ags: str
    council_org_id: str

    @property
    def has_district_step(self) -> bool:
        return self.district_org_id is not None


def own_ags(principal: Principal) -> str | None:
    """The AGS key of the caller's organization: the most specific key of its path."""
    path = [p for p in principal.org_path if p.isdigit()]
    return path[-1] if path else None


def skips_district(org_kind: str, ags: str) -> bool:
    return org_kind in DISTRICT_KINDS or ags[:5] in STADTKREISE


def route_for(org_kind: str, ags: str, *, statewide_council: str | None) -> Route:
    """The route for an applicant with AGS `ags` (a municipality's 8 digits or a district's 5)."""
    district = ags[:5]
    region = ags[:3]
    council = statewide_council or region
    return Route(
        applicant_ags=ags,
        district_ags=district,
        region_ags=region,
        district_org_id=None if skips_district(org_kind, ags) else org_id_for_ags(district),
        council_ags=council,
        council_org_id=org_id_for_ags(council),
    )
