"""Ballots per second of the rules core (issue 3): count_round on ballot records, and the whole
``daihoi tally`` run (JSON text in, JSON text out). Deterministic: a fixed seed; best of 3 runs.

    python3 bench/tally.py
"""
import io
import json
import random
import time
from collections.abc import Callable

from daihoi.rules.ballots import Flag, StrikeBallot
from daihoi.rules.counting import Candidate, Round, count_round
from daihoi.rules.tally_json import main

SEED = 2025
FLAG_RATE = 0.02  # share of ballots the counting committee flags (not issued, signed, ...)
FLAGS: tuple[Flag, ...] = ("not_issued", "write_in", "extra_content", "signed")


def records(voters: int, names: int, seats: int, rng: random.Random) -> list[dict[str, object]]:
    """Strike ballots: most strike enough names to be valid, a few too few or all of them, and
    about 2% carry a flag."""
    ids = [f"c{i}" for i in range(names)]
    margin = names - seats
    result: list[dict[str, object]] = []
    for _ in range(voters):
        record: dict[str, object] = {"struck": rng.sample(ids, rng.randint(margin - 1, names))}
        if rng.random() < FLAG_RATE:
            record["flags"] = [rng.choice(FLAGS)]
        result.append(record)
    return result


def document(voters: int, names: int, seats: int) -> dict[str, object]:
    rng = random.Random(SEED)
    return {
        "seats": seats,
        "candidates": [{"id": f"c{i}", "name": f"Nguyễn Văn {i}"} for i in range(names)],
        "electorate": {"kind": "members", "summoned": voters},
        "ballots": records(voters, names, seats, rng),
    }


def timed(run: Callable[[], object], repeats: int = 3) -> tuple[float, float]:
    """(wall, CPU) seconds, each the best of a few runs: the machine may be shared, and CPU time
    shows what the code costs when other processes take turns on the cores."""
    wall = cpu = float("inf")
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def rate(voters: int, seconds: tuple[float, float]) -> str:
    wall, cpu = seconds
    return f"{voters / wall:>10,.0f}/s wall ({wall:.3f} s), {voters / cpu:>10,.0f}/s CPU"


def bench(voters: int, names: int, seats: int) -> None:
    doc = document(voters, names, seats)
    round_ = Round(
        seats=seats,
        candidates=tuple(Candidate(f"c{i}", f"Nguyễn Văn {i}") for i in range(names)),
        denominator=voters,
    )
    ballots = [
        StrikeBallot(frozenset(r["struck"]), frozenset(r.get("flags", ())))  # type: ignore[arg-type]
        for r in doc["ballots"]  # type: ignore[attr-defined]
    ]
    text = json.dumps(doc)
    core = timed(lambda: count_round(round_, ballots))
    cli = timed(lambda: main(["-"], io.StringIO(text), io.StringIO(), io.StringIO()))
    print(f"{voters:,} ballots × {names} names, {seats} seats")
    print(f"  count_round (ballot records in memory): {rate(voters, core)}")
    print(f"  daihoi tally (JSON text in, JSON out):  {rate(voters, cli)}")


if __name__ == "__main__":
    bench(1_500, 60, 50)
    bench(1_000_000, 7, 6)
