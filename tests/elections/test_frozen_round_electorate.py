"""Issue 11: a ballot round decides on the electorate frozen when it opened; a member who arrives
later changes the live count and the next vote, never that round's D or quorum."""
from collections.abc import Callable
from typing import Any

import pytest

from daihoi.congresses import selectors as hall
from daihoi.congresses import services as hall_services
from daihoi.elections import services


@pytest.fixture
def congress(seated_congress: Callable[..., Any]) -> Any:
    """12 full members summoned, 9 checked in; one of the absent has an accepted reason (D = 11)."""
    congress = seated_congress(full=12, present=9)
    late = congress.attendances.filter(is_present=False).select_related("member").first()
    hall_services.attendance_set_absence(attendance=late, reason="Đi công tác", accepted=True)
    return congress


def test_a_member_arriving_after_a_round_opened_does_not_change_that_rounds_d_or_quorum(
        congress, adopted_election, chair):
    election = adopted_election("committee", 3, ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"])
    round_ = services.round_open(election=election, user=chair)
    assert (round_.snapshot.present, round_.snapshot.denominator, round_.snapshot.quorum_met) == (9, 11, True)
    reason = round_.snapshot.quorum_reason
    late = congress.attendances.get(reason_accepted=True)
    hall_services.attendance_check_in(congress=congress, attendance_ids=[late.pk])

    live = hall.hall_counts(congress)
    assert (live.present, live.denominator) == (10, 12)
    round_.snapshot.refresh_from_db()
    assert (round_.snapshot.present, round_.snapshot.denominator, round_.snapshot.quorum_reason) == (9, 11, reason)
    vote = hall.vote_in_progress(congress)
    assert vote.is_ballot and vote.snapshot == round_.snapshot
    assert vote.sentence == "Có mặt 9/12 đảng viên chính thức được triệu tập; đủ điều kiện tiến hành bầu cử."


def test_the_projector_shows_the_open_rounds_frozen_figures_and_the_live_count_for_the_next(
        congress, adopted_election, chair, client_for):
    election = adopted_election("committee", 3, ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"])
    services.round_open(election=election, user=chair)
    late = congress.attendances.get(reason_accepted=True)
    hall_services.attendance_check_in(congress=congress, attendance_ids=[late.pk])
    html = client_for(chair).get(f"/hoi-truong/{congress.pk}/man-chieu/trang-thai/").content.decode()
    assert 'data-frozen-present="9"' in html and 'data-frozen-denominator="11"' in html
    assert 'data-live="next"' in html and 'data-count="present">10/12' in html
    assert "Bầu chi ủy, lần 1" in html
