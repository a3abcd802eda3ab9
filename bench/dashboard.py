"""Time the season dashboard and the season report at city scale:
`DATABASE_URL=postgres://… python bench/dashboard.py [--branches 5000] [--members 400000] [--runs 7]`.

Builds (once; reused on the next run) a city-sized party committee on the given database: 5,000
branches, 400,000 members, 60 supervisors, one plan with a congress per branch through the real
plan_create service, then a realistic spread of dates, statuses (one third approved) and results
(committee, secretary, deputy with votes). Then it requests the dashboard and the Excel season report
through Django's test client as the ward office and prints the server times and the dashboard's
query count. Targets (issue 4): dashboard ≤ 300 ms, report ≤ 10 s.
"""
import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

NUMBER = "BENCH-KH/ĐU"
CITY = "Đảng bộ thành phố (bench)"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phương", "Ước", "Ánh"]


def _setup_django() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Đặt DATABASE_URL=postgres://… (bench này đo trên PostgreSQL).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _build(branches: int, members: int) -> int:
    """The city, its plan and a season half way through; returns the plan id. Each part is kept
    once built, so an interrupted build resumes."""
    from daihoi.accounts.models import Role, User
    from daihoi.organizations.models import PartyCommittee
    from daihoi.plans.models import Plan

    existing = Plan.objects.filter(number=NUMBER).first()
    if existing:
        return existing.pk
    started = time.perf_counter()
    city = PartyCommittee.objects.filter(name=CITY).first() or _city(branches, members)
    print(f"  {branches} chi bộ, {members} đảng viên: {time.perf_counter() - started:.0f} s")
    supervisors = list(User.objects.filter(role=Role.SUPERVISOR, username__startswith="bench-").order_by("pk"))
    plan = _season(city, User.objects.get(username="bench-vanphong"), supervisors, random.Random(5))
    print(f"  dựng đợt đại hội xong: {time.perf_counter() - started:.0f} s")
    return plan


def _city(branches: int, members: int) -> object:
    from django.db import transaction

    from daihoi.accounts.models import Role, User
    from daihoi.organizations.models import Branch, Member, PartyCommittee

    rng = random.Random(4)
    with transaction.atomic():
        city = PartyCommittee.objects.create(name=CITY)
        User.objects.create_user("bench-vanphong", role=Role.WARD_OFFICE)
        supervisors = User.objects.bulk_create(User(username=f"bench-dauyvien{n}", role=Role.SUPERVISOR,
                                                    first_name=f"Đảng ủy viên {n}") for n in range(60))
        made = Branch.objects.bulk_create(Branch(party_committee=city, name=f"Chi bộ số {n + 1}") for n in range(branches))
        links = Branch.supervisors.through
        links.objects.bulk_create(links(branch_id=b.pk, user_id=supervisors[i % 60].pk) for i, b in enumerate(made))
        per_branch = members // branches
        keys: dict[str, tuple[str, str, str]] = {}
        for start in range(0, branches, 100):
            batch = [_member(branch, rng, keys) for branch in made[start:start + 100] for _ in range(per_branch)]
            Member.objects.bulk_create(batch, batch_size=5000)
    return city


def _member(branch: object, rng: random.Random, keys: dict[str, tuple[str, str, str]]) -> object:
    """A synthetic member; the derived name keys are computed once per distinct name."""
    from daihoi.organizations.models import Member

    female = rng.random() < 0.45
    name = f"{rng.choice(FAMILY)} {'Thị' if female else rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    member = Member(branch=branch, full_name=name, gender="female" if female else "male",
                    date_of_birth=date(1940, 1, 1) + timedelta(days=rng.randint(0, 55 * 365)),
                    status="probationary" if rng.random() < 0.05 else "full")
    if name not in keys:
        member.fill_derived_fields()
        keys[name] = (member.full_name, member.name_sort_key, member.name_folded)
    member.full_name, member.name_sort_key, member.name_folded = keys[name]
    return member


def _season(city: object, office: object, supervisors: list, rng: random.Random) -> int:
    """The plan through plan_create; then dates, statuses and results written in bulk (the
    services' per-congress transactions would take hours here and are not what is measured)."""
    from django.db import transaction

    from daihoi.organizations.models import Member
    from daihoi.plans.models import Congress, CongressResult, CongressStatus, ElectedPerson, Office
    from daihoi.plans.services import PlanInput, plan_create

    today = date.today()
    plan = plan_create(party_committee=city, by=office, file=None, data=PlanInput(
        number=NUMBER, issued_on=today - timedelta(days=60), term_start_year=2025, term_end_year=2030,
        window_start=today - timedelta(days=20), window_end=today + timedelta(days=20)))
    congresses = list(plan.congresses.order_by("pk"))
    statuses = [CongressStatus.APPROVED] * 4 + [CongressStatus.RESULTS_SUBMITTED, CongressStatus.HELD,
                                                CongressStatus.SCHEDULED, CongressStatus.SCHEDULED,
                                                CongressStatus.SCHEDULED, CongressStatus.PLANNED, CongressStatus.RESULTS_RETURNED]
    with transaction.atomic():
        for congress in congresses:
            congress.status = rng.choice(statuses)
            if congress.status != CongressStatus.PLANNED:
                congress.scheduled_on = today + timedelta(days=rng.randint(-20, 20))
                congress.starts_at = rng.choice([None, "08:00", "14:00", "19:30"])
            if congress.status == CongressStatus.APPROVED:
                congress.approval_decision_number, congress.approved_on = f"{congress.pk}-QĐ/ĐU", today
        Congress.objects.bulk_update(congresses, ["status", "scheduled_on", "starts_at", "approval_decision_number", "approved_on"], batch_size=2000)
        held = [c for c in congresses if c.status in (CongressStatus.APPROVED, CongressStatus.RESULTS_SUBMITTED, CongressStatus.RESULTS_RETURNED)]
        people: dict[int, list[tuple[int, str]]] = {}
        for member_id, branch_id, name in Member.objects.filter(branch__party_committee=city).values_list("pk", "branch_id", "full_name").iterator(chunk_size=20000):
            if len(people.setdefault(branch_id, [])) < 7:
                people[branch_id].append((member_id, name))
        results = CongressResult.objects.bulk_create(
            CongressResult(congress=c, summoned=80, present=72, denominator=76, committee_seats=7, submitted_by=office) for c in held)
        rows = []
        for result, congress in zip(results, held):
            chosen = people[congress.branch_id]
            rows += [ElectedPerson(result=result, office=Office.COMMITTEE, member_id=m, full_name=n, votes=rng.randint(50, 72)) for m, n in chosen]
            rows.append(ElectedPerson(result=result, office=Office.SECRETARY, member_id=chosen[0][0], full_name=chosen[0][1], votes=70))
            rows.append(ElectedPerson(result=result, office=Office.DEPUTY_SECRETARY, member_id=chosen[1][0], full_name=chosen[1][1], votes=66))
        ElectedPerson.objects.bulk_create(rows, batch_size=5000)
    return plan.pk


def _time(client: object, url: str, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as context:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
        queries = len(context.captured_queries)
    return times, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--branches", type=int, default=5000)
    parser.add_argument("--members", type=int, default=400_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    _setup_django()
    from django.test import Client

    from daihoi.accounts.models import User

    plan_id = _build(args.branches, args.members)
    client = Client()
    client.force_login(User.objects.get(username="bench-vanphong"))
    for label, url, runs in [
        ("dashboard", f"/dai-hoi/ke-hoach/{plan_id}/", args.runs),
        ("dashboard, lọc trạng thái, trang 3", f"/dai-hoi/ke-hoach/{plan_id}/?status=scheduled&page=3", args.runs),
        ("báo cáo Excel", f"/dai-hoi/ke-hoach/{plan_id}/bao-cao.xlsx", 3),
    ]:
        times, queries = _time(client, url, runs)
        print(f"{label}: median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms, "
              f"worst {max(times) * 1000:.0f} ms, {queries} truy vấn SQL")


if __name__ == "__main__":
    main()
