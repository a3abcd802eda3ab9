"""``daihoi tally FILE.json``: count one round from a JSON file and print the result as JSON.

The JSON contract is issue 3's; other tools depend on it. Exit status 0 with the result on
standard output, or 2 with ONE line "daihoi tally: <field>: <message>" on standard error for input
that breaks the schema or contradicts itself. Never a traceback.
"""
import dataclasses
import gc
import io
import json
import sys
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar, cast

from daihoi.rules.ballots import (
    FLAGS,
    FORMS,
    INVALID_REASONS,
    MARKS,
    ApproveBallot,
    Ballot,
    Flag,
    InvalidReason,
    Mark,
    StrikeBallot,
)
from daihoi.rules.counting import Candidate, Round, RoundResult, Totals, count_round
from daihoi.rules.electorate import (
    DelegatesElectorate,
    Electorate,
    MembersElectorate,
    denominator,
)
from daihoi.rules.errors import InputError

# No congress counts more: a bound that keeps absurd numbers out of the arithmetic and the output.
MAX_COUNT = 10**9
KINDS: dict[str, type[MembersElectorate] | type[DelegatesElectorate]] = {
    "members": MembersElectorate,
    "delegates": DelegatesElectorate,
}
FLAG_SET: frozenset[Flag] = frozenset(FLAGS)
NOTHING: tuple[()] = ()  # a missing "struck" or "flags": no list to allocate per record
LISTS = (list, tuple)  # JSON gives lists; the tuple is NOTHING
StrikeKey = tuple[frozenset[str], frozenset[Flag]]
ApproveKey = tuple[tuple[tuple[str, Mark], ...], frozenset[Flag]]
MARK_SET: frozenset[Mark] = frozenset(MARKS)
T = TypeVar("T", bound=str)


def main(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``daihoi tally`` with ``argv`` = [FILE] or ["-"] (standard input); return the exit
    status. Counting follows 190-QĐ/TW Art 30 through ``count_round``."""
    try:
        if len(argv) != 1:
            raise InputError("usage", "daihoi tally FILE.json (or - to read standard input)")
        with _collector_paused():
            round_, ballots = parse(_load(_read(argv[0], stdin)))
            result = count_round(round_, ballots)
    except InputError as error:
        line = " ".join(f"daihoi tally: {error}".splitlines())
        stderr.write(line.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")
        return 2
    stdout.write(json.dumps(result_json(result), ensure_ascii=False, indent=2) + "\n")
    return 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A million ballot records are millions of containers and no reference cycles; the garbage
    collector would walk them again and again (five times slower), so it rests meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def result_json(result: RoundResult) -> dict[str, Any]:
    """The output object of the contract: the result's fields under the same names."""
    return dataclasses.asdict(result)


def parse(document: object) -> tuple[Round, list[Ballot] | Totals]:
    """The round and its ballot records (or hand-counted totals) described by a parsed input
    document; raises InputError naming the first field that is wrong."""
    top = _object(document, "input")
    form = top.get("form")
    round_ = Round(
        seats=_count(_required(top, "seats", ""), "seats"),
        candidates=_candidates(_required(top, "candidates", "")),
        denominator=denominator(_electorate(_required(top, "electorate", ""))),
        issued=_optional_count(top, "issued"),
        form=None if form is None else _choice(form, FORMS, "form"),
    )
    has_ballots, has_totals = top.get("ballots") is not None, top.get("totals") is not None
    if has_ballots == has_totals:
        raise InputError("ballots", 'give exactly one of "ballots" and "totals"')
    collected = _optional_count(top, "collected")
    if has_ballots:
        ballots = _ballots(top["ballots"], round_)
        if collected is not None and collected != len(ballots):
            raise InputError("collected", f"is {collected} but there are {len(ballots)} ballot records")
        return round_, ballots
    totals = _totals(top["totals"])
    if collected is not None and collected != totals.valid + totals.invalid:
        raise InputError("collected", f"is {collected} but valid + invalid is {totals.valid + totals.invalid}")
    return round_, totals


def _read(path: str, stdin: TextIO) -> str:
    try:
        if path == "-":
            raw: str | bytes = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read()
        else:
            with open(path, "rb") as file:
                raw = file.read()
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror}") from None
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("input", "not UTF-8 text") from None


def _load(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InputError("input", f"not valid JSON ({error})") from None


def _candidates(value: object) -> tuple[Candidate, ...]:
    candidates = []
    for index, item in enumerate(_list(value, "candidates")):
        path = f"candidates[{index}]"
        record = _object(item, path)
        candidates.append(Candidate(
            id=_string(_required(record, "id", path), f"{path}.id"),
            name=_string(_required(record, "name", path), f"{path}.name"),
        ))
    return tuple(candidates)


def _electorate(value: object) -> Electorate:
    record = _object(value, "electorate")
    kind = _string(_required(record, "kind", "electorate"), "electorate.kind")
    if kind not in KINDS:
        raise InputError("electorate.kind", 'must be "members" or "delegates"')
    cls = KINDS[kind]
    allowed = {field.name for field in dataclasses.fields(cls)} - {"summoned"}
    excluded = record.get("excluded")
    counts = {}
    for name, count in _object({} if excluded is None else excluded, "electorate.excluded").items():
        if name not in allowed:
            raise InputError(f"electorate.excluded.{name}", f"not an exclusion of a congress of {kind}")
        counts[name] = _count(count, f"electorate.excluded.{name}")
    return cls(_count(_required(record, "summoned", "electorate"), "electorate.summoned"), **counts)


def _ballots(value: object, round_: Round) -> list[Ballot]:
    """The ballot records. Well-formed records take a quick path that reduces each to a hashable
    key, and identical papers share one Ballot value (cheap to count); any other record goes to
    the careful parser, which names the error."""
    known = frozenset(round_.ids)
    strike = round_.ballot_form == "strike"
    quick_key, make = (_strike_key, _strike_ballot) if strike else (_approve_key, _approve_ballot)
    careful = _strike_record if strike else _approve_record
    shared: dict[Hashable, Ballot] = {}
    ballots: list[Ballot] = []
    for index, record in enumerate(_list(value, "ballots")):
        key = quick_key(record, known)
        if key is None:
            ballots.append(careful(record, f"ballots[{index}]", known))
            continue
        ballot = shared.get(key)
        if ballot is None:
            ballot = shared[key] = make(key)
        ballots.append(ballot)
    return ballots


def _strike_key(record: object, known: frozenset[str]) -> StrikeKey | None:
    if type(record) is not dict or "marks" in record:
        return None
    struck, flags = record.get("struck", NOTHING), record.get("flags", NOTHING)
    if type(struck) not in LISTS or type(flags) not in LISTS:
        return None
    try:
        ids, flag_set = known.intersection(struck), FLAG_SET.intersection(flags)
    except TypeError:
        return None
    if len(ids) != len(struck) or len(flag_set) != len(flags):
        return None
    return ids, flag_set


def _strike_ballot(key: Hashable) -> Ballot:
    ids, flag_set = cast(StrikeKey, key)
    return StrikeBallot(ids, flag_set)


def _approve_key(record: object, known: frozenset[str]) -> ApproveKey | None:
    if type(record) is not dict or "struck" in record:
        return None
    marks, flags = record.get("marks", {}), record.get("flags", NOTHING)
    if type(marks) is not dict or type(flags) not in LISTS:
        return None
    try:
        well_formed = known.issuperset(marks) and MARK_SET.issuperset(marks.values())
        pairs, flag_set = tuple(marks.items()), FLAG_SET.intersection(flags)
        hash(pairs)
    except TypeError:
        return None
    if not well_formed or len(flag_set) != len(flags):
        return None
    return pairs, flag_set


def _approve_ballot(key: Hashable) -> Ballot:
    pairs, flag_set = cast(ApproveKey, key)
    return ApproveBallot.of(dict(pairs), flag_set)


def _strike_record(value: object, path: str, known: frozenset[str]) -> Ballot:
    record = _object(value, path)
    if "marks" in record:
        raise InputError(f"{path}.marks", 'a strike ballot lists "struck" ids, not marks')
    struck = _list(record.get("struck", []), f"{path}.struck")
    return StrikeBallot(_known_ids(struck, f"{path}.struck", known), _flags(record, path))


def _approve_record(value: object, path: str, known: frozenset[str]) -> Ballot:
    record = _object(value, path)
    if "struck" in record:
        raise InputError(f"{path}.struck", 'an approve ballot has "marks", not struck ids')
    marks: dict[str, Mark] = {}
    for cid, mark in _object(record.get("marks", {}), f"{path}.marks").items():
        marks[_known_id(cid, f"{path}.marks", known)] = _choice(mark, MARKS, f"{path}.marks.{cid}")
    return ApproveBallot.of(marks, _flags(record, path))


def _flags(record: dict[str, object], path: str) -> frozenset[Flag]:
    items = _list(record.get("flags", []), f"{path}.flags")
    return frozenset(_choice(item, FLAGS, f"{path}.flags[{index}]") for index, item in enumerate(items))


def _totals(value: object) -> Totals:
    record = _object(value, "totals")
    votes = _object(_required(record, "votes", "totals"), "totals.votes")
    reasons = _object(record.get("invalid_reasons", {}), "totals.invalid_reasons")
    return Totals(
        valid=_count(_required(record, "valid", "totals"), "totals.valid"),
        invalid=_count(_required(record, "invalid", "totals"), "totals.invalid"),
        votes={cid: _count(count, f"totals.votes.{cid}") for cid, count in votes.items()},
        invalid_reasons=_reasons(reasons),
    )


def _reasons(record: dict[str, object]) -> dict[InvalidReason, int]:
    counts: dict[InvalidReason, int] = {}
    for name, count in record.items():
        field = f"totals.invalid_reasons.{name}"
        counts[_choice(name, INVALID_REASONS, field)] = _count(count, field)
    return counts


def _known_ids(items: list[object], path: str, known: frozenset[str]) -> frozenset[str]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        cid = _known_id(item, f"{path}[{index}]", known)
        if cid in seen:
            raise InputError(f"{path}[{index}]", f"duplicate id {cid!r}")
        seen.add(cid)
    return frozenset(seen)


def _known_id(value: object, field: str, known: frozenset[str]) -> str:
    cid = _string(value, field)
    if cid not in known:
        raise InputError(field, f"unknown candidate id {cid!r}")
    return cid


def _required(record: dict[str, object], key: str, path: str) -> object:
    if record.get(key) is None:
        raise InputError(f"{path}.{key}" if path else key, "is missing")
    return record[key]


def _optional_count(record: dict[str, object], key: str) -> int | None:
    value = record.get(key)
    return None if value is None else _count(value, key)


def _object(value: object, field: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise InputError(field, "must be a JSON object")
    return value


def _list(value: object, field: str) -> list[object]:
    if not isinstance(value, list):
        raise InputError(field, "must be a JSON array")
    return value


def _string(value: object, field: str) -> str:
    if not isinstance(value, str) or not value:
        raise InputError(field, "must be a non-empty string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(field, "is not valid Unicode text") from None
    return value


def _count(value: object, field: str) -> int:
    if type(value) is not int:
        raise InputError(field, "must be a whole number")
    if value < 0:
        raise InputError(field, "must not be negative")
    if value > MAX_COUNT:
        raise InputError(field, f"is larger than {MAX_COUNT}")
    return value


def _choice(value: object, choices: tuple[T, ...], field: str) -> T:
    for choice in choices:
        if value == choice:
            return choice
    raise InputError(field, "must be one of " + ", ".join(f'"{choice}"' for choice in choices))


def _run() -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    return main(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(_run())
