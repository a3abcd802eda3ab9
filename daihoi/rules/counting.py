"""Counting one round and deciding who is elected (190-QĐ/TW Art 30; Charter Art 12.3)."""
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from daihoi.rules.ballots import (
    INVALID_REASONS,
    ApproveBallot,
    Ballot,
    Form,
    InvalidReason,
    StrikeBallot,
    ballot_ids,
    check_ballot,
)
from daihoi.rules.electorate import is_more_than_half, threshold
from daihoi.rules.errors import InputError
from daihoi.rules.lists import choose_form
from daihoi.rules.percent import percent
from daihoi.rules.ranking import Tie, top
from daihoi.rules.ruleset import CURRENT, RuleSet

Status = Literal["complete", "unfilled", "tie", "void"]


@dataclass(frozen=True)
class Candidate:
    """A person on the election list, in the list's (ballot) order."""

    id: str
    name: str


@dataclass(frozen=True)
class Round:
    """One round of one election (lần bầu): its own ballot, counts and minutes (190-QĐ/TW
    Art 30). ``issued`` None means as many as collected; ``form`` None means chosen from the list
    (``choose_form``)."""

    seats: int
    candidates: tuple[Candidate, ...]
    denominator: int
    issued: int | None = None
    form: Form | None = None

    def __post_init__(self) -> None:
        if self.seats < 1:
            raise InputError("seats", "must be at least 1")
        if not self.candidates:
            raise InputError("candidates", "the list has nobody on it")
        seen: set[str] = set()
        for index, candidate in enumerate(self.candidates):
            if candidate.id in seen:
                raise InputError(f"candidates[{index}].id", f"duplicate id {candidate.id!r}")
            seen.add(candidate.id)
        if self.denominator < 1:
            raise InputError("electorate", f"the denominator D is {self.denominator}, must be ≥ 1")
        if self.issued is not None and self.issued < 0:
            raise InputError("issued", "must not be negative")
        if self.form == "approve" and len(self.candidates) > self.seats:
            raise InputError("form", "\"approve\" needs no more candidates than seats")

    @property
    def ballot_form(self) -> Form:
        return self.form or choose_form(len(self.candidates), self.seats)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(candidate.id for candidate in self.candidates)


@dataclass(frozen=True)
class Totals:
    """The counts of a round: hand-counted, or made by ``tally_ballots``. Ids missing from
    ``votes`` have 0 votes; ``invalid_reasons``, when given, add up to ``invalid``."""

    valid: int
    invalid: int
    votes: Mapping[str, int]
    invalid_reasons: Mapping[InvalidReason, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BallotCounts:
    issued: int
    collected: int
    valid: int
    invalid: int
    invalid_reasons: dict[InvalidReason, int]


@dataclass(frozen=True)
class CandidateResult:
    id: str
    name: str
    votes: int
    percent: str
    elected: bool


@dataclass(frozen=True)
class RoundResult:
    """Everything the counting minutes report about a round (election-rules.md §7), in the
    order of the ``daihoi tally`` JSON contract."""

    denominator: int
    threshold: int
    seats: int
    status: Status
    ballots: BallotCounts
    candidates: tuple[CandidateResult, ...]
    elected: tuple[str, ...]
    unfilled: int
    tie: Tie | None


def count_round(
    round_: Round, ballots: Iterable[Ballot] | Totals, ruleset: RuleSet = CURRENT
) -> RoundResult:
    """Count a round from its ballot records (one per collected ballot) or from hand-counted
    totals, and decide the outcome: elected highest first, seats unfilled, a tie for the last
    seat(s), or a void round when more ballots were collected than issued (190-QĐ/TW Art 30;
    [C] void_when_collected_exceeds_issued, tie_break)."""
    totals = ballots if isinstance(ballots, Totals) else tally_ballots(round_, ballots, ruleset)
    _check_totals(round_, totals)
    votes = {cid: totals.votes.get(cid, 0) for cid in round_.ids}
    collected = totals.valid + totals.invalid
    issued = collected if round_.issued is None else round_.issued
    void = ruleset.void_when_collected_exceeds_issued and collected > issued
    elected, tie = ((), None) if void else decide_seats(votes, round_.seats, round_.denominator, ruleset)
    d = round_.denominator
    return RoundResult(
        denominator=d,
        threshold=threshold(d, ruleset),
        seats=round_.seats,
        status=_status(void, elected, tie, round_.seats),
        ballots=BallotCounts(
            issued, collected, totals.valid, totals.invalid,
            {reason: totals.invalid_reasons.get(reason, 0) for reason in INVALID_REASONS},
        ),
        candidates=tuple(
            CandidateResult(c.id, c.name, votes[c.id], percent(votes[c.id], d, ruleset), c.id in elected)
            for c in round_.candidates
        ),
        elected=elected,
        unfilled=round_.seats - len(elected),
        tie=tie,
    )


def decide_seats(
    votes: Mapping[str, int], seats: int, denominator: int, ruleset: RuleSet = CURRENT
) -> tuple[tuple[str, ...], Tie | None]:
    """Who is elected and which tie remains: only candidates with 2 × votes > D qualify
    (Charter Art 12.3); seats go to the highest counts (190-QĐ/TW Art 30); if equal counts above
    half straddle the last seat, none of them is elected and they go to a re-vote ([C] tie_break).
    ``votes`` is in list order, which orders equal counts."""
    above = {cid: n for cid, n in votes.items() if is_more_than_half(n, denominator, ruleset)}
    return top(above, seats)


def runoff_round(round_: Round, tie: Tie, ruleset: RuleSet = CURRENT) -> Round:
    """The re-vote after a tie: a new round among the tied candidates for the seats they tied
    for, same D, same more-than-half rule ([C] setting tie_break, default revote_new_round)."""
    tied = tuple(c for c in round_.candidates if c.id in tie.candidates)
    return Round(seats=tie.seats, candidates=tied, denominator=round_.denominator)


def tally_ballots(round_: Round, ballots: Iterable[Ballot], ruleset: RuleSet = CURRENT) -> Totals:
    """Validate and count ballot records (190-QĐ/TW Art 30.1): identical papers are grouped, so
    each distinct ballot is checked once. Strike form: a name gets a vote from every valid ballot
    that does not strike it; approve form: from every valid ballot that marks it "agree"."""
    known = frozenset(round_.ids)
    form = round_.ballot_form
    valid = 0
    marked: Counter[str] = Counter()
    reasons: Counter[InvalidReason] = Counter()
    for ballot, copies in Counter(ballots).items():
        _check_fits(ballot, form, known)
        reason = check_ballot(ballot, len(known), round_.seats, ruleset)
        if reason is not None:
            reasons[reason] += copies
            continue
        valid += copies
        if copies == 1:
            marked.update(_marked(ballot))  # counted in C: long lists, every paper different
        else:
            for cid in _marked(ballot):
                marked[cid] += copies
    if form == "strike":
        votes = {cid: valid - marked[cid] for cid in round_.ids}
    else:
        votes = {cid: marked[cid] for cid in round_.ids}
    return Totals(valid, sum(reasons.values()), votes, dict(reasons))


def _marked(ballot: Ballot) -> Iterable[str]:
    if isinstance(ballot, StrikeBallot):
        return ballot.struck
    return tuple(cid for cid, mark in ballot.marks if mark == "agree")


def _check_fits(ballot: Ballot, form: Form, known: frozenset[str]) -> None:
    expected = StrikeBallot if form == "strike" else ApproveBallot
    if not isinstance(ballot, expected):
        raise InputError("ballots", f"a {form} round needs {expected.__name__} records")
    ids = ballot_ids(ballot)
    if not known.issuperset(ids):
        raise InputError("ballots", f"unknown candidate id {min(ids - known)!r}")


def _check_totals(round_: Round, totals: Totals) -> None:
    for name in ("valid", "invalid"):
        if getattr(totals, name) < 0:
            raise InputError(f"totals.{name}", "must not be negative")
    known = set(round_.ids)
    for cid, count in totals.votes.items():
        if cid not in known:
            raise InputError(f"totals.votes.{cid}", f"unknown candidate id {cid!r}")
        if not 0 <= count <= totals.valid:
            raise InputError(f"totals.votes.{cid}", f"must be between 0 and the {totals.valid} valid ballots")
    for reason, count in totals.invalid_reasons.items():
        if reason not in INVALID_REASONS:
            raise InputError(f"totals.invalid_reasons.{reason}", "unknown reason")
        if count < 0:
            raise InputError(f"totals.invalid_reasons.{reason}", "must not be negative")
    given = sum(totals.invalid_reasons.values())
    if totals.invalid_reasons and given != totals.invalid:
        raise InputError("totals.invalid_reasons", f"add up to {given}, not {totals.invalid}")


def _status(void: bool, elected: tuple[str, ...], tie: Tie | None, seats: int) -> Status:
    if void:
        return "void"
    if tie is not None:
        return "tie"
    return "complete" if len(elected) == seats else "unfilled"
