"""Reads of a congress season: warnings, the dashboard, the calendar and the season report. Every
function here runs a fixed number of queries whatever the number of branches (the dashboard test
asserts it), so the ward's screens stay fast at city scale."""
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import combinations

from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, When
from django.utils import timezone

from daihoi.lib.i18n import vietnamese
from daihoi.organizations.models import Branch, BranchKind, Gender, Member, MemberStatus
from daihoi.plans.models import (
    HELD_STATUSES, Congress, CongressStatus, ElectedPerson, FollowUpRecord, Office, PersonnelPlan, Plan, SeasonClosure,
)
from daihoi.rules.approval import approval_deadline
from daihoi.rules.lists import ballot_order, check_list
from daihoi.rules.percent import percent
from daihoi.rules.structure import branch_structure

NOT_HELD_STATUSES = [CongressStatus.PLANNED, CongressStatus.SCHEDULED]
# A branch congress usually lasts one session (election-rules.md §6): without an end time we
# assume half a day, and without a start time the whole day.
DEFAULT_LENGTH = timedelta(hours=4)
UPCOMING_DAYS = 7
LIST_LIMIT = 10
PAGE_SIZE = 30


def plans_with_progress(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    return plans.annotate(
        total=Count("congresses"),
        held=Count("congresses", filter=Q(congresses__status__in=HELD_STATUSES)),
        approved=Count("congresses", filter=Q(congresses__status=CongressStatus.APPROVED)),
    ).order_by("-window_start")


# --- schedule ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Booking:
    congress_id: int
    branch: str
    supervisor_id: int
    supervisor: str
    day: date
    start: datetime
    end: datetime


def _interval(day: date, starts_at: time | None, ends_at: time | None) -> tuple[datetime, datetime]:
    if starts_at is None:
        return datetime.combine(day, time.min), datetime.combine(day, time.max)
    start = datetime.combine(day, starts_at)
    return start, datetime.combine(day, ends_at) if ends_at else start + DEFAULT_LENGTH


def _bookings(plan: Plan, day: date | None, congresses: QuerySet[Congress] | None) -> list[Booking]:
    """Every (congress, supervisor) pair with a date, in one query."""
    links = Congress.supervisors.through.objects.filter(congress__plan=plan, congress__scheduled_on__isnull=False)
    if day is not None:
        links = links.filter(congress__scheduled_on=day)
    if congresses is not None:
        links = links.filter(congress__in=congresses)
    rows = links.values_list("congress_id", "congress__branch__name", "user_id", "user__first_name", "user__username",
                             "congress__scheduled_on", "congress__starts_at", "congress__ends_at")
    return [Booking(cid, branch, uid, first or username, day_, *_interval(day_, starts, ends))
            for cid, branch, uid, first, username, day_, starts, ends in rows]


def clashes(plan: Plan, day: date | None = None, congresses: QuerySet[Congress] | None = None) -> dict[int, list[str]]:
    """Warnings per congress id: one supervisor at two congresses that overlap in time on the
    same day (issue 4); among ``congresses`` only, when given (what the user may see)."""
    by_person_day: dict[tuple[int, date], list[Booking]] = defaultdict(list)
    for booking in _bookings(plan, day, congresses):
        by_person_day[(booking.supervisor_id, booking.day)].append(booking)
    warnings: dict[int, list[str]] = defaultdict(list)
    for group in by_person_day.values():
        for a, b in combinations(group, 2):
            if a.start < b.end and b.start < a.end:
                when = a.day.strftime("%d/%m/%Y")
                warnings[a.congress_id].append(f"Trùng lịch: đồng chí {a.supervisor} cũng dự đại hội {b.branch} ngày {when}")
                warnings[b.congress_id].append(f"Trùng lịch: đồng chí {a.supervisor} cũng dự đại hội {a.branch} ngày {when}")
    return warnings


def outside_window(congress: Congress, plan: Plan) -> str | None:
    day = congress.scheduled_on
    if day is None or plan.window_start <= day <= plan.window_end:
        return None
    return (f"Ngày {day:%d/%m/%Y} nằm ngoài thời gian đại hội của kế hoạch "
            f"({plan.window_start:%d/%m/%Y}–{plan.window_end:%d/%m/%Y})")


def schedule_warnings(congress: Congress) -> list[str]:
    """What the ward should look at in one congress's schedule; empty when fine."""
    found = [outside_window(congress, congress.plan)] if congress.scheduled_on else []
    if congress.scheduled_on:
        found += clashes(congress.plan, congress.scheduled_on).get(congress.pk, [])
    return [warning for warning in found if warning]


# --- personnel plan ----------------------------------------------------------------------------

def full_members(branch: Branch) -> QuerySet[Member]:
    """Only full members elect and stand (election-rules.md §2), in A-B-C order."""
    return branch.members.filter(status=MemberStatus.FULL).order_by("name_sort_key", "id")


def age_on(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def personnel_warnings(personnel: PersonnelPlan) -> list[str]:
    """The slate against the margin rule and A-B-C order (rules core, 190-QĐ/TW Art 14) and the
    plan's targets: share of women, share under 40, age limit."""
    congress = personnel.congress
    plan = congress.plan
    slate = list(personnel.slate.all())
    people = slate or [m for m in (personnel.secretary, personnel.deputy) if m]
    warnings = check_list(personnel.seats, ballot_order(m.full_name for m in slate)) if personnel.seats else []
    if slate:
        for title, member in (("bí thư", personnel.secretary), ("phó bí thư", personnel.deputy)):
            if member and member not in slate:
                warnings.append(f"Dự kiến {title} {member.full_name} không có trong danh sách chi ủy")
    if personnel.secretary is None:
        warnings.append("Chưa có dự kiến bí thư")
    return warnings + target_warnings(plan, people, congress.scheduled_on or plan.window_start)


def target_warnings(plan: Plan, people: list[Member], day: date, *, shares: bool = True) -> list[str]:
    """The plan's targets on these people; ``shares=False`` checks only the age limit (a share of
    women or of the young means nothing for a lone secretary without a committee)."""
    if not people:
        return []
    warnings = []
    total = len(people) if shares else 0
    women = sum(1 for m in people if m.gender == Gender.FEMALE)
    if plan.min_women_percent is not None and total and women * 100 < plan.min_women_percent * total:
        warnings.append(f"Tỷ lệ nữ {percent(women, total)}% ({women}/{total}), thấp hơn chỉ tiêu {plan.min_women_percent}%")
    ages = [(m, age_on(m.date_of_birth, day)) for m in people]
    young = sum(1 for _, age in ages if age is not None and age < 40)
    if plan.min_under_40_percent is not None and total and young * 100 < plan.min_under_40_percent * total:
        warnings.append(f"Tỷ lệ dưới 40 tuổi {percent(young, total)}% ({young}/{total}), thấp hơn chỉ tiêu {plan.min_under_40_percent}%")
    if plan.reelection_age_limit is not None:
        warnings += [f"{m.full_name}: {age} tuổi, quá tuổi tối đa {plan.reelection_age_limit} của kế hoạch"
                     for m, age in ages if age is not None and age > plan.reelection_age_limit]
    return warnings


# --- dashboard ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    status: str = ""
    supervisor: int | None = None
    query: str = ""
    page: int = 1


def filtered(congresses: QuerySet[Congress], filters: Filters) -> QuerySet[Congress]:
    if filters.status in CongressStatus.values:
        congresses = congresses.filter(status=filters.status)
    if filters.supervisor:
        congresses = congresses.filter(supervisors=filters.supervisor)
    if filters.query.strip():
        congresses = congresses.filter(branch__name__icontains=filters.query.strip())
    return congresses


def _rows(congresses: QuerySet[Congress]) -> QuerySet[Congress]:
    return (congresses.select_related("branch").prefetch_related("supervisors")
            .order_by("scheduled_on", "branch__position", "branch__name"))


def dashboard(plan: Plan, congresses: QuerySet[Congress], filters: Filters, today: date) -> dict[str, object]:
    """Everything the season dashboard shows for the congresses the user may see, in a fixed
    number of queries: counts by status, progress, overdue and upcoming congresses, the load per
    supervisor, congresses per day and one page of the filtered table."""
    by_status = dict(congresses.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    total = sum(by_status.values())
    held = sum(by_status.get(s, 0) for s in HELD_STATUSES)
    overdue = congresses.filter(
        Q(status__in=NOT_HELD_STATUSES) & (Q(scheduled_on__lt=today) | Q(scheduled_on__isnull=True, plan__window_end__lt=today))
        | Q(status=CongressStatus.RESULTS_SUBMITTED, held_on__lte=last_day_still_overdue(today)))
    upcoming = congresses.filter(status=CongressStatus.SCHEDULED, scheduled_on__gte=today,
                                 scheduled_on__lt=today + timedelta(days=UPCOMING_DAYS))
    table = filtered(congresses, filters)
    count = table.count()
    page = max(1, min(filters.page, (count - 1) // PAGE_SIZE + 1))
    clash_map = clashes(plan, congresses=congresses)
    page_rows = list(_rows(table)[(page - 1) * PAGE_SIZE: page * PAGE_SIZE])
    for congress in page_rows:
        congress.warnings = clash_map.get(congress.pk, []) + [w for w in [outside_window(congress, plan)] if w]
    return {
        "total": total, "held": held, "approved": by_status.get(CongressStatus.APPROVED, 0),
        "by_status": [(value, label, by_status.get(value, 0)) for value, label in CongressStatus.choices],
        "overdue": list(_rows(overdue)[:LIST_LIMIT]), "overdue_count": overdue.count(),
        "upcoming": list(_rows(upcoming)[:LIST_LIMIT]),
        "supervisors": supervisor_load(congresses),
        "per_day": per_day(congresses, plan),
        "clash_count": len(clash_map),
        "rows": page_rows, "count": count, "page": page, "pages": (count - 1) // PAGE_SIZE + 1 if count else 1,
    }


def last_day_still_overdue(today: date) -> date:
    """The latest congress day whose approval deadline (15 working days, rules core
    ``approval_deadline``) is already past today: results submitted for a congress held on or
    before it and not yet approved are overdue. The deadline grows with the day, so one date
    filter finds them all in one query."""
    day = today
    while approval_deadline(day) >= today:
        day -= timedelta(days=1)
    return day


def supervisor_load(congresses: QuerySet[Congress]) -> list[dict[str, object]]:
    """Per supervisor: congresses assigned, held and approved."""
    links = Congress.supervisors.through.objects.filter(congress__in=congresses)
    return list(links.values("user_id", "user__first_name", "user__username").annotate(
        total=Count("id"),
        held=Count("id", filter=Q(congress__status__in=HELD_STATUSES)),
        approved=Count("id", filter=Q(congress__status=CongressStatus.APPROVED)),
    ).order_by("user__first_name", "user__username"))


def per_day(congresses: QuerySet[Congress], plan: Plan) -> list[tuple[date, int, bool]]:
    """(day, congresses that day, inside the window) for every day of the window and any
    scheduled day outside it: the calendar chart."""
    counts = dict(congresses.filter(scheduled_on__isnull=False).values_list("scheduled_on").annotate(n=Count("id"))
                  .values_list("scheduled_on", "n"))
    days = set(counts) | set(_days(plan.window_start, plan.window_end))
    return [(day, counts.get(day, 0), plan.window_start <= day <= plan.window_end) for day in sorted(days)]


def _days(first: date, last: date) -> Iterable[date]:
    return (first + timedelta(days=n) for n in range((last - first).days + 1))


def calendar(plan: Plan, congresses: QuerySet[Congress]) -> list[list[dict[str, object]]]:
    """The window as weeks (Monday first) of days, each with its congresses and warnings."""
    clash_map = clashes(plan, congresses=congresses)
    by_day: dict[date, list[Congress]] = defaultdict(list)
    for congress in _rows(congresses.filter(scheduled_on__isnull=False)):
        congress.warnings = clash_map.get(congress.pk, [])
        by_day[congress.scheduled_on].append(congress)
    first = min([plan.window_start, *by_day])
    last = max([plan.window_end, *by_day])
    first -= timedelta(days=first.weekday())
    last += timedelta(days=6 - last.weekday())
    days = [{"day": d, "congresses": sorted(by_day.get(d, []), key=lambda c: c.starts_at or time.min),
             "in_window": plan.window_start <= d <= plan.window_end} for d in _days(first, last)]
    return [days[i:i + 7] for i in range(0, len(days), 7)]


# --- season report -----------------------------------------------------------------------------

def season_report(plan: Plan, congresses: QuerySet[Congress] | None = None, today: date | None = None) -> dict[str, object]:
    """The season's results, for the Excel report, the API and the news article; ``congresses``
    narrows it to what a user may see (default: the whole plan). Keys are stable:

    - ``plan``: {"number", "issued_on" (ISO date), "title", "term" ("2022–2025"), "window_start",
      "window_end", "party_committee"}
    - ``branches``: one dict per congress, in the ward's branch order: {"congress_id", "branch", "status",
      "status_label", "date" (ISO or None), "summoned", "present", "denominator",
      "committee_seats", "committee": [{"name", "votes", "percent"}], "secretary" and "deputy":
      {"name", "votes", "percent"} or None, "women_elected", "decision_number", "approved_on"
      (ISO or None)};
      attendance and people are None/[] until results are submitted. ``percent`` is a string
      against D with two decimals (rules core ``percent``).
    - ``totals``: {"branches", "held", "approved", "summoned", "present", "committee_members",
      "women_elected", "present_percent" (string, present/summoned)}
    - ``after`` (issue 12): {"complete", "branches", "overdue_count", "closed", "closed_reason",
      "as_planned", "compared", "items" [{"title", "done", "applies"}]}, and each branch row has "follow_up": {"done", "total",
      "overdue"} (titles of overdue items) on ``today`` (default: today).
    """
    congresses = plan.congresses.all() if congresses is None else congresses.filter(plan=plan)
    rows = report_rows(congresses)
    after = _after_congress(plan, congresses, rows, today or timezone.localdate())
    with_results = [row for row in rows if row["summoned"] is not None]
    summoned = sum(row["summoned"] for row in with_results)
    present = sum(row["present"] for row in with_results)
    return {
        "plan": {"number": plan.number, "issued_on": plan.issued_on.isoformat(), "title": plan.title, "term": plan.term,
                 "window_start": plan.window_start.isoformat(), "window_end": plan.window_end.isoformat(),
                 "party_committee": plan.party_committee.name},
        "branches": rows,
        "totals": {
            "branches": len(rows),
            "held": sum(1 for row in rows if row["status"] in HELD_STATUSES),
            "approved": sum(1 for row in rows if row["status"] == CongressStatus.APPROVED),
            "summoned": summoned, "present": present,
            "committee_members": sum(len(row["committee"]) for row in rows),
            "women_elected": sum(row["women_elected"] for row in rows),
            "present_percent": percent(present, summoned) if summoned else None,
        },
        "after": after,
    }


def _after_congress(plan: Plan, congresses: QuerySet[Congress], rows: list[dict[str, object]], today: date) -> dict[str, object]:
    """Adds each row's follow-up counts and returns the season's post-congress summary."""
    progress = follow_up_progress(plan, congresses, today)
    by_congress = {row["congress_id"]: row for row in progress["branches"]}
    for row in rows:
        branch = by_congress[row["congress_id"]]
        row["follow_up"] = {"done": branch["done"], "total": branch["total"], "overdue": branch["overdue"]}
    state, compared = season_state(plan, progress), planned_vs_elected(plan, congresses)
    return {"complete": progress["complete"], "branches": progress["total"], "overdue_count": progress["overdue_count"],
            "closed": state["closed"], "closed_reason": state["closure"].reason if state["closure"] else "",
            "as_planned": compared["matching"], "compared": compared["compared"], "items": progress["item_counts"]}


ROW_FIELDS = ("pk", "branch__name", "status", "held_on", "scheduled_on", "approval_decision_number", "approved_on",
              "result__summoned", "result__present", "result__denominator", "result__committee_seats")


def report_rows(congresses: QuerySet[Congress]) -> list[dict[str, object]]:
    """The report's rows for these congresses, in the ward's branch order, in two queries of plain values
    (no model instances: a city has 5,000 congresses and tens of thousands elected)."""
    people: dict[int, list[tuple[str, str, int, int | None, str]]] = defaultdict(list)
    elected = (ElectedPerson.objects.filter(result__congress__in=congresses).order_by("-votes", "id")
               .values_list("result__congress_id", "office", "full_name", "votes", "member_id", "member__gender"))
    for congress_id, *person in elected:
        people[congress_id].append(person)
    ordered = congresses.order_by("branch__position", "branch__name", "pk")
    return [_row(values, people[values[0]]) for values in ordered.values_list(*ROW_FIELDS)]


def report_row(congress: Congress) -> dict[str, object]:
    return report_rows(Congress.objects.filter(pk=congress.pk))[0]


def _row(values: tuple, people: list[tuple[str, str, int, int | None, str]]) -> dict[str, object]:
    pk, branch, status, held_on, scheduled_on, decision, approved_on, summoned, present, d, seats = values
    day = held_on or scheduled_on

    def holders(office: str) -> list[dict[str, object]]:
        return [{"name": name, "votes": votes, "percent": percent(votes, d)} for o, name, votes, _, _ in people if o == office]

    secretary, deputy = holders(Office.SECRETARY), holders(Office.DEPUTY_SECRETARY)
    return {
        "congress_id": pk, "branch": branch, "status": status, "status_label": vietnamese(CongressStatus(status).label),
        "date": day.isoformat() if day else None,
        "summoned": summoned, "present": present, "denominator": d, "committee_seats": seats,
        "committee": holders(Office.COMMITTEE),
        "secretary": secretary[0] if secretary else None, "deputy": deputy[0] if deputy else None,
        "women_elected": len({member for *_, member, gender in people if gender == Gender.FEMALE}),
        "decision_number": decision, "approved_on": approved_on.isoformat() if approved_on else None,
    }


# --- after the congress (issue 12) -------------------------------------------------------------

def follow_up_progress(plan: Plan, congresses: QuerySet[Congress], today: date) -> dict[str, object]:
    """Post-congress work of these congresses in three queries whatever their number: per branch
    the items that apply (residential-group items only there), done and overdue (not done, due
    date = congress day + the item's days, already past). A branch has finished when its
    congress was held and every item that applies is done.

    Keys: ``items``; ``branches`` [{"congress_id", "branch", "held_on", "done", "total",
    "overdue" [titles], "complete"}] in the ward's branch order; ``total``, ``complete``, ``items_done``,
    ``items_total``; ``overdue`` [{"congress_id", "branch", "item", "due"}] oldest first and
    ``overdue_count``; ``item_counts`` [{"title", "done", "applies"}] in the plan's order: how many
    branches did each item, of those it applies to ("15/23 chi bộ đã xây dựng quy chế làm việc"
    in the season report and the news, as the ward's own report counts)."""
    items = list(plan.follow_up_items.all())
    applies_to: dict[int, int] = defaultdict(int)
    done_by_item: dict[int, int] = defaultdict(int)
    done: dict[int, set[int]] = defaultdict(set)
    for congress_id, item_id in FollowUpRecord.objects.filter(congress__in=congresses).values_list("congress_id", "item_id"):
        done[congress_id].add(item_id)
    branches, overdue = [], []
    rows = congresses.order_by("branch__position", "branch__name", "pk").values_list("pk", "branch__name", "branch__kind", "status", "held_on")
    for pk, name, kind, status, held_on in rows:
        applies = [item for item in items if kind == BranchKind.RESIDENTIAL_GROUP or not item.residential_only]
        held = status in HELD_STATUSES and held_on is not None
        late = [item for item in applies if held and item.pk not in done[pk] and held_on + timedelta(days=item.due_days) < today]
        overdue += [{"congress_id": pk, "branch": name, "item": item.title, "due": held_on + timedelta(days=item.due_days)} for item in late]
        count = sum(1 for item in applies if item.pk in done[pk])
        for item in applies:
            applies_to[item.pk] += 1
            done_by_item[item.pk] += item.pk in done[pk]
        branches.append({"congress_id": pk, "branch": name, "held_on": held_on, "done": count, "total": len(applies),
                         "overdue": [item.title for item in late], "complete": held and count == len(applies)})
    overdue.sort(key=lambda row: (row["due"], row["branch"]))
    return {"items": items, "branches": branches, "total": len(branches),
            "complete": sum(1 for row in branches if row["complete"]),
            "items_done": sum(row["done"] for row in branches), "items_total": sum(row["total"] for row in branches),
            "overdue": overdue, "overdue_count": len(overdue),
            "item_counts": [{"title": item.title, "done": done_by_item[item.pk], "applies": applies_to[item.pk]}
                            for item in items]}


def season_closed_by_ward(plan: Plan) -> bool:
    """A season the ward closed takes no more changes (services._open_season): the pages then
    hide the forms that would be refused."""
    return SeasonClosure.objects.filter(plan=plan).exists()


def season_state(plan: Plan, progress: dict[str, object]) -> dict[str, object]:
    """A season is closed when every branch finished its post-congress work, or when the ward
    closed it with a reason (SeasonClosure); until then it is open."""
    closure = SeasonClosure.objects.filter(plan=plan).select_related("closed_by").first()
    finished = bool(progress["total"]) and progress["complete"] == progress["total"]
    return {"closed": finished or closure is not None, "finished": finished, "closure": closure}


def _people(values: Iterable[tuple]) -> dict[int, list[tuple[str, int | None, Member]]]:
    """(office, member id, a Member carrying the gender and birth date the targets need) per
    congress, from plain values."""
    people: dict[int, list[tuple[str, int | None, Member]]] = defaultdict(list)
    for congress_id, office, member_id, name, gender, born in values:
        people[congress_id].append((office, member_id, Member(full_name=name, gender=gender or "", date_of_birth=born)))
    return people


def planned_vs_elected(plan: Plan, congresses: QuerySet[Congress]) -> dict[str, object]:
    """Per branch with both a personnel plan and results: the elected committee against the plan
    (size = seats planned; structure = the planned secretary and deputy elected and every
    committee member from the slate; targets = the plan's women, under-40 and age targets on
    those elected, see target_warnings). The summary is the article's "đảm bảo đúng dự kiến về
    cơ cấu, độ tuổi": N of M branches match on all three. Four queries."""
    planned = {pk: (seats, secretary, deputy) for pk, seats, secretary, deputy in PersonnelPlan.objects.filter(
        congress__in=congresses).values_list("congress_id", "seats", "secretary_id", "deputy_id")}
    slates: dict[int, set[int]] = defaultdict(set)
    for congress_id, member_id in PersonnelPlan.slate.through.objects.filter(personnelplan__congress__in=congresses).values_list(
            "personnelplan__congress_id", "member_id"):
        slates[congress_id].add(member_id)
    people = _people(ElectedPerson.objects.filter(result__congress__in=congresses).values_list(
        "result__congress_id", "office", "member_id", "full_name", "member__gender", "member__date_of_birth"))
    rows = []
    for pk, name, held_on, summoned in congresses.filter(result__isnull=False).order_by("branch__position", "branch__name", "pk").values_list(
            "pk", "branch__name", "held_on", "result__summoned"):
        if pk in planned:
            rows.append(_compare(plan, pk, name, held_on or plan.window_start, summoned, planned[pk], slates[pk], people[pk]))
    matching = sum(1 for row in rows if row["as_planned"])
    return {"branches": rows, "compared": len(rows), "matching": matching}


def _compare(plan: Plan, pk: int, name: str, day: date, summoned: int, planned: tuple[int, int | None, int | None],
             slate: set[int], people: list[tuple[str, int | None, Member]]) -> dict[str, object]:
    seats, secretary, deputy = planned
    committee = [member_id for office, member_id, _ in people if office == Office.COMMITTEE]
    holders = {office: member_id for office, member_id, _ in people if office != Office.COMMITTEE}
    notes = []
    if len(committee) != seats:
        notes.append(f"Dự kiến {seats} chi ủy viên, bầu được {len(committee)}")
    if holders.get(Office.SECRETARY) != secretary:
        notes.append("Bí thư được bầu không phải người dự kiến")
    if deputy and holders.get(Office.DEPUTY_SECRETARY) != deputy:
        notes.append("Phó bí thư được bầu không phải người dự kiến")
    outside = [member_id for member_id in committee if member_id not in slate]
    if outside:
        notes.append(f"{len(outside)} chi ủy viên ngoài danh sách dự kiến")
    structure_ok = not notes
    elected = list({member_id: m for _, member_id, m in people}.values())
    targets = target_warnings(plan, elected, day, shares=bool(seats))
    return {"congress_id": pk, "branch": name, "structure": branch_structure(summoned).description,
            "planned_seats": seats, "elected_seats": len(committee), "size_ok": len(committee) == seats,
            "structure_ok": structure_ok, "targets_ok": not targets, "notes": notes + targets,
            "as_planned": structure_ok and not targets}


def congress_follow_up(congress: Congress, today: date) -> list[dict[str, object]]:
    """One congress's post-congress items that apply to its branch, each with its due date (from
    the day the congress was held), its record if done, and whether it is overdue."""
    records = {r.item_id: r for r in congress.follow_ups.select_related("done_by", "document")}
    residential = congress.branch.kind == BranchKind.RESIDENTIAL_GROUP
    rows = []
    for item in congress.plan.follow_up_items.all():
        if item.residential_only and not residential:
            continue
        due = congress.held_on + timedelta(days=item.due_days) if congress.held_on else None
        record = records.get(item.pk)
        rows.append({"item": item, "due": due, "record": record, "overdue": not record and due is not None and due < today})
    return rows


def committee_duties(congresses: QuerySet[Congress]) -> QuerySet[ElectedPerson]:
    """Who leads what: everyone elected at these congresses with their areas, by branch, the
    secretary first; the secretary and deputy appear once, under their office, not again as
    committee members."""
    order = Case(When(office=Office.SECRETARY, then=0), When(office=Office.DEPUTY_SECRETARY, then=1), default=2)
    holder = ElectedPerson.objects.filter(result=OuterRef("result"), member=OuterRef("member")).exclude(office=Office.COMMITTEE)
    return (ElectedPerson.objects.filter(result__congress__in=congresses)
            .exclude(Q(office=Office.COMMITTEE) & Exists(holder))
            .select_related("duty", "result__congress__branch")
            .order_by("result__congress__branch__position", "result__congress__branch__name", order, "-votes", "id"))
