"""Giving places to the highest counts, with ties for the last place(s) left undecided."""
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Tie:
    """Candidates with equal counts competing for the last ``seats`` places: none of them is
    given a place ([C] setting tie_break: they go to a new round)."""

    candidates: tuple[str, ...]
    seats: int


def top(counts: Mapping[str, int], places: int) -> tuple[tuple[str, ...], Tie | None]:
    """The ids given the ``places``: highest count first, equal counts in the mapping's order,
    and the tie for the last place(s) if equal counts straddle the cut (190-QĐ/TW Art 30: seats
    go to the highest counts, exactly as many as the seats; never an "older wins" rule)."""
    ranked = sorted(counts, key=lambda cid: -counts[cid])
    if len(ranked) <= places:
        return tuple(ranked), None
    if places <= 0:
        return (), None
    last = counts[ranked[places - 1]]
    if counts[ranked[places]] < last:
        return tuple(ranked[:places]), None
    chosen = tuple(cid for cid in ranked if counts[cid] > last)
    tied = tuple(cid for cid in counts if counts[cid] == last)
    return chosen, Tie(tied, places - len(chosen))
