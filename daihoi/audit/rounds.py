"""A round as the ``daihoi tally`` contract's input, read from the elections' records: the list in
ballot order, the frozen electorate, the counts, and every ballot the stations agreed on (or the
head decided), or the hand totals. Reading only; the rules core does the counting."""
from typing import Any

from daihoi.elections import selectors
from daihoi.elections.models import CountMethod, Round
from daihoi.rules.integrity import ballot_json


def round_tally_input(round_: Round) -> dict[str, Any]:
    spec = selectors.rules_round(round_)
    snapshot = round_.snapshot
    document: dict[str, Any] = {
        "seats": spec.seats,
        "candidates": [{"id": c.id, "name": c.name} for c in spec.candidates],
        "electorate": {"kind": "members", "summoned": snapshot.summoned, "excluded": dict(snapshot.exclusions)},
        "issued": round_.issued, "collected": round_.collected, "form": spec.ballot_form,
    }
    if round_.method == CountMethod.HAND:
        document["totals"] = round_.totals
    else:
        agreed = selectors.reconcile(round_).agreed
        document["ballots"] = [ballot_json(selectors.to_ballot(agreed[n], spec.ids, spec.ballot_form)) for n in sorted(agreed)]
    return document
