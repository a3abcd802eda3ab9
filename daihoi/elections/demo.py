"""Demo elections: the current season's congress of the branch whose secretary is ``bithu1`` gets
a complete election record through the elections services: members checked in, a counting
committee, the committee, secretary and deputy elections with their lists adopted, and one round
each counted ballot by ballot at one station and announced. The plans demo already approved this
congress's results (typed from paper), so the ballots are generated to reproduce exactly those
votes: the counting minutes, the projector and the approval documents tell one story.
Deterministic (no randomness; members taken in A-B-C order) and idempotent (a congress that
already has elections is left alone)."""
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from daihoi.accounts.models import Role, User
from daihoi.congresses import services as hall
from daihoi.congresses.models import Body, Proceedings
from daihoi.congresses.selectors import ENTITLED, SITUATION, hall_counts, standing
from daihoi.elections import selectors, services
from daihoi.elections.models import Candidate, Election, Office
from daihoi.plans.models import Congress, CongressResult
from daihoi.rules.electorate import threshold

COUNTERS = 3


def demo_build() -> dict[str, str]:
    congress = Congress.objects.filter(branch__users__username="bithu1").order_by("-plan__window_start", "-id").first()
    result = getattr(congress, "result", None) if congress else None
    secretary = User.objects.filter(username="bithu1", role=Role.BRANCH_SECRETARY).first()
    if congress is None or result is None or secretary is None or congress.elections.exists():
        return {}
    with transaction.atomic():
        _seat_the_hall(congress, result)
        hall.proceedings_mark(congress=congress, moment="opened_at")
        for office, seats in _elections(result):
            _elect(congress, office, seats, dict(_votes(result, office)), secretary)
        hall.proceedings_mark(congress=congress, moment="closed_at")
        _on_the_day(congress)
    return {}


def _on_the_day(congress: Congress) -> None:
    """The demo congress took place days ago: its opening, each announcement and its closing are
    moved to that day, so that the minutes tell the time of day it happened."""
    start = timezone.make_aware(datetime.combine(congress.held_on, congress.starts_at or time(8)))
    for index, election in enumerate(selectors.elections_of(congress)):
        election.rounds.update(locked_at=start + timedelta(hours=2, minutes=40 * index))
    Proceedings.objects.filter(congress=congress).update(opened_at=start, closed_at=start + timedelta(hours=4))


def _elections(result: CongressResult) -> list[tuple[str, int]]:
    offices = result.elected.values_list("office", flat=True)
    return [(office, result.committee_seats if office == Office.COMMITTEE else 1)
            for office in (Office.COMMITTEE, Office.SECRETARY, Office.DEPUTY_SECRETARY) if office in offices]


def _votes(result: CongressResult, office: str) -> list[tuple[int, int]]:
    return list(result.elected.filter(office=office).values_list("member_id", "votes"))


def _seat_the_hall(congress: Congress, result: CongressResult) -> None:
    """Summon, then check in so that D and those present are the submitted ones: the entitled
    members in A-B-C order, the first ones away with an accepted reason if D must shrink, the
    next ones simply absent; probationary members attend too. Three members who stand for
    nothing form the counting committee, the first its head."""
    if not congress.attendances.exists():
        hall.summons_build(congress=congress)
    rows = list(congress.attendances.select_related("member").order_by("member__name_sort_key", "member_id"))
    entitled = [row for row in rows if standing(**{name: getattr(row, name) for name in SITUATION}) == ENTITLED]
    excused = len(entitled) - result.denominator
    for row in entitled[:excused]:
        hall.attendance_set_absence(attendance=row, reason="Đi công tác, có đơn xin vắng", accepted=True)
    absent = {row.pk for row in entitled[:excused + result.denominator - result.present]}
    present = [row.pk for row in rows if row.pk not in absent and (row in entitled or row.status != "full")]
    hall.attendance_check_in(congress=congress, attendance_ids=present)
    standing_for = set(result.elected.values_list("member_id", flat=True)) | set(
        congress.personnel_plan.slate.values_list("pk", flat=True))
    counters = [row.member_id for row in entitled[excused:] if row.pk not in absent and row.member_id not in standing_for]
    hall.bodies_set(congress=congress, body=Body.COUNTING_COMMITTEE, member_ids=counters[:COUNTERS], head_id=counters[0])


def _elect(congress: Congress, office: str, seats: int, votes: dict[int, int], user: User) -> Election:
    """One election: its list (the personnel plan's slate, or just the person elected), adopted
    by all present, one round counted from generated ballots and announced."""
    election = services.election_create(congress=congress, office=office, seats=seats, user=user)
    _fix_list(election, set(votes), user)
    present = hall_counts(congress).present
    services.list_adopt(election=election, hands=(present, 0, 0), user=user)
    round_ = services.round_open(election=election, user=user)
    services.round_counts_set(round_=round_, issued=present, collected=present, method="stations", station_count=1, user=user)
    candidates = selectors.ballot_candidates(round_)
    form = selectors.ballot_form(round_)
    for number, left in enumerate(_ballots(candidates, votes, seats, present, round_.snapshot.denominator), start=1):
        rows = range(1, len(candidates) + 1)
        struck = [row for row in rows if row not in left] if form == "strike" else []
        marks = [] if form == "strike" else ["agree" if row in left else "disagree" for row in rows]
        services.entry_save(round_=round_, station=1, number=number, struck=struck, marks=marks, flags=[], user=user)
    services.round_lock(round_=round_, user=user)
    return election


def _fix_list(election: Election, elected: set[int], user: User) -> None:
    """The personnel plan's slate is the list; a single office lists just the person elected."""
    draft = selectors.current_list(election)
    assert draft is not None
    if election.office != Office.COMMITTEE:
        for candidate in draft.candidates.exclude(member_id__in=elected):
            services.candidate_remove(candidate=candidate, user=user)
    for member_id in elected - set(draft.candidates.values_list("member_id", flat=True)):
        services.candidate_add(election=election, member_id=member_id, source="slate", user=user)


def _ballots(candidates: list[Candidate], votes: dict[int, int], seats: int, ballots: int, d: int) -> list[set[int]]:
    """The rows left on each ballot so that each elected person gets exactly their votes and the
    others fewer than the threshold (rules core ``threshold``), no ballot leaving more names than
    seats: each row's votes are laid over the ballots one after another, wrapping round."""
    left: list[set[int]] = [set() for _ in range(ballots)]
    spare = ballots * seats - sum(votes.values())
    others = [c for c in candidates if c.member_id not in votes]
    position = 0
    for row, candidate in enumerate(candidates, start=1):
        count = votes.get(candidate.member_id) or min(threshold(d) - 1, spare // len(others))
        for step in range(count):
            left[(position + step) % ballots].add(row)
        position = (position + count) % ballots
    return left
