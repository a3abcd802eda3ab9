"""The counting committee: full members only, nobody on an election list, with a head
(190-QĐ/TW Art 8); the other bodies need a chair where the rules ask for one."""
import pytest
from django.core.exceptions import ValidationError

from daihoi.congresses import selectors, services
from daihoi.congresses.checks import check_counting_committee
from daihoi.congresses.models import Body


@pytest.fixture
def people(branch, make_member):
    return {
        "an": make_member(branch, "Nguyễn Văn An"),
        "binh": make_member(branch, "Trần Thị Bình"),
        "probationary": make_member(branch, "Lê Văn Dự", status="probationary"),
        "suspended": make_member(branch, "Phạm Văn Đình", is_suspended=True),
    }


def test_full_members_off_every_list_make_a_valid_committee(people):
    assert check_counting_committee([people["an"], people["binh"]], candidate_ids=set()) == []


def test_a_probationary_member_is_refused_by_name(people):
    problems = check_counting_committee([people["an"], people["probationary"]], candidate_ids=set())
    assert problems == ["Đồng chí Lê Văn Dự là đảng viên dự bị, không được tham gia Ban kiểm phiếu."]


def test_a_candidate_on_an_election_list_is_refused_by_name(people):
    problems = check_counting_committee([people["an"], people["binh"]], candidate_ids={people["binh"].pk})
    assert problems == ["Đồng chí Trần Thị Bình có tên trong danh sách bầu cử, không được tham gia Ban kiểm phiếu."]


def test_a_suspended_member_and_an_empty_committee_are_refused(people):
    assert "đình chỉ sinh hoạt" in check_counting_committee([people["suspended"]], candidate_ids=set())[0]
    assert check_counting_committee([], candidate_ids=set()) == ["Ban kiểm phiếu phải có ít nhất một đồng chí."]


def test_seating_the_committee_needs_a_head_among_its_members(congress, people):
    ids = [people["an"].pk, people["binh"].pk]
    with pytest.raises(ValidationError, match="Cần chọn người đứng đầu ban kiểm phiếu"):
        services.bodies_set(congress=congress, body=Body.COUNTING_COMMITTEE, member_ids=ids, head_id=None)
    services.bodies_set(congress=congress, body=Body.COUNTING_COMMITTEE, member_ids=ids, head_id=people["binh"].pk)
    panel = next(p for p in selectors.body_panels(congress) if p.body == Body.COUNTING_COMMITTEE)
    assert panel.head.member == people["binh"] and panel.member_ids == set(ids)


def test_a_broken_committee_writes_nothing_and_lists_every_problem(congress, people):
    with pytest.raises(ValidationError) as error:
        services.bodies_set(congress=congress, body=Body.COUNTING_COMMITTEE, head_id=people["an"].pk,
                            member_ids=[people["an"].pk, people["probationary"].pk], candidate_ids={people["an"].pk})
    assert len(error.value.messages) == 2
    assert not congress.body_seats.exists()


def test_the_secretariat_may_have_no_head_and_probationary_members(congress, people):
    services.bodies_set(congress=congress, body=Body.SECRETARIAT, member_ids=[people["probationary"].pk], head_id=None)
    assert congress.body_seats.count() == 1


def test_members_of_another_branch_cannot_be_seated(congress, other_branch, make_member):
    stranger = make_member(other_branch, "Người Chi Bộ Khác")
    with pytest.raises(ValidationError, match="không thuộc chi bộ này"):
        services.bodies_set(congress=congress, body=Body.PRESIDIUM, member_ids=[stranger.pk], head_id=stranger.pk)


def test_the_bodies_screen_shows_the_refusal(congress, people, secretary_user, client_for):
    response = client_for(secretary_user).post(f"/hoi-truong/{congress.pk}/co-quan/luu/", {
        "body": "counting_committee", "member": [people["probationary"].pk], "head": people["probationary"].pk}, follow=True)
    assert "là đảng viên dự bị, không được tham gia Ban kiểm phiếu" in response.content.decode()
