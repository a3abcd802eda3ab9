"""Who counts: the denominator D, the winning threshold, quorum and show-of-hands majorities."""
from dataclasses import dataclass, fields
from typing import NamedTuple

from daihoi.rules.ruleset import CURRENT, RuleSet


@dataclass(frozen=True)
class MembersElectorate:
    """A congress of all members (đại hội đảng viên): full members summoned, and those that
    190-QĐ/TW Art 30.2 takes out of D. An excused member who attends is not ``excused_absent``;
    a member absent without an accepted reason is not excluded at all."""

    summoned: int
    attached_elsewhere: int = 0
    excused_absent: int = 0
    suspended: int = 0
    prosecuted_or_detained: int = 0
    absent_with_accepted_reason: int = 0


@dataclass(frozen=True)
class DelegatesElectorate:
    """A congress of delegates (đại hội đại biểu): official delegates summoned, minus convening
    committee members absent all congress and delegates absent all congress with no alternate
    (244-QĐ/TW Art 21, assumed unchanged in 190-QĐ/TW)."""

    summoned: int
    committee_absent: int = 0
    delegates_absent_unreplaced: int = 0


Electorate = MembersElectorate | DelegatesElectorate


class QuorumCheck(NamedTuple):
    met: bool
    reason: str


def denominator(electorate: Electorate) -> int:
    """D: those summoned minus every exclusion of the electorate (190-QĐ/TW Art 30.2). D is the
    base of the winning rule, of quorum and of show-of-hands majorities. May be < 1: callers
    reject such an electorate."""
    return electorate.summoned - sum(exclusions(electorate).values())


def exclusions(electorate: Electorate) -> dict[str, int]:
    """The counts taken out of D, by name (190-QĐ/TW Art 30.2), for the counting minutes."""
    names = [field.name for field in fields(electorate) if field.name != "summoned"]
    return {name: getattr(electorate, name) for name in names}


def threshold(denominator: int, ruleset: RuleSet = CURRENT) -> int:
    """The fewest votes that win: D // 2 + 1 under the more-than-half rule (Charter Art 12.3,
    190-QĐ/TW Art 30). Shown to the congress; decisions use ``is_more_than_half``."""
    majority = ruleset.majority
    return denominator * majority.numerator // majority.denominator + 1


def is_more_than_half(votes: int, denominator: int, ruleset: RuleSet = CURRENT) -> bool:
    """Elected only if 2 × votes > D: exactly half is not enough (Charter Art 12.3,
    190-QĐ/TW Art 30). Integer arithmetic, never a rounded percentage."""
    majority = ruleset.majority
    return votes * majority.denominator > denominator * majority.numerator


def motion_passes(agree: int, denominator: int, ruleset: RuleSet = CURRENT) -> bool:
    """A show-of-hands vote needing "more than half of the members" (withdrawals, the counting
    committee, the list) passes with more than half of D, not of those present (Charter Art 12.3,
    190-QĐ/TW Art 30.2)."""
    return is_more_than_half(agree, denominator, ruleset)


def quorum_needed(denominator: int, ruleset: RuleSet = CURRENT) -> int:
    """The fewest full members present for a valid congress: two thirds of D, rounded up
    ([C] setting quorum, default 2/3)."""
    share = ruleset.quorum
    return -(-denominator * share.numerator // share.denominator)


def quorum_met(present: int, denominator: int, ruleset: RuleSet = CURRENT) -> QuorumCheck:
    """Whether the congress may proceed: 3 × present ≥ 2 × D, with a Vietnamese reason for the
    minutes ([C] setting quorum, default 2/3)."""
    needed = quorum_needed(denominator, ruleset)
    share = ruleset.quorum
    stated = f"có mặt {present}/{denominator} đảng viên chính thức, cần ít nhất {needed} "
    stated += f"({share.numerator}/{share.denominator})"
    if present >= needed:
        return QuorumCheck(True, f"Đủ điều kiện tiến hành đại hội: {stated}")
    return QuorumCheck(False, f"Không đủ điều kiện tiến hành đại hội: {stated}")
