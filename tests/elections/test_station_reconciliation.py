"""Ballot-by-ballot entry at counting stations: the stations are compared ballot by ballot and a
result exists only when all agree or the head has resolved every disagreement."""
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from daihoi.elections import selectors, services

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng", "Đỗ Thị Giang", "Hoàng Minh Hải"]


@pytest.fixture
def counting_round(adopted_election: Callable[..., Any], chair: Any) -> Any:
    election = adopted_election("committee", 5, SLATE)
    round_ = services.round_open(election=election, user=chair)
    services.round_counts_set(round_=round_, issued=12, collected=12, method="stations", station_count=2, user=chair)
    round_.refresh_from_db()
    return round_


def _enter(round_: Any, user: Any, station: int, readings: dict[int, list[int]]) -> None:
    for number, struck in readings.items():
        services.entry_save(round_=round_, station=station, number=number, struck=struck, marks=[], flags=[], user=user)


def _same_everywhere(round_: Any, user: Any) -> dict[int, list[int]]:
    readings = {n: [1 + n % 6] for n in range(1, 13)}
    _enter(round_, user, 1, readings)
    _enter(round_, user, 2, readings)
    return readings


def test_two_stations_that_agree_give_the_rules_core_result(counting_round: Any, chair: Any) -> None:
    _same_everywhere(counting_round, chair)
    outcome = selectors.round_outcome(counting_round)
    assert outcome.problems == []
    assert outcome.result.ballots.valid == 12
    # Each name is struck on exactly 2 of the 12 ballots: 10 votes each, a tie of six for five seats.
    assert {c.votes for c in outcome.result.candidates} == {10}
    assert outcome.result.status == "tie"


def test_one_disagreement_blocks_the_result_until_the_head_resolves_it(counting_round: Any, chair: Any) -> None:
    _same_everywhere(counting_round, chair)
    services.entry_save(round_=counting_round, station=2, number=7, struck=[1, 2], marks=[], flags=[], user=chair)
    reconciliation = selectors.reconcile(counting_round)
    assert [d.number for d in reconciliation.open] == [7]
    assert reconciliation.open[0].readings == {1: ((2,), (), ()), 2: ((1, 2), (), ())}
    with pytest.raises(ValidationError, match="1 phiếu các máy nhập khác nhau"):
        services.round_lock(round_=counting_round, user=chair)
    services.resolution_decide(round_=counting_round, number=7, struck=[2], marks=[], flags=[], user=chair)
    assert selectors.round_outcome(counting_round).problems == []
    assert counting_round.audit.filter(action="resolution_decide", user=chair).exists()


def test_a_ballot_missing_at_one_station_is_a_disagreement(counting_round: Any, chair: Any) -> None:
    readings = {n: [1] for n in range(1, 13)}
    _enter(counting_round, chair, 1, readings)
    _enter(counting_round, chair, 2, {n: [1] for n in range(1, 12)})
    assert [d.number for d in selectors.reconcile(counting_round).open] == [12]


def test_ballots_not_yet_entered_block_the_result(counting_round: Any, chair: Any) -> None:
    _enter(counting_round, chair, 1, {1: [1]})
    _enter(counting_round, chair, 2, {1: [1]})
    assert selectors.round_outcome(counting_round).problems == ["Còn 11 phiếu chưa nhập (thu vào 12 phiếu)."]


def test_a_ballot_number_beyond_those_collected_is_refused(counting_round: Any, chair: Any) -> None:
    with pytest.raises(ValidationError, match="từ 1 đến 12"):
        _enter(counting_round, chair, 1, {13: [1]})


def test_every_entry_is_audited_with_station_user_and_time(counting_round: Any, chair: Any) -> None:
    _enter(counting_round, chair, 2, {3: [4]})
    _enter(counting_round, chair, 2, {3: [5]})
    actions = list(counting_round.audit.filter(station=2).values_list("action", "user", "detail__number"))
    assert actions == [("entry_save", chair.pk, 3), ("entry_correct", chair.pk, 3)]
    assert all(entry.at for entry in counting_round.audit.all())
