"""The results the branch submits for approval come from the announced rounds, not typed: once the
committee, secretary and deputy elections have filled their seats, the branch secretary submits
them from the elections page and the ward approves them through the plans app."""
from collections.abc import Callable
from typing import Any

import pytest

from daihoi.elections import selectors
from daihoi.plans.models import CongressResult

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


@pytest.fixture
def elected(adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any]) -> Callable[[bool], Any]:
    """Committee (3 of 4), secretary and deputy elections; the deputy's round locked or not."""
    def run(deputy_locked: bool = True) -> Any:
        committee = adopted_election("committee", 3, SLATE)
        counted_by_hand(committee, {"Nguyễn Văn An": 11, "Trần Thị Bích": 10, "Lê Hữu Cường": 9, "Phạm Ngọc Dũng": 2}, valid=12)
        counted_by_hand(adopted_election("secretary", 1, ["Nguyễn Văn An"]), {"Nguyễn Văn An": 11}, valid=12)
        deputy = adopted_election("deputy_secretary", 1, ["Trần Thị Bích"])
        return counted_by_hand(deputy, {"Trần Thị Bích": 10}, valid=12, lock=deputy_locked)

    return run


def test_nothing_is_offered_while_an_election_has_seats_to_fill(congress: Any, elected: Callable[[bool], Any],
                                                                 client_for: Any, chair: Any) -> None:
    elected(False)
    assert selectors.result_input_from_rounds(congress) is None
    assert "Trình kết quả lên Đảng ủy" not in client_for(chair).get(f"/bau-cu/dai-hoi/{congress.pk}/").content.decode()


def test_the_announced_results_are_taken_with_the_frozen_d(congress: Any, elected: Callable[[bool], Any]) -> None:
    elected()
    data = selectors.result_input_from_rounds(congress)
    assert (data.summoned, data.present, data.denominator, data.committee_seats) == (12, 12, 12, 3)
    assert [(m.full_name, v) for m, v in data.committee] == [("Nguyễn Văn An", 11), ("Trần Thị Bích", 10), ("Lê Hữu Cường", 9)]
    assert (data.secretary[0].full_name, data.secretary[1]) == ("Nguyễn Văn An", 11)
    assert (data.deputy[0].full_name, data.deputy[1], data.source) == ("Trần Thị Bích", 10, "elections")


def test_the_secretary_submits_and_the_ward_approves(congress: Any, elected: Callable[[bool], Any], client_for: Any,
                                                     chair: Any, ward_office_user: Any) -> None:
    elected()
    page = client_for(chair).get(f"/bau-cu/dai-hoi/{congress.pk}/").content.decode()
    assert "Trình kết quả lên Đảng ủy" in page
    response = client_for(chair).post(f"/bau-cu/dai-hoi/{congress.pk}/", {"action": "submit_results"}, follow=True)
    assert "Đã trình kết quả bầu cử lên Đảng ủy" in response.content.decode()
    result = CongressResult.objects.get(congress=congress)
    assert (result.source, result.denominator, result.submitted_by) == ("elections", 12, chair)
    assert sorted((p.office, p.full_name, p.votes) for p in result.elected.all()) == [
        ("committee", "Lê Hữu Cường", 9), ("committee", "Nguyễn Văn An", 11), ("committee", "Trần Thị Bích", 10),
        ("deputy_secretary", "Trần Thị Bích", 10), ("secretary", "Nguyễn Văn An", 11)]
    client_for(ward_office_user).post(f"/dai-hoi/chi-bo/{congress.pk}/chuan-y/",
                                      {"decision_number": "125-QĐ/ĐU", "decided_on": "2022-09-01"})
    congress.refresh_from_db()
    assert (congress.status, congress.approval_decision_number) == ("approved", "125-QĐ/ĐU")
    assert "Trình kết quả lên Đảng ủy" not in client_for(chair).get(f"/bau-cu/dai-hoi/{congress.pk}/").content.decode()


def test_a_member_of_the_counting_committee_cannot_submit(congress: Any, elected: Callable[[bool], Any],
                                                          client_for: Any, make_user: Any, branch: Any) -> None:
    elected()
    counter = make_user("kiemphieu-dh", "counting_committee", branch=branch)
    assert client_for(counter).post(f"/bau-cu/dai-hoi/{congress.pk}/", {"action": "submit_results"}).status_code == 403
    assert not CongressResult.objects.filter(congress=congress).exists()
