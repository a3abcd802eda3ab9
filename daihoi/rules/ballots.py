"""Ballots and their validity (190-QĐ/TW Art 15 and 30.1; 244-QĐ/TW Art 17)."""
from collections.abc import Callable, Iterable, Mapping
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


def ballot_ids(ballot: Ballot) -> set[str]:
    """The candidate ids a ballot mentions, to reject ids not on the list."""
    if isinstance(ballot, StrikeBallot):
        return set(ballot.struck)
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
    for reason in INVALID_REASONS:
        if _INVALID_WHEN[reason](ballot, names, seats, ruleset):
            return reason
    return None


def _too_many_names(ballot: Ballot, names: int, seats: int, ruleset: RuleSet) -> bool:
    return isinstance(ballot, StrikeBallot) and names - len(ballot.struck) > seats


def _all_struck(ballot: Ballot, names: int, seats: int, ruleset: RuleSet) -> bool:
    return isinstance(ballot, StrikeBallot) and names > 1 and len(ballot.struck) == names


def _both_or_neither(ballot: Ballot, names: int, seats: int, ruleset: RuleSet) -> bool:
    if not isinstance(ballot, ApproveBallot) or names != 1:
        return False
    decided = any(mark in ("agree", "disagree") for _, mark in ballot.marks)
    return ruleset.single_name_both_or_neither_invalid and not decided


def _flagged(flag: Flag, setting: str | None = None) -> Callable[[Ballot, int, int, RuleSet], bool]:
    def check(ballot: Ballot, names: int, seats: int, ruleset: RuleSet) -> bool:
        applies = setting is None or bool(getattr(ruleset, setting))
        return applies and flag in ballot.flags

    return check


_INVALID_WHEN: dict[InvalidReason, Callable[[Ballot, int, int, RuleSet], bool]] = {
    "not_issued": _flagged("not_issued"),
    "too_many_names": _too_many_names,
    "all_struck": _all_struck,
    "write_in": _flagged("write_in"),
    "extra_content": _flagged("extra_content", "extra_content_or_signed_invalid"),
    "signed": _flagged("signed", "extra_content_or_signed_invalid"),
    "both_or_neither": _both_or_neither,
}
