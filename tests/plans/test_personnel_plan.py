from datetime import date

import pytest
from django.core.exceptions import ValidationError

from daihoi.plans.models import Step
from daihoi.plans.selectors import personnel_warnings
from daihoi.plans.services import personnel_plan_save

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
         "Đặng Văn Hải", "Bùi Thị Lan", "Đỗ Văn Minh", "Hồ Thị Nga", "Ngô Văn Phúc", "Dương Thị Quỳnh"]


@pytest.fixture
def members(branch, make_member):
    return [make_member(branch, name, gender="female" if "Thị" in name else "male", date_of_birth=date(1960, 1, 1))
            for name in NAMES]


@pytest.fixture
def congress(make_plan, branch):
    return make_plan(min_women_percent=50, min_under_40_percent=20, reelection_age_limit=60).congresses.get(branch=branch)


def save(congress, by, seats, slate, secretary=None, deputy=None):
    return personnel_plan_save(congress=congress, seats=seats, slate=slate, secretary=secretary or slate[0],
                               deputy=deputy, by=by, on=date(2022, 8, 1))


def test_a_slate_beyond_the_maximum_margin_is_warned_in_the_words_of_the_rules(congress, members, secretary_user):
    plan = save(congress, secretary_user, 3, members[:5])
    assert "Danh sách có 5 người cho 3 chi ủy viên: vượt số dư tối đa 1 người" in personnel_warnings(plan)


def test_a_slate_without_margin_is_warned(congress, members, secretary_user):
    assert "Danh sách có 3 người cho 3 chi ủy viên: danh sách bầu chi ủy phải nhiều hơn số cần bầu" in personnel_warnings(
        save(congress, secretary_user, 3, members[:3]))


def test_the_plans_targets_are_checked(congress, members, secretary_user, make_member, branch):
    young = make_member(branch, "Lý Văn Tú", gender="male", date_of_birth=date(1995, 5, 5))
    warnings = personnel_warnings(save(congress, secretary_user, 3, [members[0], members[2], members[4], young]))
    assert "Tỷ lệ nữ 0.00% (0/4), thấp hơn chỉ tiêu 50%" in warnings
    assert not any(w.startswith("Tỷ lệ dưới 40 tuổi") for w in warnings)
    assert "Nguyễn Văn An: 62 tuổi, quá tuổi tối đa 60 của kế hoạch" in warnings


def test_a_slate_meeting_every_target_has_only_the_age_and_margin_checks(congress, members, secretary_user, make_member, branch):
    young = [make_member(branch, f"Lương Thị Y{n}", gender="female", date_of_birth=date(1990, 1, 1)) for n in range(4)]
    assert personnel_warnings(save(congress, secretary_user, 3, young)) == []


def test_the_secretary_candidate_should_be_on_the_slate(congress, members, secretary_user):
    warnings = personnel_warnings(save(congress, secretary_user, 3, members[:4], secretary=members[5]))
    assert f"Dự kiến bí thư {members[5].full_name} không có trong danh sách chi ủy" in warnings


def test_saving_ticks_the_personnel_step(congress, members, secretary_user):
    save(congress, secretary_user, 3, members[:4])
    assert congress.steps.get().step == Step.PERSONNEL_SUBMITTED


def test_more_seats_than_the_structure_allows_is_refused(congress, members, secretary_user):
    with pytest.raises(ValidationError) as error:
        save(congress, secretary_user, 8, members[:9])
    assert error.value.message_dict["seats"] == [
        "Chi bộ có 12 đảng viên chính thức: bầu chi ủy không quá 7 người, rồi bầu bí thư và 1 phó bí thư trong chi ủy."]


def test_a_branch_under_nine_full_members_elects_no_committee(make_plan, other_branch, make_member, secretary_user, ward_office_user):
    people = [make_member(other_branch, name) for name in NAMES[:5]]
    congress = make_plan().congresses.get(branch=other_branch)
    with pytest.raises(ValidationError, match="không bầu chi ủy"):
        save(congress, ward_office_user, 3, people[:4])
    plan = personnel_plan_save(congress=congress, seats=0, slate=[], secretary=people[0], deputy=None, by=ward_office_user, on=date(2022, 8, 1))
    assert personnel_warnings(plan) == []


def test_probationary_members_and_other_branches_cannot_stand(congress, members, secretary_user, make_member, branch, other_branch):
    with pytest.raises(ValidationError, match="là đảng viên dự bị, không được ứng cử"):
        save(congress, secretary_user, 3, [*members[:3], make_member(branch, "Tạ Văn Dự", status="probationary")])
    with pytest.raises(ValidationError, match="không sinh hoạt tại Chi bộ Tổ dân phố số 1"):
        save(congress, secretary_user, 3, [*members[:3], make_member(other_branch, "Tạ Văn Khác")])


def test_the_secretary_submits_the_personnel_plan_on_the_page(client_for, secretary_user, congress, members):
    client = client_for(secretary_user)
    assert client.get(f"/dai-hoi/chi-bo/{congress.pk}/nhan-su/").status_code == 200
    response = client.post(f"/dai-hoi/chi-bo/{congress.pk}/nhan-su/", {
        "seats": "3", "slate": [m.pk for m in members[:5]], "secretary": members[0].pk})
    assert response.status_code == 302
    page = client.get(f"/dai-hoi/chi-bo/{congress.pk}/").content.decode()
    assert "Danh sách có 5 người cho 3 chi ủy viên: vượt số dư tối đa 1 người" in page
