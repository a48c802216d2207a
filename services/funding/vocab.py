"""Closed vocabularies of funding read models: the contract lists their values as enums."""

from __future__ import annotations

from typing import Literal

Step = Literal["applicant", "district", "council", "closed"]
"""Who holds an application: the applicant, the district office, the regional council, nobody."""
ApplicantKind = Literal["municipality", "consortium", "district"]
FrameStatus = Literal["preliminary", "final"]
Decision = Literal["approve", "partially_approve", "reject"]
Decided = Literal["approved", "partially_approved", "rejected"]
BatchMode = Literal["per_item", "all_or_nothing"]
DecidingMode = Literal["statewide", "regional"]
