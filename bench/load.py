"""The hall at its busiest (issue 10): 300 members checking in at once at one congress while 3
counting stations each enter the same 500 ballots of another congress's round, on PostgreSQL
through gunicorn over loopback. Then the database is read back: zero errors, zero lost or
doubled check-ins, every station's every ballot stored exactly once with what was sent, and the
stations reconcile to 500 agreed ballots with no problem.

    DATABASE_URL=postgres://… .venv/bin/python bench/load.py [--checkins 300] [--ballots 500]
        [--stations 3] [--names 60] [--workers 3] [--threads 8]

It reuses bench/checkin.py (the congress, the door clients) and bench/counting.py (the round,
one station's operator); every client starts at one barrier, so the 300 check-ins are truly
concurrent with the stations' first entries.
"""
import argparse
import faulthandler
import os
import random
import signal
import threading
import time

import checkin
import counting
import harness

REPEATED_EVERY = 10  # one member in ten is scanned twice: the second scan must say "already"


def _run(port: int, congress_id: int, tokens: list[str], secretary: str, round_id: int, counter: str,
         args: argparse.Namespace) -> dict[str, object]:
    doors = [checkin.open_door(port, secretary) for _ in tokens]
    stations = [harness.Client(port, *harness.session_cookie(counter)) for _ in range(args.stations)]
    checkin.warm_up(doors[:args.workers * args.threads], congress_id)
    start = threading.Barrier(len(doors) + len(stations) + 1)
    scans: list[tuple[str, int, str, float]] = []
    finished: dict[str, list[float]] = {"check-ins": [], "entries": []}  # when each kind's last answer came
    entry_seconds: list[float] = []
    entry_errors: list[str] = []
    lock = threading.Lock()

    def door(n: int, client: checkin.Door, token: str) -> None:
        start.wait()
        for _ in range(2 if n % REPEATED_EVERY == REPEATED_EVERY - 1 else 1):
            status, outcome, ms = client.check_in(congress_id, token)
            with lock:
                scans.append((token, status, outcome, ms))
        finished["check-ins"].append(time.perf_counter())
        client.close()

    def station(number: int, client: harness.Client) -> None:
        start.wait()
        counting.station(client, round_id, number, args.ballots, args.names, entry_seconds, entry_errors)
        finished["entries"].append(time.perf_counter())

    threads = [threading.Thread(target=door, args=(n, client, token)) for n, (client, token) in enumerate(zip(doors, tokens))]
    threads += [threading.Thread(target=station, args=(n, client)) for n, client in enumerate(stations, start=1)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return {"scans": scans, "entry_ms": [s * 1000 for s in entry_seconds], "entry_errors": entry_errors,
            "wall": time.perf_counter() - began, "checkin_wall": max(finished["check-ins"]) - began,
            "entry_wall": max(finished["entries"]) - began}


def _stored(congress_id: int, tokens: list[str], round_id: int, args: argparse.Namespace) -> dict[str, int]:
    """What the database holds after the run, compared with what was sent."""
    from daihoi.congresses.models import Attendance
    from daihoi.elections import selectors
    from daihoi.elections.models import BallotEntry, Round

    present = Attendance.objects.filter(congress_id=congress_id, is_present=True)
    entries = BallotEntry.objects.filter(round_id=round_id)
    sent = {n: sorted(random.Random(n).sample(range(1, args.names + 1), 10)) for n in range(1, args.ballots + 1)}
    keys = list(entries.values_list("station", "number", "struck"))
    wrong = sum(1 for _, number, struck in keys if sent.get(number) != list(struck))
    round_ = Round.objects.select_related("snapshot", "election_list", "election").get(pk=round_id)
    outcome = selectors.round_outcome(round_)
    return {
        "present": present.count(), "present_of_load": present.filter(token__in=tokens).count(),
        "entries": len(keys), "distinct_entries": len({(s, n) for s, n, _ in keys}), "wrong_entries": wrong,
        "agreed": len(selectors.reconcile(round_).agreed), "problems": len(outcome.problems),
    }


def _line(name: str, values: list[float], wall: float) -> str:
    """Throughput over the time this kind of request took to finish (all start together)."""
    return (f"  {name}: {len(values)} requests in {wall:.1f} s, {len(values) / wall:.0f}/s; latency ms p50 {harness.percentile(values, .5):.0f}, "
            f"p95 {harness.percentile(values, .95):.0f}, p99 {harness.percentile(values, .99):.0f}, max {max(values):.0f}")


def _report(args: argparse.Namespace, tokens: list[str], run: dict, stored: dict[str, int]) -> bool:
    scans, entry_ms, wall = run["scans"], run["entry_ms"], run["wall"]
    scan_errors = [s for s in scans if s[1] != 200 or s[2] not in ("new", "already")]
    new = [s[0] for s in scans if s[2] == "new"]
    lost_checkins = len(set(tokens) - set(new))
    doubled_checkins = len(new) - len(set(new))
    expected_entries = args.ballots * args.stations
    lost_entries = expected_entries - stored["distinct_entries"]
    doubled_entries = stored["entries"] - stored["distinct_entries"]
    every = [s[3] for s in scans] + entry_ms
    print(f"{len(tokens)} members checking in at once ({len(scans) - len(tokens)} scanned twice) + {args.stations} stations × "
          f"{args.ballots} ballots ({args.names} names), gunicorn gthread {args.workers}×{args.threads}, PostgreSQL, loopback")
    print(f"  wall {wall:.1f} s, {len(every)} requests, {len(every) / wall:.0f} requests/s")
    print(_line("check-ins", [s[3] for s in scans], run["checkin_wall"]))
    print(_line("ballot entries", entry_ms, run["entry_wall"]))
    print(f"  all requests: p99 {harness.percentile(every, .99):.0f} ms")
    print(f"  errors: check-in {len(scan_errors)}, entry {len(run['entry_errors'])}")
    print(f"  check-ins: lost {lost_checkins}, doubled {doubled_checkins}, present in the database "
          f"{stored['present_of_load']} of {len(tokens)} (all present {stored['present']})")
    print(f"  ballot entries: stored {stored['entries']} of {expected_entries}, lost {lost_entries}, doubled {doubled_entries}, "
          f"stored differently from what was sent {stored['wrong_entries']}; reconciled {stored['agreed']} of {args.ballots} "
          f"agreed, {stored['problems']} problem(s)")
    for error in (scan_errors[:3] + run["entry_errors"][:3]):
        print("   ", error)
    ok = (not scan_errors and not run["entry_errors"] and not lost_checkins and not doubled_checkins
          and stored["present_of_load"] == len(tokens) and not lost_entries and not doubled_entries
          and not stored["wrong_entries"] and stored["agreed"] == args.ballots and not stored["problems"])
    print("  target (zero errors, zero lost or doubled records):", "MET" if ok else "NOT MET")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkins", type=int, default=300)
    parser.add_argument("--ballots", type=int, default=500)
    parser.add_argument("--stations", type=int, default=3)
    parser.add_argument("--names", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8741)
    args = parser.parse_args()
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 <pid>` prints where a stuck run is
    harness.require_postgres()
    harness.setup_django(os.environ.get("DAIHOI_DATA_DIR", "/tmp/daihoi-bench-load"))
    congress_id, tokens, secretary = checkin.build(args.checkins)
    round_id, counter = counting.build_round(args.ballots, args.names, args.stations)
    server = harness.gunicorn(args.port, args.workers, args.threads, {"DB_CONN_MAX_AGE": "60"})
    try:
        run = _run(args.port, congress_id, tokens, secretary, round_id, counter, args)
    finally:
        harness.stop(server)
    return 0 if _report(args, tokens, run, _stored(congress_id, tokens, round_id, args)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
