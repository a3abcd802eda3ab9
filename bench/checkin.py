"""Check-in under load (issue 5):
`DATABASE_URL=postgres://… python bench/checkin.py [--checkins 1500] [--clients 50] [--workers 2] [--interval 0]`.

Builds (again on each run) a bench ward with one congress of ``checkins`` + 20 summoned members,
serves the real site with gunicorn on loopback, and has ``clients`` concurrent clients (each with
its own logged-in session, as the door laptops are) scan every token once through the scanner
endpoint, plus one repeated scan in ten. Meanwhile each door's page polls the counts every 2 s, as
the check-in page does, and one simulated projector polls its state every 500 ms, as projector.js
does. Then it checks that every member was counted exactly once, and measures the projector's
update latency: the time from a check-in's answer to the first projector poll showing the new
count, over 20 single check-ins. The clients are asyncio coroutines in one thread, so that the
load itself takes little of the two CPUs the server runs on; its CPU time is printed too.

Targets: no error, no lost or doubled check-in, p95 ≤ 100 ms.
"""
import argparse
import asyncio
import collections
import contextlib
import faulthandler
import os
import re
import secrets
import signal
import time
from datetime import date

import harness

WARD = "Đảng bộ phường Bench Điểm Danh"
PROBES = 20


def build(members: int) -> tuple[int, list[str], str]:
    """A fresh ward, branch, season and congress with its summons list; returns the congress id,
    the tokens in summons order and the secretary's username."""
    from daihoi.accounts.models import Role, User
    from daihoi.congresses import services
    from daihoi.congresses.models import Attendance
    from daihoi.organizations.models import Branch, Member, PartyCommittee
    from daihoi.plans.models import Congress, Plan

    old = PartyCommittee.objects.filter(name=WARD).first()
    if old:
        congresses = Congress.objects.filter(branch__party_committee=old)
        Attendance.objects.filter(congress__in=congresses).delete()
        congresses.delete()
        Plan.objects.filter(party_committee=old).delete()
        User.objects.filter(branch__party_committee=old).delete()
        Member.objects.filter(branch__party_committee=old).delete()
        Branch.objects.filter(party_committee=old).delete()
        old.delete()
    ward = PartyCommittee.objects.create(name=WARD)
    branch = Branch.objects.create(party_committee=ward, name="Chi bộ Bench")
    people = [Member(branch=branch, full_name=f"Đảng Viên Bench {n:05d}") for n in range(members)]
    for member in people:
        member.fill_derived_fields()
    Member.objects.bulk_create(people, batch_size=2000)
    plan = Plan.objects.create(party_committee=ward, number="BENCH-DD", issued_on=date(2026, 1, 5), term_start_year=2025,
                               term_end_year=2030, window_start=date(2026, 1, 10), window_end=date(2026, 3, 10))
    congress = Congress.objects.create(plan=plan, branch=branch)
    services.summons_build(congress=congress)
    username = f"bench-bithu-{secrets.token_hex(3)}"
    User.objects.create_user(username=username, password=None, role=Role.BRANCH_SECRETARY, branch=branch)
    tokens = list(congress.attendances.order_by("member__full_name").values_list("token", flat=True))
    return congress.pk, tokens, username


class Door(harness.AsyncClient):
    """One door laptop: its own session, scanning through the htmx scanner endpoint."""

    def __init__(self, port: int, cookie: str, csrf: str) -> None:
        super().__init__(port, cookie, csrf, extra={"HX-Request": "true"})

    async def check_in(self, congress_id: int, token: str) -> tuple[int, str, float]:
        status, headers, _, ms = await self.request("POST", f"/hoi-truong/{congress_id}/diem-danh/ma/", f"token={token}")
        return status, headers.get("x-checkin", ""), ms


def _present_on_projector(html: str) -> int:
    found = re.search(r'data-count="present">(\d+)/', html)
    return int(found.group(1)) if found else -1


async def _poll(client: Door, path: str, period: float, stop: asyncio.Event, times: list[float]) -> None:
    """A page polling ``path`` every ``period`` seconds until ``stop``: the projector (500 ms,
    projector.js) or a door's counts (2 s, the check-in page's hx-trigger)."""
    await asyncio.sleep(secrets.randbelow(1000) / 1000 * period)
    while not stop.is_set():
        status, _, _, ms = await client.request("GET", path)
        times.append(ms if status == 200 else float("inf"))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), period)


async def _load(congress_id: int, tokens: list[str], doors: list[Door], pages: list[Door], interval: float,
                master: int) -> dict[str, object]:
    """Every door scans from one queue of codes (one in ten scanned twice) while the projector
    and every door's page poll their counts."""
    work: collections.deque[str] = collections.deque()
    for n, token in enumerate(tokens):
        work.append(token)
        if n % 10 == 9:
            work.append(tokens[n - 5])  # a member scanned twice
    results: list[tuple[str, int, str, float]] = []

    async def door(client: Door) -> None:
        """One door: scan after scan, at most one every ``interval`` seconds (0: as fast as the
        server answers, a saturation test)."""
        await asyncio.sleep(secrets.randbelow(1000) / 1000 * interval)
        while work:
            token = work.popleft()
            status, outcome, ms = await client.check_in(congress_id, token)
            results.append((token, status, outcome, ms))
            await asyncio.sleep(max(0.0, interval - ms / 1000))

    stop, projector_polls, page_polls = asyncio.Event(), [], []
    pollers = [asyncio.create_task(_poll(pages[-1], f"/hoi-truong/{congress_id}/man-chieu/trang-thai/", 0.5, stop, projector_polls))]
    pollers += [asyncio.create_task(_poll(page, f"/hoi-truong/{congress_id}/so-lieu/", 2, stop, page_polls)) for page in pages[:-1]]
    started, cpu_before, client_before = time.perf_counter(), harness.server_cpu_seconds(master), time.process_time()
    await asyncio.gather(*(door(client) for client in doors))
    elapsed, client_cpu = time.perf_counter() - started, time.process_time() - client_before
    stop.set()
    await asyncio.gather(*pollers)
    cpu = harness.server_cpu_seconds(master) - cpu_before
    return {"results": results, "elapsed": elapsed, "polls": projector_polls, "page_polls": page_polls, "cpu": cpu,
            "client_cpu": client_cpu}


async def warm_up(clients: list[Door], congress_id: int) -> None:
    """Every worker thread loads Django's URLconf, templates and a database connection on its
    first requests (seconds on a busy machine); a hall's server has done that long before the
    doors open, so the timing starts after each client has made a few requests."""
    async def warm(client: Door) -> None:
        for _ in range(3):
            await client.request("GET", f"/hoi-truong/{congress_id}/so-lieu/")

    await asyncio.gather(*(warm(client) for client in clients))


async def _projector_latency(client: Door, congress_id: int, tokens: list[str]) -> list[float]:
    """Check one member in, then poll every 500 ms (projector.js) until the count shows it: the
    delay a person in the hall sees between the scan and the projector."""
    path = f"/hoi-truong/{congress_id}/man-chieu/trang-thai/"
    delays = []
    for token in tokens:
        before = _present_on_projector((await client.request("GET", path))[2])
        await asyncio.sleep(secrets.randbelow(500) / 1000)  # the scan falls anywhere in the polling cycle
        await client.check_in(congress_id, token)
        answered = time.perf_counter()
        next_poll = answered + (0.5 - (answered % 0.5))
        while time.perf_counter() - answered < 10:
            await asyncio.sleep(max(0.0, next_poll - time.perf_counter()))
            if _present_on_projector((await client.request("GET", path))[2]) > before:
                delays.append((time.perf_counter() - answered) * 1000)
                break
            next_poll += 0.5
        else:
            delays.append(float("inf"))  # never shown: reported as a failure
    return delays


async def _run(args: argparse.Namespace, congress_id: int, load_tokens: list[str], probe_tokens: list[str],
               sessions: list[tuple[str, str]], master: int) -> tuple[dict[str, object], list[float]]:
    """Each door is a laptop with the check-in page open: one connection scanning, one polling
    the counts; one more session is the projector."""
    doors = [Door(args.port, *session) for session in sessions[:-1]]
    pages = [Door(args.port, *session) for session in sessions]
    await warm_up(doors + pages, congress_id)
    run = await _load(congress_id, load_tokens, doors, pages, args.interval, master)
    delays = await _projector_latency(pages[-1], congress_id, probe_tokens)
    for client in doors + pages:
        client.close()
    return run, delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=1500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)  # daihoi/gunicorn_conf.py: one process per CPU
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--interval", type=float, default=0.0,
                        help="seconds between two scans at one door (0: closed loop, as fast as possible)")
    args = parser.parse_args()
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 <pid>` prints where a stuck run is
    harness.require_postgres()
    harness.setup_django(os.environ.get("DAIHOI_DATA_DIR", "/tmp/daihoi-bench-checkin"))
    congress_id, tokens, username = build(args.checkins + PROBES)
    load_tokens, probe_tokens = tokens[:args.checkins], tokens[args.checkins:]
    server = harness.gunicorn(args.port, args.workers, args.threads, {"DB_CONN_MAX_AGE": "60"})
    sessions = [harness.session_cookie(username) for _ in range(args.clients + 1)]
    try:
        run, delays = asyncio.run(_run(args, congress_id, load_tokens, probe_tokens, sessions, server.pid))
    finally:
        harness.stop(server)
    _report(args, congress_id, load_tokens, run, delays)


def _report(args: argparse.Namespace, congress_id: int, tokens: list[str], run: dict, delays: list[float]) -> None:
    from daihoi.congresses.models import Attendance

    results = run["results"]
    errors = [r for r in results if r[1] != 200 or r[2] not in ("new", "already")]
    new = [r[0] for r in results if r[2] == "new"]
    present = Attendance.objects.filter(congress_id=congress_id, is_present=True).count()
    lost = len(set(tokens) - set(new))
    doubled = len(new) - len(set(new))
    ms = [r[3] for r in results]
    print(f"{len(results)} check-in requests ({len(tokens)} members, {len(results) - len(tokens)} repeated scans) "
          f"from {args.clients} clients ({'closed loop' if not args.interval else f'one scan per {args.interval:g} s per door'}), gunicorn gthread {args.workers}×{args.threads}, PostgreSQL, loopback")
    print(f"  wall {run['elapsed']:.2f} s, {len(results) / run['elapsed']:.0f} requests/s")
    # The pages' polls ran in the same window; they are counted in the server's CPU per request.
    served = len(results) + len(run["polls"]) + len(run["page_polls"])
    print(f"  server CPU {run['cpu'] * 1000 / served:.2f} ms/request (gunicorn workers' user + system time over "
          f"{served} requests: check-ins and pages' polls), ceiling {os.cpu_count() * served / run['cpu']:.0f} "
          f"requests/s on {os.cpu_count()} idle CPUs; the clients' own CPU {run['client_cpu'] * 1000 / served:.2f} ms/request")
    print(f"  latency ms: p50 {harness.percentile(ms, .5):.1f}, p95 {harness.percentile(ms, .95):.1f}, p99 {harness.percentile(ms, .99):.1f}, max {max(ms):.1f}")
    print(f"  errors {len(errors)}, lost {lost}, doubled {doubled}, present in the database {present - PROBES} "
          f"of {len(tokens)} (+{PROBES} probes)")
    _print_polls("doors' counts polls", run["page_polls"])
    _print_polls("projector polls", run["polls"])
    print(f"  projector update latency (scan answered → projector shows it, 500 ms polling), {len(delays)} probes: "
          f"p50 {harness.percentile(delays, .5):.0f} ms, p95 {harness.percentile(delays, .95):.0f} ms, max {max(delays):.0f} ms")
    ok = not errors and not lost and not doubled and present - PROBES == len(tokens) and harness.percentile(ms, .95) <= 100
    print("  target (no error, none lost or doubled, p95 ≤ 100 ms):", "MET" if ok else "NOT MET")


def _print_polls(label: str, times: list[float]) -> None:
    """How a page's polls fared during the load; a failed poll was recorded as infinite."""
    answered = [ms for ms in times if ms != float("inf")]
    print(f"  {label} during the load: {len(times)}, failed {len(times) - len(answered)}, "
          f"p50 {harness.percentile(answered, .5):.1f} ms, p95 {harness.percentile(answered, .95):.1f} ms")


if __name__ == "__main__":
    main()
