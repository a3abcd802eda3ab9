"""Building the election list: the margin and the opinion poll are checked at every step by the
rules core, with messages in Vietnamese (190-QĐ/TW Art 14; 294-QĐ/TW)."""
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from daihoi.elections import selectors, services

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng", "Đỗ Thị Giang", "Hoàng Minh Hải"]


def _election(congress: Any, chair: Any, names: list[str], seats: int = 5) -> Any:
    election = services.election_create(congress=congress, office="committee", seats=seats, user=chair)
    for name in names:
        member = congress.branch.members.get(full_name=name)
        services.candidate_add(election=election, member_id=member.pk, source="slate", user=chair)
    return election


def _problems(election: Any) -> list[str]:
    return selectors.list_problems(election, selectors.current_list(election))


def test_a_list_beyond_the_margin_cap_is_refused_with_the_rules_core_message(congress: Any, chair: Any) -> None:
    election = _election(congress, chair, SLATE + ["Vũ Thị Hằng"])
    assert _problems(election) == ["Danh sách có 7 người cho 5 chi ủy viên: vượt số dư tối đa 1 người"]
    with pytest.raises(ValidationError, match="vượt số dư tối đa 1 người"):
        services.list_adopt(election=election, hands=(12, 0, 0), user=chair)


def test_a_committee_list_without_margin_is_refused(congress: Any, chair: Any) -> None:
    election = _election(congress, chair, SLATE[:5])
    with pytest.raises(ValidationError, match="phải nhiều hơn số cần bầu"):
        services.list_adopt(election=election, hands=(12, 0, 0), user=chair)


def test_a_list_with_margin_is_adopted_by_more_than_half_of_d(congress: Any, chair: Any) -> None:
    election = _election(congress, chair, SLATE)
    assert _problems(election) == []
    assert not services.list_adopt(election=election, hands=(6, 6, 0), user=chair).passed
    assert selectors.current_list(election).adopted_at is None
    assert services.list_adopt(election=election, hands=(7, 5, 0), user=chair).passed
    assert selectors.current_list(election).adopted_at is not None


def test_an_adopted_list_cannot_be_changed(adopted_election: Callable[..., Any], congress: Any, chair: Any) -> None:
    election = adopted_election("committee", 5, SLATE)
    member = congress.branch.members.get(full_name="Vũ Thị Hằng")
    with pytest.raises(ValidationError, match="đã được đại hội thông qua"):
        services.candidate_add(election=election, member_id=member.pk, source="nomination", user=chair)


def test_a_nominee_goes_on_the_list_only_with_more_than_30_percent_of_those_present(congress: Any, chair: Any) -> None:
    election = _election(congress, chair, SLATE[:5])
    hang = services.candidate_add(election=election, member_id=congress.branch.members.get(full_name="Vũ Thị Hằng").pk,
                                  source="self_nomination", user=chair)
    huy = services.candidate_add(election=election, member_id=congress.branch.members.get(full_name="Bùi Quang Huy").pk,
                                 source="nomination", user=chair)
    with pytest.raises(ValidationError, match="chưa lấy phiếu giới thiệu"):
        services.list_adopt(election=election, hands=(12, 0, 0), user=chair)
    # 12 present: more than 30% is 4 votes (rules core poll_votes_needed).
    services.poll_record(election=election, votes={hang.pk: 4, huy.pk: 3}, user=chair)
    hang.refresh_from_db()
    huy.refresh_from_db()
    assert (hang.status, huy.status) == ("on_list", "poll_failed")


def test_nominees_beyond_the_cap_are_left_out_by_poll_ranking(congress: Any, chair: Any) -> None:
    election = _election(congress, chair, SLATE[:5])
    names = ["Vũ Thị Hằng", "Bùi Quang Huy"]
    pks = [services.candidate_add(election=election, member_id=congress.branch.members.get(full_name=n).pk,
                                  source="nomination", user=chair).pk for n in names]
    services.poll_record(election=election, votes={pks[0]: 5, pks[1]: 9}, user=chair)
    statuses = dict(selectors.current_list(election).candidates.filter(pk__in=pks).values_list("full_name", "status"))
    assert statuses == {"Vũ Thị Hằng": "left_out", "Bùi Quang Huy": "on_list"}
    assert _problems(election) == []


def test_a_withdrawal_needs_the_show_of_hands(congress: Any, chair: Any) -> None:
    election = _election(congress, chair, SLATE)
    candidate = selectors.current_list(election).candidates.get(full_name="Nguyễn Văn An")
    services.candidate_withdraw(candidate=candidate, hands=(4, 8, 0), user=chair)
    candidate.refresh_from_db()
    assert candidate.status == "on_list"
    services.candidate_withdraw(candidate=candidate, hands=(10, 2, 0), user=chair)
    candidate.refresh_from_db()
    assert candidate.status == "withdrawn"
    assert "phải nhiều hơn số cần bầu" in _problems(election)[0]


def test_a_probationary_member_cannot_stand(congress: Any, chair: Any, make_member: Callable[..., Any]) -> None:
    election = _election(congress, chair, [])
    probationary = make_member(congress.branch, "Tạ Văn Tân", status="probationary")
    with pytest.raises(ValidationError, match="dự bị"):
        services.candidate_add(election=election, member_id=probationary.pk, source="nomination", user=chair)


def test_a_committee_of_more_than_seven_is_refused(congress: Any, chair: Any) -> None:
    with pytest.raises(ValidationError, match="không quá 7"):
        services.election_create(congress=congress, office="committee", seats=8, user=chair)


def test_a_small_branch_elects_no_committee(seated_congress: Callable[..., Any], chair: Any) -> None:
    small = seated_congress(full=8)
    with pytest.raises(ValidationError, match="không bầu chi ủy"):
        services.election_create(congress=small, office="committee", seats=3, user=chair)


def test_the_secretary_is_chosen_from_the_newly_elected_committee(
        adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any], congress: Any, chair: Any) -> None:
    committee = adopted_election("committee", 5, SLATE)
    counted_by_hand(committee, {name: 10 for name in SLATE[:5]} | {SLATE[5]: 3}, valid=12)
    secretary = services.election_create(congress=congress, office="secretary", seats=1, user=chair)
    outsider = congress.branch.members.get(full_name=SLATE[5])
    with pytest.raises(ValidationError, match="không có trong chi ủy mới được bầu"):
        services.candidate_add(election=secretary, member_id=outsider.pk, source="nomination", user=chair)
    insider = congress.branch.members.get(full_name=SLATE[0])
    services.candidate_add(election=secretary, member_id=insider.pk, source="slate", user=chair)
