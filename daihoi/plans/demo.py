"""Demo seasons for the demo ward: the completed 2022–2025 season of the seed article (plan
74-KH/ĐU of 12/7/2022, congresses from 20/8 to 11/9/2022, 23/23 held and approved) and a
2025–2030 season in progress around today. Results are built from each branch's members and
counted ballot by ballot through the rules core. Deterministic (fixed seeds) and idempotent (a
plan that exists is left alone)."""
import random
from datetime import date, time, timedelta

from django.db import transaction
from django.utils import timezone

from daihoi.accounts.models import Role, User
from daihoi.organizations.demo import WARD_NAME
from daihoi.organizations.models import Attachment, Branch, Member, PartyCommittee
from daihoi.plans import services
from daihoi.plans.models import HELD_STATUSES, Congress, FollowUpRecord, Office, Plan, Step
from daihoi.plans.selectors import age_on, committee_duties, full_members
from daihoi.rules.ballots import ApproveBallot, StrikeBallot
from daihoi.rules.counting import Candidate, Round, count_round
from daihoi.rules.electorate import MembersElectorate, denominator
from daihoi.rules.lists import ballot_order, slate_range
from daihoi.rules.structure import branch_structure

TIMES = [(time(8, 0), time(11, 30)), (time(14, 0), time(17, 0)), (time(19, 30), time(22, 0))]


def demo_build() -> dict[str, str]:
    committee = PartyCommittee.objects.filter(name=WARD_NAME).first()
    office = User.objects.filter(username="vanphong").first()
    if committee is None or office is None:
        return {}
    if not Plan.objects.filter(party_committee=committee, number="74-KH/ĐU").exists():
        _completed_season(committee, office)
    if not Plan.objects.filter(party_committee=committee, number="18-KH/ĐU").exists():
        _current_season(committee, office, timezone.localdate())
    _after_congresses(committee, office, timezone.localdate())
    return {}


def _plan(committee: PartyCommittee, office: User, data: services.PlanInput) -> list[Congress]:
    plan = services.plan_create(party_committee=committee, data=data, file=None, by=office)
    return list(plan.congresses.select_related("branch", "plan").order_by("branch_id"))


@transaction.atomic
def _completed_season(committee: PartyCommittee, office: User) -> None:
    """One congress a day through the window, every one held and approved."""
    congresses = _plan(committee, office, services.PlanInput(
        number="74-KH/ĐU", issued_on=date(2022, 7, 12), term_start_year=2022, term_end_year=2025,
        window_start=date(2022, 8, 20), window_end=date(2022, 9, 11),
        title="Tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2022–2025", min_women_percent=20))
    for index, congress in enumerate(congresses):
        day = date(2022, 8, 20) + timedelta(days=index)
        _prepare(congress, office, day, TIMES[index % 3], random.Random(index))
        _hold(congress, office, day, random.Random(1000 + index))
        services.result_approve(congress=congress, decision_number=f"{201 + index}-QĐ/ĐU",
                                decided_on=day + timedelta(days=12), by=office)


@transaction.atomic
def _current_season(committee: PartyCommittee, office: User, today: date) -> None:
    """A 5-year season (the 294-QĐ/TW pilot) around today: 6 approved, 3 awaiting approval, 1
    returned, 2 held without results, 1 overdue (its date passed, nothing reported), 7 scheduled
    (two of them clash: the same supervisor at the same hour) and 3 not yet scheduled."""
    start = today - timedelta(days=12)
    congresses = _plan(committee, office, services.PlanInput(
        number="18-KH/ĐU", issued_on=start - timedelta(days=35), term_start_year=2025, term_end_year=2030,
        window_start=start, window_end=today + timedelta(days=18),
        title="Tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025–2030",
        min_women_percent=30, min_under_40_percent=10, reelection_age_limit=70))
    for index, congress in enumerate(congresses[:20]):
        rng = random.Random(5000 + index)
        day = start + timedelta(days=index) if index < 12 else today + timedelta(days=index - 12)
        if index == 12:
            day = today - timedelta(days=2)
        slot = TIMES[1] if index in (13, 18) else TIMES[index % 3]
        if index in (13, 18):
            day = today + timedelta(days=3)
        _prepare(congress, office, day, slot, rng, approve_personnel=index < 13)
        if index < 10:
            _hold(congress, office, day, rng)
        if index < 6:
            services.result_approve(congress=congress, decision_number=f"{31 + index}-QĐ/ĐU",
                                    decided_on=day + timedelta(days=3), by=office)
        elif index == 9:
            services.result_return(congress=congress, by=office, reason="Thiếu biên bản kiểm phiếu bầu phó bí thư; đề nghị bổ sung.")
        elif index in (10, 11):
            services.congress_step_mark(congress=congress, step=Step.CONGRESS_HELD, done_on=day, by=_secretary(congress, office))


def _secretary(congress: Congress, office: User) -> User:
    return User.objects.filter(role=Role.BRANCH_SECRETARY, branch=congress.branch).first() or office


def _prepare(congress: Congress, office: User, day: date, slot: tuple[time, time], rng: random.Random,
             approve_personnel: bool = True) -> None:
    """Schedule the congress and run the checklist up to the approved personnel plan."""
    secretary = _secretary(congress, office)
    place = "Hội trường " + congress.branch.name.removeprefix("Chi bộ ")
    services.congress_schedule(congress=congress, scheduled_on=day, starts_at=slot[0], ends_at=slot[1],
                               place=place, supervisors=list(congress.supervisors.all()))
    services.congress_step_mark(congress=congress, step=Step.POLITICAL_REPORT, done_on=day - timedelta(days=25), by=secretary)
    services.congress_step_mark(congress=congress, step=Step.SELF_REVIEW, done_on=day - timedelta(days=20), by=secretary)
    seats, slate = _slate(congress.branch, day, rng)
    services.personnel_plan_save(congress=congress, seats=seats, slate=slate if seats else [],
                                 secretary=slate[0], deputy=slate[1] if seats else None, by=secretary,
                                 on=day - timedelta(days=15))
    if approve_personnel:
        services.congress_step_mark(congress=congress, step=Step.PERSONNEL_APPROVED, done_on=day - timedelta(days=10), by=office)


def _eligible(branch: Branch, day: date) -> list[Member]:
    """Full members who attend and could serve: on the roll here, not excused or suspended,
    younger than 75."""
    return [m for m in full_members(branch)
            if m.attachment != Attachment.ELSEWHERE and not (m.is_excused or m.is_suspended or m.is_prosecuted_or_detained)
            and (age_on(m.date_of_birth, day) or 0) < 75]


def _slate(branch: Branch, day: date, rng: random.Random) -> tuple[int, list[Member]]:
    """Seats by size (3, 5 or 7, within what the structure allows, 294-QĐ/TW) and a slate with
    the smallest margin the outgoing committee may propose (190-QĐ/TW Art 14); the first two
    are meant for secretary and deputy. A branch without a committee: seats 0, one name."""
    full = full_members(branch).count()
    structure = branch_structure(full)
    eligible = _eligible(branch, day)
    if not structure.committee:
        return 0, rng.sample(eligible, 1)
    seats = min(structure.committee_max_seats, 3 if full < 20 else 5 if full < 50 else 7)
    return seats, rng.sample(eligible, slate_range(seats)[0])


def _electorate(branch: Branch, rng: random.Random) -> tuple[int, int, int]:
    """(summoned, present, D) for the branch's full members (190-QĐ/TW Art 30.2): the excused
    stay home, one or two are away with a reason, sometimes one without."""
    full = list(full_members(branch))
    electorate = MembersElectorate(
        summoned=len(full),
        attached_elsewhere=sum(m.attachment == Attachment.ELSEWHERE for m in full),
        excused_absent=sum(m.is_excused for m in full if m.attachment != Attachment.ELSEWHERE),
        suspended=sum(m.is_suspended and not m.is_excused and m.attachment != Attachment.ELSEWHERE for m in full),
        absent_with_accepted_reason=rng.randint(0, 2) if len(full) > 12 else 0,
    )
    d = denominator(electorate)
    return len(full), d - (rng.random() < 0.4), d


def _hold(congress: Congress, office: User, day: date, rng: random.Random) -> None:
    """Elect the committee from the slate, then the secretary and deputy, each round counted
    from simulated ballots by the rules core; submit the results as the branch would."""
    personnel = congress.personnel_plan
    summoned, present, d = _electorate(congress.branch, rng)
    slate = list(personnel.slate.all())
    committee: list[tuple[Member, int]] = []
    if personnel.seats:
        planned = {m.full_name for m in (personnel.secretary, personnel.deputy) if m}
        committee = _elect(slate, personnel.seats, present, d, rng, keep=planned)
    elected = [m for m, _ in committee] or [personnel.secretary]
    chosen = [m for m in (personnel.secretary, personnel.deputy) if m in elected] + elected
    secretary = _elect([chosen[0]], 1, present, d, rng)[0]
    deputies = [m for m in chosen if m != chosen[0]]
    deputy = _elect(deputies[:1], 1, present, d, rng)[0] if deputies else None
    services.result_submit(congress=congress, by=_secretary(congress, office), on=day + timedelta(days=2),
                           data=services.ResultInput(summoned=summoned, present=present, denominator=d,
                                                     committee_seats=personnel.seats, committee=committee,
                                                     secretary=secretary, deputy=deputy))


def _elect(people: list[Member], seats: int, present: int, d: int, rng: random.Random,
           keep: frozenset[str] | set[str] = frozenset()) -> list[tuple[Member, int]]:
    """Simulate the ballots of one round and count them with the rules core; draw again in the
    rare case the round ends in a tie or an unfilled seat, so the demo stays simple."""
    ordered = ballot_order(m.full_name for m in people)
    by_name = {m.full_name: m for m in people}
    candidates = tuple(Candidate(str(i), name) for i, name in enumerate(ordered))
    round_ = Round(seats=seats, candidates=candidates, denominator=d)
    while True:
        result = count_round(round_, _ballots(candidates, seats, present, rng, keep))
        if result.status == "complete":
            return [(by_name[c.name], c.votes) for c in result.candidates if c.elected]


def _ballots(candidates: tuple[Candidate, ...], seats: int, present: int, rng: random.Random, keep: frozenset[str] | set[str] = frozenset()) -> list:
    """Strike ballots leaving exactly ``seats`` names, mostly striking one weaker candidate (never
    one in ``keep``, the planned secretary and deputy: the article's committees were elected as
    planned); a single name gets agree, with a few disagree."""
    if len(candidates) == 1:
        cid = candidates[0].id
        return [ApproveBallot.of({cid: "disagree" if rng.random() < 0.06 else "agree"}) for _ in range(present)]
    extra = len(candidates) - seats
    weak = rng.choice([c for c in candidates if c.name not in keep] or candidates).id
    weights = [8 if c.id == weak else 1 for c in candidates]
    ballots = []
    for _ in range(present):
        struck: set[str] = set()
        while len(struck) < extra:
            struck.add(rng.choices(candidates, weights)[0].id)
        ballots.append(StrikeBallot(frozenset(struck)))
    return ballots


# --- after the congress (issue 12) -------------------------------------------------------------

AREAS = {
    Office.SECRETARY: "Phụ trách chung\nCông tác tổ chức, xây dựng Đảng",
    Office.DEPUTY_SECRETARY: "Công tác tuyên giáo, dân vận\nMặt trận Tổ quốc và các đoàn thể",
}
COMMITTEE_AREAS = ["Công tác kiểm tra, giám sát", "Kinh tế, xã hội, an sinh", "Quốc phòng, an ninh, trật tự",
                   "Văn hóa, gia đình, khuyến học", "Công tác phát triển đảng viên"]


@transaction.atomic
def _after_congresses(committee: PartyCommittee, office: User, today: date) -> None:
    """The 2022–2025 season's follow-up work done in every branch but two, whose residential-group
    head was elected later, and the season closed by the ward with that reason; in the 2025–2030
    season the approved congresses have done part of theirs. Skipped once a season has records."""
    for number, finished in (("74-KH/ĐU", True), ("18-KH/ĐU", False)):
        plan = Plan.objects.filter(party_committee=committee, number=number).first()
        if plan is None or FollowUpRecord.objects.filter(congress__plan=plan).exists():
            continue
        congresses = list(plan.congresses.filter(status__in=HELD_STATUSES, result__isnull=False)
                          .select_related("branch", "plan").order_by("branch_id"))
        for index, congress in enumerate(congresses):
            _follow_up(congress, office, today, index, random.Random(9000 + index), finished)
        if finished:
            services.season_close(plan=plan, by=office, on=date(2023, 1, 16), reason=(
                "Hai chi bộ tổ dân phố bầu Tổ trưởng tổ dân phố theo lịch chung của phường (quý I/2023); "
                "các việc khác đã hoàn thành."))


def _follow_up(congress: Congress, office: User, today: date, index: int, rng: random.Random, finished: bool) -> None:
    """Mark the items a branch has done and record its task split. A finished season: all done
    (within or a little after the due date) except the last item in two branches; a season in
    progress: only the approved congresses, the first items, none after today."""
    secretary = _secretary(congress, office)
    items = [item for item in congress.plan.follow_up_items.all()
             if not item.residential_only or congress.branch.kind == "residential_group"]
    if finished:
        items = items[:-1] if index in (3, 11) and items[-1].residential_only else items
    else:
        items = items[:(5 - index) if congress.status == "approved" else 0]
    for item in items:
        done_on = min(congress.held_on + timedelta(days=item.due_days - 5 + rng.randint(-5, 7)), today)
        services.follow_up_mark(congress=congress, item=item, done_on=max(done_on, congress.held_on), by=secretary, today=today)
    if finished or items:
        _task_split(congress, secretary)


def _task_split(congress: Congress, by: User) -> None:
    """Secretary and deputy lead the usual areas; the other members one area each."""
    committee = iter(COMMITTEE_AREAS)
    for person in committee_duties(Congress.objects.filter(pk=congress.pk)):
        services.committee_duty_set(congress=congress, person=person, by=by,
                                    areas=AREAS.get(person.office) or next(committee, COMMITTEE_AREAS[-1]))
