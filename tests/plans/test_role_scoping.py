from datetime import date

import pytest

from daihoi.plans.services import congress_schedule


@pytest.fixture
def congresses(make_plan, branch, other_branch, supervisor_user):
    plan = make_plan()
    return plan.congresses.get(branch=branch), plan.congresses.get(branch=other_branch)


def test_a_branch_secretary_sees_only_their_branchs_congress(client_for, secretary_user, congresses):
    own, other = congresses
    client = client_for(secretary_user)
    assert client.get(f"/dai-hoi/chi-bo/{own.pk}/").status_code == 200
    assert client.get(f"/dai-hoi/chi-bo/{other.pk}/").status_code == 404
    assert client.post(f"/dai-hoi/chi-bo/{other.pk}/buoc/", {"step": "self_review", "done_on": "2022-08-01"}).status_code == 404
    dashboard = client.get(f"/dai-hoi/ke-hoach/{own.plan_id}/").content.decode()
    assert "Chi bộ Tổ dân phố số 1" in dashboard and "Chi bộ Công an phường" not in dashboard


def test_the_secretary_lands_on_their_congress(client_for, secretary_user, congresses):
    response = client_for(secretary_user).get("/dai-hoi/cua-toi/")
    assert response["Location"] == f"/dai-hoi/chi-bo/{congresses[0].pk}/"


def test_a_supervisor_sees_the_congresses_they_supervise_and_edits_none(client_for, supervisor_user, congresses):
    own, other = congresses
    client = client_for(supervisor_user)
    assert client.get(f"/dai-hoi/chi-bo/{own.pk}/").status_code == 200
    assert client.get(f"/dai-hoi/chi-bo/{other.pk}/").status_code == 404
    assert client.post(f"/dai-hoi/chi-bo/{own.pk}/buoc/", {"step": "self_review", "done_on": "2022-08-01"}).status_code == 403
    assert client.get(f"/dai-hoi/chi-bo/{own.pk}/ket-qua/").status_code == 403


def test_a_supervisor_follows_the_congress_assignment_not_the_branch(client_for, supervisor_user, congresses):
    own, other = congresses
    congress_schedule(congress=other, scheduled_on=date(2022, 8, 27), starts_at=None, ends_at=None, place="", supervisors=[supervisor_user])
    assert client_for(supervisor_user).get(f"/dai-hoi/chi-bo/{other.pk}/").status_code == 200


def test_a_plain_member_sees_no_season(client_for, member_user, congresses):
    client = client_for(member_user)
    assert client.get(f"/dai-hoi/ke-hoach/{congresses[0].plan_id}/").status_code == 404
    assert client.get(f"/dai-hoi/chi-bo/{congresses[0].pk}/").status_code == 404


def test_the_season_report_is_for_the_ward_and_supervisors(client_for, secretary_user, supervisor_user, congresses):
    url = f"/dai-hoi/ke-hoach/{congresses[0].plan_id}/bao-cao.xlsx"
    assert client_for(secretary_user).get(url).status_code == 403
    assert client_for(supervisor_user).get(url).status_code == 200


def test_nav_links_lead_each_role_to_their_season_screen(client_for, secretary_user, supervisor_user, congresses):
    assert 'href="/dai-hoi/cua-toi/"' in client_for(secretary_user).get(f"/dai-hoi/chi-bo/{congresses[0].pk}/").content.decode()
    assert 'href="/dai-hoi/"' in client_for(supervisor_user).get("/dai-hoi/").content.decode()


def test_ward_staff_land_on_the_latest_season_dashboard(client_for, ward_office_user, make_plan):
    assert client_for(ward_office_user).get("/")["Location"] == "/tong-quan/"
    plan = make_plan()
    assert client_for(ward_office_user).get("/")["Location"] == f"/dai-hoi/ke-hoach/{plan.pk}/"


def test_a_supervisors_season_report_covers_only_their_congresses(client_for, supervisor_user, congresses):
    report = client_for(supervisor_user).get(f"/dai-hoi/ke-hoach/{congresses[0].plan_id}/bao-cao.json").json()
    assert [row["branch"] for row in report["branches"]] == ["Chi bộ Tổ dân phố số 1"]
