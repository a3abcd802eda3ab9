"""A branch secretary sees and edits only their own branch; supervisors only the branches they
supervise; members and the public see no branch pages."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_secretary_reads_their_own_branch(client_for, secretary_user, branch, make_member):
    make_member(branch, "Trần Thị Bình")
    response = client_for(secretary_user).get(reverse("organizations:branch_detail", args=[branch.pk]))
    assert response.status_code == 200
    assert "Trần Thị Bình" in response.content.decode()


def test_secretary_gets_404_on_another_branch(client_for, secretary_user, other_branch):
    response = client_for(secretary_user).get(reverse("organizations:branch_detail", args=[other_branch.pk]))
    assert response.status_code == 404


def test_secretary_branch_list_shows_only_their_branch(client_for, secretary_user, branch, other_branch):
    page = client_for(secretary_user).get(reverse("organizations:branch_list")).content.decode()
    assert branch.name in page
    assert other_branch.name not in page


def test_secretary_search_never_finds_members_of_another_branch(client_for, secretary_user, other_branch, make_member):
    make_member(other_branch, "Lê Văn Cường")
    page = client_for(secretary_user).get(reverse("organizations:member_search"), {"q": "Cường"}).content.decode()
    assert "Lê Văn Cường" not in page


def test_supervisor_sees_only_supervised_branches(client_for, supervisor_user, branch, other_branch):
    client = client_for(supervisor_user)
    assert client.get(reverse("organizations:branch_detail", args=[branch.pk])).status_code == 200
    assert client.get(reverse("organizations:branch_detail", args=[other_branch.pk])).status_code == 404


def test_ward_office_sees_every_branch(client_for, ward_office_user, branch, other_branch):
    client = client_for(ward_office_user)
    for b in (branch, other_branch):
        assert client.get(reverse("organizations:branch_detail", args=[b.pk])).status_code == 200


def test_member_cannot_open_the_ward_overview(client_for, member_user):
    assert client_for(member_user).get(reverse("organizations:overview")).status_code == 403


def test_public_is_sent_to_login(client, branch):
    response = client.get(reverse("organizations:branch_detail", args=[branch.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
