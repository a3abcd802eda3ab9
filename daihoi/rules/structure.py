"""The branch: its leadership structure and the secretary's round limit (294-QĐ/TW)."""
from dataclasses import dataclass

from daihoi.rules.ruleset import CURRENT, RuleSet


@dataclass(frozen=True)
class BranchStructure:
    """What a branch elects. ``committee_max_seats`` is 0 when it elects no committee."""

    full_members: int
    valid: bool
    committee: bool
    committee_max_seats: int
    deputy_secretaries_max: int
    description: str


def branch_structure(full_members: int, ruleset: RuleSet = CURRENT) -> BranchStructure:
    """With 9 or more full members: a committee of at most 7, then from it the secretary and one
    deputy; with fewer: a secretary and, if needed, one deputy, no committee; fewer than 3 full
    members is not a branch (294-QĐ/TW)."""
    deputies = ruleset.deputy_secretaries_max
    if full_members < ruleset.branch_min_full_members:
        return BranchStructure(
            full_members, False, False, 0, 0,
            f"Chi bộ có {full_members} đảng viên chính thức: cần ít nhất "
            f"{ruleset.branch_min_full_members} đảng viên chính thức",
        )
    if full_members < ruleset.committee_min_full_members:
        return BranchStructure(
            full_members, True, False, 0, deputies,
            f"Chi bộ có {full_members} đảng viên chính thức: bầu bí thư và, nếu cần, "
            f"{deputies} phó bí thư; không bầu chi ủy",
        )
    seats = ruleset.committee_max_seats
    return BranchStructure(
        full_members, True, True, seats, deputies,
        f"Chi bộ có {full_members} đảng viên chính thức: bầu chi ủy không quá {seats} người, "
        f"rồi bầu bí thư và {deputies} phó bí thư trong chi ủy",
    )


def may_hold_secretary_round(round_number: int, ruleset: RuleSet = CURRENT) -> bool:
    """Whether the congress may hold this round (1, 2, 3, …) to elect the branch secretary: at
    most 3 rounds; after the third failure the upper committee appoints (294-QĐ/TW)."""
    return 1 <= round_number <= ruleset.secretary_max_rounds
