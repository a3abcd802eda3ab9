"""Ballots and their validity (190-QĐ/TW Art 15 and 30.1; 244-QĐ/TW Art 17)."""
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Literal, NamedTuple, get_args

from daihoi.rules.ruleset import CURRENT, RuleSet

Form = Literal["strike", "approve"]
Mark = Literal["agree", "disagree", "both", "none"]
Flag = Literal["not_issued", "write_in", "extra_content", "signed"]
InvalidReason = Literal[
    "not_issued", "too_many_names", "all_struck", "write_in", "extra_content", "signed",
    "both_or_neither",
]

FORMS: tuple[Form, ...] = get_args(Form)
MARKS: tuple[Mark, ...] = get_args(Mark)
FLAGS: tuple[Flag, ...] = get_args(Flag)
# The order matters: an invalid ballot is reported under the first reason that applies.
INVALID_REASONS: tuple[InvalidReason, ...] = get_args(InvalidReason)


# Ballots are named tuples, not dataclasses: counting groups identical papers in a Counter, and a
# tuple's hash and equality run in C, several times faster over a million ballots.
class StrikeBallot(NamedTuple):
    """A ballot of a list with margin: the voter strikes the whole name of each person not
    elected (190-QĐ/TW Art 15). ``flags`` are what the counting committee saw on the paper."""

    struck: frozenset[str] = frozenset()
    flags: frozenset[Flag] = frozenset()


class ApproveBallot(NamedTuple):
    """A ballot of a list without margin: Agree / Disagree boxes per name (190-QĐ/TW Art 15).
    ``marks`` holds (candidate id, mark) pairs, sorted, without "none": a name with no pair was
    left unmarked. Build it with ``ApproveBallot.of``."""

    marks: tuple[tuple[str, Mark], ...] = ()
    flags: frozenset[Flag] = frozenset()

    @classmethod
    def of(cls, marks: Mapping[str, Mark], flags: Iterable[Flag] = ()) -> "ApproveBallot":
        """The canonical ballot for these marks, so that equal papers are equal values."""
        pairs = tuple(sorted((cid, mark) for cid, mark in marks.items() if mark != "none"))
        return cls(pairs, frozenset(flags))


Ballot = StrikeBallot | ApproveBallot


def ballot_ids(ballot: Ballot) -> AbstractSet[str]:
    """The candidate ids a ballot mentions, to reject ids not on the list."""
    if isinstance(ballot, StrikeBallot):
        return ballot.struck
    return {cid for cid, _ in ballot.marks}


def check_ballot(
    ballot: Ballot, names: int, seats: int, ruleset: RuleSet = CURRENT
) -> InvalidReason | None:
    """None for a valid ballot, else the first reason in INVALID_REASONS that makes it invalid.
    Valid: issued by the counting committee and no more names left than seats (190-QĐ/TW
    Art 30.1); invalid also: every name struck on a multi-name list, a name written in
    (244-QĐ/TW Art 17), content added or signed ([C] extra_content_or_signed_invalid), both boxes
    or none on a single-name list ([C] single_name_both_or_neither_invalid). ``names`` is the
    length of the list, ``seats`` the number to elect."""
    flags = ballot.flags
    if "not_issued" in flags:
        return "not_issued"
    if isinstance(ballot, StrikeBallot):
        left = names - len(ballot.struck)
        if left > seats:
            return "too_many_names"
        if left == 0 and names > 1:
            return "all_struck"
    if "write_in" in flags:
        return "write_in"
    if ruleset.extra_content_or_signed_invalid:
        if "extra_content" in flags:
            return "extra_content"
        if "signed" in flags:
            return "signed"
    if isinstance(ballot, ApproveBallot) and names == 1 and _undecided(ballot, ruleset):
        return "both_or_neither"
    return None



def _undecided(ballot: ApproveBallot, ruleset: RuleSet) -> bool:
    """Both boxes or none for the only name, when that makes the ballot invalid."""
    decided = any(mark in ("agree", "disagree") for _, mark in ballot.marks)
    return ruleset.single_name_both_or_neither_invalid and not decided
