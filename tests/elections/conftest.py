"""Fixtures of the elections: a congress in session, an election with an adopted list, and a
round being counted at stations."""
from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def chair(make_user: Callable[..., Any], branch: Any) -> Any:
    return make_user("bithu-dh", "branch_secretary", branch=branch)


@pytest.fixture
def congress(seated_congress: Callable[..., Any]) -> Any:
    return seated_congress(full=12)


@pytest.fixture
def member_named(congress: Any) -> Callable[[str], Any]:
    def find(name: str) -> Any:
        return congress.branch.members.get(full_name=name)

    return find


@pytest.fixture
def adopted_election(congress: Any, chair: Any, member_named: Callable[[str], Any]) -> Callable[..., Any]:
    """An election of ``office`` for ``seats`` with these names as the slate, adopted by all
    present."""
    from daihoi.elections import services

    def make(office: str, seats: int, names: list[str]) -> Any:
        election = services.election_create(congress=congress, office=office, seats=seats, user=chair)
        for name in names:
            services.candidate_add(election=election, member_id=member_named(name).pk, source="slate", user=chair)
        present = congress.attendances.filter(is_present=True).count()
        motion = services.list_adopt(election=election, hands=(present, 0, 0), user=chair)
        assert motion.passed
        return election

    return make


@pytest.fixture
def counted_by_hand(chair: Any) -> Callable[..., Any]:
    """Open a round, enter issued = collected = sum and hand totals {name: votes}; lock it."""
    from daihoi.elections import selectors, services

    def run(election: Any, votes: dict[str, int], valid: int, lock: bool = True) -> Any:
        round_ = services.round_open(election=election, user=chair)
        services.round_counts_set(round_=round_, issued=valid, collected=valid, method="hand", station_count=1, user=chair)
        by_pk = {c.pk: votes.get(c.full_name, 0) for c in selectors.ballot_candidates(round_)}
        services.totals_set(round_=round_, valid=valid, invalid=0, votes=by_pk, invalid_reasons={}, user=chair)
        return services.round_lock(round_=round_, user=chair) if lock else round_

    return run
