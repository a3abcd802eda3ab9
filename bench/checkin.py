"""Check-in under load (issue 5):
`DATABASE_URL=postgres://… python bench/checkin.py [--checkins 1500] [--clients 50] [--workers 3]`.

Builds (again on each run) a bench ward with one congress of ``checkins`` + 20 summoned members,
serves the real site with gunicorn on loopback, and has ``clients`` concurrent clients (each with
its own logged-in session, as the door laptops are) scan every token once through the scanner
endpoint, plus one repeated scan in ten. Meanwhile one simulated projector polls its state every
500 ms, as projector.js does. Then it checks that every member was counted exactly once, and
measures the projector's update latency: the time from a check-in's answer to the first projector
poll showing the new count, over 20 single check-ins.

Targets: no error, no lost or doubled check-in, p95 ≤ 100 ms.
"""
import argparse
import faulthandler
import os
import queue
import re
import secrets
import signal
import threading
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


class Door(harness.Client):
    """One door laptop: its own session, scanning through the htmx scanner endpoint."""

    def request(self, method: str, path: str, body: str = "", content_type: str = "application/x-www-form-urlencoded",
                extra: dict[str, str] | None = None) -> tuple[int, dict[str, str], str, float]:
        return super().request(method, path, body, content_type, {"HX-Request": "true", **(extra or {})})

    def check_in(self, congress_id: int, token: str) -> tuple[int, str, float]:
        status, headers, _, ms = self.request("POST", f"/hoi-truong/{congress_id}/diem-danh/ma/", f"token={token}")
        return status, headers.get("X-Checkin", ""), ms


def open_door(port: int, username: str) -> Door:
    return Door(port, *harness.session_cookie(username))


def _present_on_projector(html: str) -> int:
    found = re.search(r'data-count="present">(\d+)/', html)
    return int(found.group(1)) if found else -1


def _projector(client: Door, congress_id: int, stop: threading.Event, polls: list[float]) -> None:
    """A projector polling its state fragment every 500 ms during the load."""
    while not stop.is_set():
        status, _, _, ms = client.request("GET", f"/hoi-truong/{congress_id}/man-chieu/trang-thai/")
        polls.append(ms if status == 200 else float("inf"))
        stop.wait(0.5)


def _load(congress_id: int, tokens: list[str], clients: list[Door], interval: float, master: int) -> dict[str, object]:
    work: queue.Queue[str] = queue.Queue()
    for n, token in enumerate(tokens):
        work.put(token)
        if n % 10 == 9:
            work.put(tokens[n - 5])  # a member scanned twice
    results: list[tuple[str, int, str, float]] = []
    lock = threading.Lock()

    def door(client: Door) -> None:
        """One door: scan after scan, at most one every ``interval`` seconds (0: as fast as the
        server answers, a saturation test)."""
        time.sleep(secrets.randbelow(1000) / 1000 * interval)
        while True:
            try:
                token = work.get_nowait()
            except queue.Empty:
                return
            status, outcome, ms = client.check_in(congress_id, token)
            with lock:
                results.append((token, status, outcome, ms))
            time.sleep(max(0.0, interval - ms / 1000))

    stop, polls = threading.Event(), []
    projector = threading.Thread(target=_projector, args=(clients[-1], congress_id, stop, polls))
    projector.start()
    started, cpu_before = time.perf_counter(), harness.server_cpu_seconds(master)
    threads = [threading.Thread(target=door, args=(client,)) for client in clients[:-1]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    stop.set()
    projector.join()
    cpu = harness.server_cpu_seconds(master) - cpu_before
    return {"results": results, "elapsed": elapsed, "polls": polls, "cpu": cpu}


def warm_up(clients: list[Door], congress_id: int) -> None:
    """Every worker thread loads Django's URLconf, templates and a database connection on its
    first requests (seconds on a busy machine); a hall's server has done that long before the
    doors open, so the timing starts after each client has made a few requests."""
    def warm(client: Door) -> None:
        for _ in range(3):
            client.request("GET", f"/hoi-truong/{congress_id}/so-lieu/")

    threads = [threading.Thread(target=warm, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _projector_latency(client: Door, congress_id: int, tokens: list[str]) -> list[float]:
    """Check one member in, then poll every 500 ms (projector.js) until the count shows it: the
    delay a person in the hall sees between the scan and the projector."""
    path = f"/hoi-truong/{congress_id}/man-chieu/trang-thai/"
    delays = []
    for token in tokens:
        before = _present_on_projector(client.request("GET", path)[2])
        time.sleep(secrets.randbelow(500) / 1000)  # the scan falls anywhere in the polling cycle
        client.check_in(congress_id, token)
        answered = time.perf_counter()
        next_poll = answered + (0.5 - (answered % 0.5))
        while time.perf_counter() - answered < 10:
            time.sleep(max(0.0, next_poll - time.perf_counter()))
            if _present_on_projector(client.request("GET", path)[2]) > before:
                delays.append((time.perf_counter() - answered) * 1000)
                break
            next_poll += 0.5
        else:
            delays.append(float("inf"))  # never shown: reported as a failure
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=1500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
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
    try:
        clients = [open_door(args.port, username) for _ in range(args.clients + 1)]
        warm_up(clients, congress_id)
        run = _load(congress_id, load_tokens, clients, args.interval, server.pid)
        delays = _projector_latency(clients[0], congress_id, probe_tokens)
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
    polls = [p for p in run["polls"] if p != float("inf")]
    print(f"{len(results)} check-in requests ({len(tokens)} members, {len(results) - len(tokens)} repeated scans) "
          f"from {args.clients} clients ({'closed loop' if not args.interval else f'one scan per {args.interval:g} s per door'}), gunicorn gthread {args.workers}×{args.threads}, PostgreSQL, loopback")
    print(f"  wall {run['elapsed']:.2f} s, {len(results) / run['elapsed']:.0f} requests/s")
    # The projector's polls ran in the same window; they are few (two a second) and counted in.
    served = len(results) + len(run["polls"])
    print(f"  server CPU {run['cpu'] * 1000 / served:.2f} ms/request (gunicorn workers' user + system time over "
          f"{served} requests: check-ins and projector polls), ceiling {os.cpu_count() * served / run['cpu']:.0f} "
          f"requests/s on {os.cpu_count()} idle CPUs")
    print(f"  latency ms: p50 {harness.percentile(ms, .5):.1f}, p95 {harness.percentile(ms, .95):.1f}, p99 {harness.percentile(ms, .99):.1f}, max {max(ms):.1f}")
    print(f"  errors {len(errors)}, lost {lost}, doubled {doubled}, present in the database {present - PROBES} "
          f"of {len(tokens)} (+{PROBES} probes)")
    print(f"  projector polls during the load: {len(run['polls'])}, failed {len(run['polls']) - len(polls)}, "
          f"p50 {harness.percentile(polls, .5):.1f} ms, p95 {harness.percentile(polls, .95):.1f} ms")
    print(f"  projector update latency (scan answered → projector shows it, 500 ms polling), {len(delays)} probes: "
          f"p50 {harness.percentile(delays, .5):.0f} ms, p95 {harness.percentile(delays, .95):.0f} ms, max {max(delays):.0f} ms")
    ok = not errors and not lost and not doubled and present - PROBES == len(tokens) and harness.percentile(ms, .95) <= 100
    print("  target (no error, none lost or doubled, p95 ≤ 100 ms):", "MET" if ok else "NOT MET")


if __name__ == "__main__":
    main()
