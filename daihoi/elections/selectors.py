"""Reads of the elections: lists, what is elected so far, station reconciliation, and each round's
result — always decided by the rules core (``count_round``) from the records."""
from collections import defaultdict
import json
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from daihoi.congresses.models import Body, BodySeat
from daihoi.elections.models import (
    BallotResolution, Candidate, CandidateStatus, CountMethod, Election, ElectionList, Office, Round, RoundStatus)
from daihoi.lib.i18n import vietnamese
from daihoi.organizations.models import Attachment, Member, MemberStatus
from daihoi.plans.models import Congress, PersonnelPlan, ResultSource
from daihoi.plans.services import ResultInput
from daihoi.rules import counting
from daihoi.rules.ballots import ApproveBallot, Ballot, StrikeBallot
from daihoi.rules.electorate import MembersElectorate
from daihoi.rules.errors import InputError
from daihoi.rules.lists import check_list, choose_form, slate_range
from daihoi.rules.ranking import Tie
from daihoi.rules.tally_json import result_json
from daihoi.rules.structure import branch_structure

FROM_COMMITTEE = (Office.SECRETARY, Office.DEPUTY_SECRETARY)
# The elections whose results the ward approves (chuẩn y), in plans' ResultInput.
APPROVAL_OFFICES = (Office.COMMITTEE, Office.SECRETARY, Office.DEPUTY_SECRETARY)

Reading = tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...]]


def full_member_count(congress: Congress) -> int:
    """Full members on the branch's roll, what the branch structure depends on (294-QĐ/TW)."""
    members = congress.branch.members.filter(status=MemberStatus.FULL)
    return members.exclude(attachment=Attachment.HERE).count()


def elections_of(congress: Congress) -> QuerySet[Election]:
    return congress.elections.order_by("created_at", "id")


def current_list(election: Election) -> ElectionList | None:
    return election.lists.order_by("-version").first()


def on_list(election_list: ElectionList) -> list[Candidate]:
    """The names on the ballot of this version, in A-B-C order (rules core ``sort_key``)."""
    return list(election_list.candidates.filter(status=CandidateStatus.ON_LIST).order_by("name_sort_key", "id"))


def elected_ids(election: Election) -> set[int]:
    """Members elected by the announced rounds of the election."""
    ids: set[int] = set()
    for round_ in election.rounds.filter(status=RoundStatus.LOCKED):
        ids |= {int(cid) for cid in (round_.result or {}).get("elected", ())}
    return set(Candidate.objects.filter(pk__in=ids).values_list("member_id", flat=True))


def remaining_seats(election: Election) -> int:
    return election.seats - len(elected_ids(election))


def committee_elected_ids(congress: Congress) -> set[int] | None:
    """Whom the secretary and deputy may be chosen from: the newly elected committee where the
    branch elects one (294-QĐ/TW), else None (any full member may stand)."""
    if not branch_structure(full_member_count(congress)).committee:
        return None
    committee = congress.elections.filter(office=Office.COMMITTEE).first()
    return set() if committee is None else elected_ids(committee)


def plan_candidates(congress: Congress, office: str) -> list[Member]:
    """The approved personnel plan's names for this office, if the branch has a plan."""
    plan = PersonnelPlan.objects.filter(congress=congress).first()
    if plan is None:
        return []
    if office == Office.COMMITTEE:
        return list(plan.slate.all())
    person = {Office.SECRETARY: plan.secretary, Office.DEPUTY_SECRETARY: plan.deputy}.get(office)
    return [person] if person else []


def list_problems(election: Election, election_list: ElectionList) -> list[str]:
    """Why the list cannot be adopted yet: nominees not polled, and the rules core's margin and
    order checks (190-QĐ/TW Art 14)."""
    problems = []
    pending = election_list.candidates.filter(status=CandidateStatus.PROPOSED).count()
    if pending:
        problems.append(f"Còn {pending} người ứng cử, đề cử chưa lấy phiếu giới thiệu.")
    names = [c.full_name for c in on_list(election_list)]
    return problems + check_list(election_list.seats, names, election.office)


def slate_note(election: Election, election_list: ElectionList) -> str:
    """The outgoing committee's slate should have a margin of 10–15% (190-QĐ/TW Art 14)."""
    if election.office != Office.COMMITTEE:
        return ""
    low, high = slate_range(election_list.seats)
    return f"Chi ủy khóa trước giới thiệu từ {low} đến {high} người cho {election_list.seats} chi ủy viên."


# ---- rounds ---------------------------------------------------------------------------------

def ballot_candidates(round_: Round) -> list[Candidate]:
    return on_list(round_.election_list)


def rules_round(round_: Round, candidates: list[Candidate] | None = None) -> counting.Round:
    """The rules core's view of a round: seats, the list in ballot order, the frozen D."""
    candidates = ballot_candidates(round_) if candidates is None else candidates
    return counting.Round(
        seats=round_.seats, candidates=tuple(counting.Candidate(str(c.pk), c.full_name) for c in candidates),
        denominator=round_.snapshot.denominator, issued=round_.issued)


def ballot_form(round_: Round, names: int | None = None) -> str:
    """Strike or agree/disagree, by the list's shape (rules core ``choose_form``)."""
    names = ballot_candidates_count(round_) if names is None else names
    return choose_form(names, round_.seats)


def ballot_candidates_count(round_: Round) -> int:
    return round_.election_list.candidates.filter(status=CandidateStatus.ON_LIST).count()


@dataclass
class Disagreement:
    number: int
    readings: dict[int, Reading | None]
    resolution: Reading | None = None


@dataclass
class Reconciliation:
    """The stations' readings compared ballot by ballot: ``agreed`` maps each ballot number to
    the reading that counts (agreed by all stations, or resolved by the head)."""

    agreed: dict[int, Reading] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)
    entered: dict[int, int] = field(default_factory=dict)

    @property
    def open(self) -> list[Disagreement]:
        return [d for d in self.disagreements if d.resolution is None]


def reconcile(round_: Round) -> Reconciliation:
    """Compare the stations: a ballot counts when every station read it alike or the head
    resolved it; a ballot missing at a station is a disagreement too."""
    stations = range(1, round_.station_count + 1)
    readings: dict[int, dict[int, Reading]] = defaultdict(dict)
    entered = dict.fromkeys(stations, 0)
    for station, number, struck, marks, flags in round_.entries.values_list("station", "number", "struck", "marks", "flags"):
        readings[number][station] = (tuple(struck), tuple(marks), tuple(flags))
        entered[station] = entered.get(station, 0) + 1
    resolved = {r.number: (tuple(r.struck), tuple(r.marks), tuple(r.flags)) for r in BallotResolution.objects.filter(round=round_)}
    result = Reconciliation(entered=entered)
    for number in sorted(readings):
        by_station = readings[number]
        distinct = set(by_station.values())
        if len(distinct) == 1 and len(by_station) == len(stations):
            result.agreed[number] = distinct.pop()
            continue
        disagreement = Disagreement(number, {s: by_station.get(s) for s in stations}, resolved.get(number))
        result.disagreements.append(disagreement)
        if disagreement.resolution is not None:
            result.agreed[number] = disagreement.resolution
    return result


def to_ballot(reading: Reading, ids: tuple[str, ...], form: str) -> Ballot:
    """A station's reading (rows are 1-based ballot positions) as the rules core's ballot."""
    struck, marks, flags = reading
    if form == "strike":
        return StrikeBallot(frozenset(ids[row - 1] for row in struck), frozenset(flags))  # type: ignore[arg-type]
    return ApproveBallot.of(dict(zip(ids, marks)), flags)  # type: ignore[arg-type]


@dataclass
class Outcome:
    """A round's result from the rules core, or why there is none yet."""

    problems: list[str]
    result: counting.RoundResult | None = None
    reconciliation: Reconciliation | None = None

    @property
    def result_json(self) -> dict[str, Any] | None:
        """As stored: the ``daihoi tally`` contract's JSON (rules core ``result_json``)."""
        return None if self.result is None else json.loads(json.dumps(result_json(self.result)))


def round_outcome(round_: Round) -> Outcome:
    """Count the round with the rules core once its counts are complete: hand totals, or every
    collected ballot agreed by the stations (or resolved by the head)."""
    if round_.status == RoundStatus.OPEN or round_.collected is None:
        return Outcome(["Chưa nhập số phiếu phát ra và thu vào."])
    spec = rules_round(round_)
    if round_.method == CountMethod.HAND:
        if round_.totals is None:
            return Outcome(["Chưa nhập kết quả kiểm đếm."])
        totals = round_.totals
        return _counted(spec, counting.Totals(
            totals["valid"], totals["invalid"], totals["votes"], totals.get("invalid_reasons", {})), None)
    reconciliation = reconcile(round_)
    problems = []
    if reconciliation.open:
        problems.append(f"Còn {len(reconciliation.open)} phiếu các máy nhập khác nhau, chờ Trưởng ban kiểm phiếu quyết định.")
    missing = round_.collected - len(reconciliation.agreed) - len(reconciliation.open)
    if missing > 0:
        problems.append(f"Còn {missing} phiếu chưa nhập (thu vào {round_.collected} phiếu).")
    if problems:
        return Outcome(problems, reconciliation=reconciliation)
    ballots = [to_ballot(reading, spec.ids, spec.ballot_form) for reading in reconciliation.agreed.values()]
    return _counted(spec, ballots, reconciliation)


def _counted(spec: counting.Round, ballots: Any, reconciliation: Reconciliation | None) -> Outcome:
    try:
        return Outcome([], counting.count_round(spec, ballots), reconciliation)
    except InputError as error:
        return Outcome([f"Số liệu kiểm phiếu không khớp ({error.field}): {error.message}"], reconciliation=reconciliation)


def runoff_of(round_: Round) -> counting.Round:
    """The re-vote after this round's tie (rules core ``runoff_round``)."""
    tie = round_.result["tie"]
    return counting.runoff_round(rules_round(round_), Tie(tuple(tie["candidates"]), tie["seats"]))


def counting_head_member_id(congress: Congress) -> int | None:
    seat = BodySeat.objects.filter(congress=congress, body=Body.COUNTING_COMMITTEE, is_head=True).first()
    return seat.member_id if seat else None


def counting_committee(congress: Congress) -> list[BodySeat]:
    return list(BodySeat.objects.filter(congress=congress, body=Body.COUNTING_COMMITTEE).select_related("member"))


def candidate_member_ids(congress: Congress) -> set[int]:
    """Everyone on any list of the congress: the hall's ``check_counting_committee`` needs them."""
    return set(Candidate.objects.filter(election_list__election__congress=congress).values_list("member_id", flat=True))


def result_from_json(data: dict[str, Any]) -> counting.RoundResult:
    """The announced RoundResult back from its stored JSON (the ``daihoi tally`` contract)."""
    tie = data["tie"]
    return counting.RoundResult(
        denominator=data["denominator"], threshold=data["threshold"], seats=data["seats"], status=data["status"],
        ballots=counting.BallotCounts(**data["ballots"]),
        candidates=tuple(counting.CandidateResult(**c) for c in data["candidates"]),
        elected=tuple(data["elected"]), unfilled=data["unfilled"],
        tie=None if tie is None else Tie(tuple(tie["candidates"]), tie["seats"]))


def locked_rounds(congress: Congress) -> QuerySet[Round]:
    """The announced rounds of a congress, election by election, each in its order: one set of
    counting minutes each (election-rules.md §7)."""
    return Round.objects.filter(election__congress=congress, status=RoundStatus.LOCKED).select_related(
        "election__congress", "snapshot").order_by("election__created_at", "election_id", "number")


def round_minutes_context(round_: Round) -> dict[str, Any]:
    """What the counting minutes (biên bản kiểm phiếu, election-rules.md §7) are written from, in
    the documents app's terms (``CountingMinutesInput`` without its header facts): the election,
    the round, the frozen electorate and those present, the counting committee (head, members),
    the announced RoundResult of the rules core, and when it was announced."""
    snapshot = round_.snapshot
    seats = counting_committee(round_.election.congress)
    head = next((seat.member.full_name for seat in seats if seat.is_head), "")
    return {
        "congress": round_.election.congress,
        "election": vietnamese(Office(round_.election.office).label),
        "round_number": round_.number,
        "electorate": MembersElectorate(summoned=snapshot.summoned, **snapshot.exclusions),
        "present": snapshot.present,
        "committee": (head, tuple(seat.member.full_name for seat in seats if not seat.is_head)),
        "result": None if round_.result is None else result_from_json(round_.result),
        # The minutes state the hall's clock, not the UTC the database keeps.
        "completed_at": round_.locked_at and timezone.localtime(round_.locked_at),
        # The seal taken when the round was announced (the latest, after a recount), issue 10.
        "fingerprint": round_.seals.order_by("-sealed_at", "-id").values_list("fingerprint", flat=True).first() or "",
    }


# ---- the results the branch submits for approval -------------------------------------------

def elected_with_votes(election: Election) -> list[tuple[Member, int]] | None:
    """Those the announced rounds elected, highest first, each with the votes of the round that
    elected them (as the rules core counted them); None while seats remain to be filled."""
    people: list[tuple[int, int]] = []
    for round_ in election.rounds.filter(status=RoundStatus.LOCKED).order_by("number"):
        votes = {c["id"]: c["votes"] for c in round_.result["candidates"]}
        people += [(int(cid), votes[cid]) for cid in round_.result["elected"]]
    if len(people) < election.seats:
        return None
    candidates = Candidate.objects.select_related("member").in_bulk([pk for pk, _ in people])
    return sorted(((candidates[pk].member, votes) for pk, votes in people), key=lambda person: -person[1])


def result_input_from_rounds(congress: Congress) -> ResultInput | None:
    """The results for approval taken from the announced rounds instead of typed: the committee
    (where the branch elects one, 294-QĐ/TW), the secretary and the deputy (if elected), each
    with their votes; summoned, present and D as frozen when the committee's election (else the
    secretary's) opened its first round. None until each of these elections has filled its seats."""
    elections = {e.office: e for e in elections_of(congress) if e.office in APPROVAL_OFFICES}
    needs_committee = branch_structure(full_member_count(congress)).committee
    if Office.SECRETARY not in elections or (needs_committee and Office.COMMITTEE not in elections):
        return None
    found = {office: elected_with_votes(election) for office, election in elections.items()}
    elected = {office: people for office, people in found.items() if people is not None}
    if len(elected) < len(found):
        return None
    committee = elections.get(Office.COMMITTEE)
    first = Round.objects.select_related("snapshot").get(election=committee or elections[Office.SECRETARY], number=1)
    deputy = elected.get(Office.DEPUTY_SECRETARY)
    return ResultInput(
        summoned=first.snapshot.summoned, present=first.snapshot.present, denominator=first.snapshot.denominator,
        committee_seats=committee.seats if committee else 0, committee=elected.get(Office.COMMITTEE, []),
        secretary=elected[Office.SECRETARY][0], deputy=deputy[0] if deputy else None, source=ResultSource.ELECTIONS)
