from datetime import date

import pytest

from daihoi.plans.services import ResultInput, congress_schedule, result_submit


@pytest.fixture
def plan(make_plan, branch, make_member, secretary_user):
    plan = make_plan()
    members = [make_member(branch, f"Nguyễn Văn Số{n}") for n in range(9)]
    congress = congress_schedule(congress=plan.congresses.get(branch=branch), scheduled_on=date(2022, 8, 27),
                                 starts_at=None, ends_at=None, place="", supervisors=[])
    result_submit(congress=congress, by=secretary_user, on=date(2022, 8, 29), data=ResultInput(
        summoned=9, present=9, denominator=9, committee_seats=3,
        committee=[(members[0], 9), (members[1], 8), (members[2], 7)], secretary=(members[0], 9)))
    return plan


def test_the_api_lists_plans_congresses_and_results(client_for, ward_office_user, plan, branch):
    client = client_for(ward_office_user)
    plans = client.get("/dai-hoi/api/plans/").json()["plans"]
    assert plans[0]["number"] == "74-KH/ĐU" and (plans[0]["congresses"], plans[0]["held"]) == (2, 1)
    assert client.get(f"/dai-hoi/api/plans/{plan.pk}/").json()["window_start"] == "2022-08-20"
    congresses = client.get(f"/dai-hoi/api/plans/{plan.pk}/congresses/").json()["congresses"]
    own = next(c for c in congresses if c["branch"]["id"] == branch.pk)
    detail = client.get(f"/dai-hoi/api/congresses/{own['id']}/").json()
    assert detail["status"] == "results_submitted"
    assert detail["result"]["elected"][0] == {"office": "committee", "name": "Nguyễn Văn Số0", "votes": 9, "percent": "100.00"}


def test_the_api_follows_the_same_access_rules(client_for, secretary_user, plan, other_branch, client):
    assert client.get("/dai-hoi/api/plans/").status_code == 401
    own = client_for(secretary_user)
    assert len(own.get(f"/dai-hoi/api/plans/{plan.pk}/congresses/").json()["congresses"]) == 1
    other = plan.congresses.get(branch=other_branch)
    assert own.get(f"/dai-hoi/api/congresses/{other.pk}/").status_code == 404


def test_the_openapi_schema_describes_every_api_path(client_for, member_user):
    from daihoi.plans.urls import urlpatterns

    schema = client_for(member_user).get("/dai-hoi/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    api_routes = {"/dai-hoi/" + str(p.pattern).replace("<int:", "{").replace(">", "}") for p in urlpatterns
                  if str(p.pattern).startswith("api/") and "openapi" not in str(p.pattern)}
    assert set(schema["paths"]) == api_routes


def test_the_api_is_read_only(client_for, ward_office_user, plan):
    assert client_for(ward_office_user).post("/dai-hoi/api/plans/").status_code == 405
