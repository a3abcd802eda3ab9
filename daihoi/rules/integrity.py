"""The fingerprint of an announced round, and the check ``daihoi verify`` runs on a round file.

A round file is the ``daihoi tally`` input of the round (its list, frozen electorate, counts and
every counted ballot or the hand totals), the result the counting committee announced, and the
fingerprint: SHA-256 over the canonical JSON of input and result (keys sorted, no spaces, UTF-8).
Anyone can feed ``input`` to ``daihoi tally`` and compare; ``verify`` does both checks at once.
"""
import hashlib
import json
from typing import Any

from daihoi.rules.ballots import Ballot, StrikeBallot
from daihoi.rules.counting import count_round
from daihoi.rules.errors import InputError
from daihoi.rules.tally_json import parse, result_json


def canonical(document: object) -> bytes:
    """One byte string per JSON value, whatever the key order or spacing it was written with."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def fingerprint(document: dict[str, Any]) -> str:
    """SHA-256 (hex) of the canonical form of ``document``."""
    return hashlib.sha256(canonical(document)).hexdigest()


def ballot_json(ballot: Ballot) -> dict[str, Any]:
    """A counted ballot as one record of the ``daihoi tally`` input (the parser's inverse)."""
    if isinstance(ballot, StrikeBallot):
        return {"struck": sorted(ballot.struck), "flags": sorted(ballot.flags)}
    return {"marks": dict(ballot.marks), "flags": sorted(ballot.flags)}


def round_file(tally_input: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """The exported round: input, announced result and their fingerprint."""
    return {"input": tally_input, "result": result, "fingerprint": fingerprint({"input": tally_input, "result": result})}


def verify(document: object) -> list[str]:
    """What differs in a round file: the result counted again from its input by the rules core
    (190-QĐ/TW Art 30, ``count_round``) against the announced one, field by field, and the
    fingerprint against the file's. An empty list: the file is intact. Raises InputError when
    the file is not a round file or its input breaks the ``daihoi tally`` contract."""
    if not isinstance(document, dict) or not {"input", "result", "fingerprint"} <= document.keys():
        raise InputError("file", 'a round file is a JSON object with "input", "result" and "fingerprint"')
    announced = document["result"]
    if not isinstance(announced, dict):
        raise InputError("result", "must be a JSON object")
    round_, ballots = parse(document["input"])
    counted = json.loads(json.dumps(result_json(count_round(round_, ballots))))
    problems = [f"result.{key}: announced {json.dumps(announced.get(key), ensure_ascii=False)}, "
                f"counted {json.dumps(counted.get(key), ensure_ascii=False)}"
                for key in sorted(counted.keys() | announced.keys()) if counted.get(key) != announced.get(key)]
    expected = fingerprint({"input": document["input"], "result": announced})
    if document["fingerprint"] != expected:
        problems.append(f"fingerprint: the file says {document['fingerprint']}, its content gives {expected}")
    return problems
