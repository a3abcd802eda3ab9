from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from daihoi.plans.models import CongressStatus
from daihoi.plans.selectors import clashes, schedule_warnings
from daihoi.plans.services import congress_schedule, congress_step_mark


@pytest.fixture
def two_congresses(make_plan, branch, other_branch):
    plan = make_plan()
    return plan.congresses.get(branch=branch), plan.congresses.get(branch=other_branch)


def schedule(congress, day=date(2022, 8, 27), starts=time(8), ends=time(11), supervisors=()):
    return congress_schedule(congress=congress, scheduled_on=day, starts_at=starts, ends_at=ends,
                             place="Nhà văn hóa", supervisors=list(supervisors))


def test_scheduling_sets_date_place_supervisors_and_status(two_congresses, supervisor_user):
    congress = schedule(two_congresses[0], supervisors=[supervisor_user])
    assert congress.status == CongressStatus.SCHEDULED and congress.place == "Nhà văn hóa"
    assert list(congress.supervisors.all()) == [supervisor_user]
    assert schedule_warnings(congress) == []


def test_one_supervisor_at_two_overlapping_congresses_is_a_clash(two_congresses, supervisor_user):
    supervisor_user.first_name = "Lê Văn Giám"
    supervisor_user.save()
    first = schedule(two_congresses[0], supervisors=[supervisor_user])
    second = schedule(two_congresses[1], starts=time(10), ends=time(12), supervisors=[supervisor_user])
    assert schedule_warnings(first) == [
        "Trùng lịch: đồng chí Lê Văn Giám cũng dự đại hội Chi bộ Công an phường ngày 27/08/2022"]
    assert schedule_warnings(second) == [
        "Trùng lịch: đồng chí Lê Văn Giám cũng dự đại hội Chi bộ Tổ dân phố số 1 ngày 27/08/2022"]


def test_back_to_back_congresses_or_different_supervisors_do_not_clash(two_congresses, supervisor_user, make_user):
    first = schedule(two_congresses[0], supervisors=[supervisor_user])
    schedule(two_congresses[1], starts=time(14), ends=time(17), supervisors=[supervisor_user])
    assert clashes(first.plan) == {}
    schedule(two_congresses[1], supervisors=[make_user("dauyvien2", "supervisor")])
    assert clashes(first.plan) == {}


def test_a_congress_without_a_time_takes_the_whole_day(two_congresses, supervisor_user):
    schedule(two_congresses[0], supervisors=[supervisor_user])
    schedule(two_congresses[1], starts=None, ends=None, supervisors=[supervisor_user])
    assert set(clashes(two_congresses[0].plan)) == {two_congresses[0].pk, two_congresses[1].pk}


def test_a_date_outside_the_window_is_a_warning(two_congresses):
    congress = schedule(two_congresses[0], day=date(2022, 9, 12))
    assert schedule_warnings(congress) == [
        "Ngày 12/09/2022 nằm ngoài thời gian đại hội của kế hoạch (20/08/2022–11/09/2022)"]


def test_only_supervisors_may_be_assigned(two_congresses, secretary_user):
    with pytest.raises(ValidationError, match="không phải đảng ủy viên phụ trách"):
        schedule(two_congresses[0], supervisors=[secretary_user])


def test_the_end_must_come_after_the_start(two_congresses):
    with pytest.raises(ValidationError, match="Giờ kết thúc phải sau giờ bắt đầu."):
        schedule(two_congresses[0], starts=time(14), ends=time(8))


def test_a_held_congress_cannot_be_rescheduled(two_congresses, ward_office_user):
    congress = schedule(two_congresses[0])
    congress_step_mark(congress=congress, step="congress_held", done_on=date(2022, 8, 27), by=ward_office_user)
    with pytest.raises(ValidationError, match="Đại hội đã tổ chức"):
        schedule(congress, day=date(2022, 8, 30))


def test_the_ward_office_schedules_through_the_page_and_sees_the_clash(client_for, ward_office_user, two_congresses, supervisor_user):
    client = client_for(ward_office_user)
    for congress in two_congresses:
        response = client.post(f"/dai-hoi/chi-bo/{congress.pk}/lich/", {
            "scheduled_on": "2022-08-27", "starts_at": "08:00", "ends_at": "11:00", "place": "Hội trường",
            "supervisors": [supervisor_user.pk]})
        assert response.status_code == 302
    page = client.get(f"/dai-hoi/chi-bo/{two_congresses[1].pk}/").content.decode()
    assert "Trùng lịch: đồng chí dauyvien1 cũng dự đại hội Chi bộ Tổ dân phố số 1 ngày 27/08/2022" in page
    calendar = client.get(f"/dai-hoi/ke-hoach/{two_congresses[0].plan_id}/lich/").content.decode()
    assert calendar.count('class="clash"') == 2


def test_a_branch_secretary_may_not_schedule(client_for, secretary_user, two_congresses):
    response = client_for(secretary_user).post(f"/dai-hoi/chi-bo/{two_congresses[0].pk}/lich/", {"scheduled_on": "2022-08-27"})
    assert response.status_code == 403
