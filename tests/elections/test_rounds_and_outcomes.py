"""Rounds and their outcomes from the rules core: a tie leads to a re-vote among the tied for the
remaining seats; the secretary gets at most three rounds; a locked round refuses edits and only a
recorded recount reopens it, keeping the announced result."""
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from daihoi.elections import selectors, services

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


def test_a_tie_for_the_last_seat_leads_to_a_runoff_among_the_tied(
        adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any], chair: Any) -> None:
    election = adopted_election("committee", 3, SLATE)
    first = counted_by_hand(election, {"Nguyễn Văn An": 11, "Trần Thị Bích": 10, "Lê Hữu Cường": 8, "Phạm Ngọc Dũng": 8}, valid=12)
    assert first.result["status"] == "tie"
    runoff_list = services.runoff_prepare(round_=first, user=chair)
    assert runoff_list.seats == 1 and runoff_list.adopted_at is not None
    assert [c.full_name for c in selectors.on_list(runoff_list)] == ["Lê Hữu Cường", "Phạm Ngọc Dũng"]
    second = counted_by_hand(election, {"Lê Hữu Cường": 9, "Phạm Ngọc Dũng": 3}, valid=12)
    assert (second.number, second.seats, second.result["status"]) == (2, 1, "complete")
    assert selectors.remaining_seats(election) == 0
    with pytest.raises(ValidationError, match="Đã bầu đủ số lượng"):
        services.round_open(election=election, user=chair)


def test_unfilled_seats_may_be_voted_again_on_a_new_list_version(
        adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any], chair: Any) -> None:
    election = adopted_election("committee", 3, SLATE)
    first = counted_by_hand(election, {"Nguyễn Văn An": 11, "Trần Thị Bích": 6, "Lê Hữu Cường": 5, "Phạm Ngọc Dũng": 4}, valid=12)
    assert (first.result["status"], first.result["unfilled"]) == ("unfilled", 2)
    draft = services.list_new_version(election=election, seats=2, candidate_ids=None, user=chair)
    assert draft.version == 2 and draft.adopted_at is None
    assert [c.full_name for c in selectors.on_list(draft)] == ["Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]
    with pytest.raises(ValidationError, match="chưa thông qua danh sách"):
        services.round_open(election=election, user=chair)


def test_the_secretary_fourth_round_is_refused(adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any],
                                               chair: Any) -> None:
    committee = adopted_election("committee", 3, SLATE)
    counted_by_hand(committee, {"Nguyễn Văn An": 11, "Trần Thị Bích": 10, "Lê Hữu Cường": 9}, valid=12)
    election = adopted_election("secretary", 1, ["Nguyễn Văn An"])
    for _ in range(3):
        assert counted_by_hand(election, {"Nguyễn Văn An": 5}, valid=12).result["status"] == "unfilled"
    with pytest.raises(ValidationError, match="lần thứ 4"):
        services.round_open(election=election, user=chair)
    assert election.rounds.count() == 3


def test_a_locked_round_refuses_edits_and_a_recount_keeps_the_old_result(
        adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any], chair: Any) -> None:
    election = adopted_election("committee", 3, SLATE)
    locked = counted_by_hand(election, {"Nguyễn Văn An": 11, "Trần Thị Bích": 10, "Lê Hữu Cường": 9}, valid=12)
    for edit in (
        lambda: services.totals_set(round_=locked, valid=12, invalid=0, votes={}, invalid_reasons={}, user=chair),
        lambda: services.round_counts_set(round_=locked, issued=12, collected=12, method="hand", station_count=1, user=chair),
        lambda: services.round_lock(round_=locked, user=chair),
    ):
        with pytest.raises(ValidationError, match="đã công bố kết quả"):
            edit()
    announced = locked.result
    with pytest.raises(ValidationError, match="lý do"):
        services.round_recount(round_=locked, reason="  ", user=chair)
    recount = services.round_recount(round_=locked, reason="Đại biểu đề nghị kiểm lại", user=chair)
    locked.refresh_from_db()
    assert recount.previous_result == announced
    assert (locked.status, locked.result) == ("counting", None)
    assert locked.audit.filter(action="round_recount").exists()


def test_more_ballots_collected_than_issued_void_the_round(adopted_election: Callable[..., Any], chair: Any) -> None:
    election = adopted_election("committee", 3, SLATE)
    round_ = services.round_open(election=election, user=chair)
    services.round_counts_set(round_=round_, issued=10, collected=11, method="hand", station_count=1, user=chair)
    services.totals_set(round_=round_, valid=11, invalid=0, votes={}, invalid_reasons={}, user=chair)
    assert services.round_lock(round_=round_, user=chair).result["status"] == "void"
    assert services.round_open(election=election, user=chair).number == 2


def test_a_round_freezes_d_when_it_opens(adopted_election: Callable[..., Any], congress: Any, chair: Any) -> None:
    from daihoi.congresses import services as hall

    election = adopted_election("committee", 3, SLATE)
    round_ = services.round_open(election=election, user=chair)
    leaving = congress.attendances.filter(is_present=True).first()
    hall.attendance_check_out(attendance=leaving)
    round_.snapshot.refresh_from_db()
    assert round_.snapshot.present == 12
    assert selectors.round_minutes_context(round_)["present"] == 12
