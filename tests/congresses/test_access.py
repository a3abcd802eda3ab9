"""Who may do what: the branch secretary and the ward office run their congress; the counting
committee sees and checks in at its own congress only; members read documents only; a congress
outside one's scope does not exist."""
import pytest

HALL = "/hoi-truong/{}/"


def test_a_secretary_of_another_branch_gets_not_found(congress, make_user, other_branch, client_for):
    stranger = make_user("bithu2", "branch_secretary", branch=other_branch)
    assert client_for(stranger).get(HALL.format(congress.pk)).status_code == 404


def test_a_member_cannot_open_the_hall(congress, member_user, client_for):
    assert client_for(member_user).get(HALL.format(congress.pk)).status_code == 403


@pytest.mark.parametrize("who", ["ward_office_user", "secretary_user", "supervisor_user"])
def test_the_people_who_attend_for_the_ward_see_the_hall(congress, client_for, request, who):
    assert client_for(request.getfixturevalue(who)).get(HALL.format(congress.pk)).status_code == 200


def test_a_supervisor_may_watch_but_not_open_a_vote(congress, supervisor_user, client_for):
    response = client_for(supervisor_user).post(f"/hoi-truong/{congress.pk}/bieu-quyet/mo/", {"kind": "agenda"})
    assert response.status_code == 403


def test_the_counting_committee_sees_only_its_own_branch(congress, make_season, make_user, branch, other_branch, client_for):
    counter = make_user("kiemphieu1", "counting_committee", branch=branch)
    client = client_for(counter)
    foreign = congress.plan.congresses.get(branch=other_branch)
    assert client.get(HALL.format(congress.pk)).status_code == 200
    assert client.get(HALL.format(foreign.pk)).status_code == 404
    assert client.post(f"/hoi-truong/{congress.pk}/chuong-trinh/sua/", {"template": "1"}).status_code == 403
