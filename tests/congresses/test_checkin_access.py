"""The door's scanner and the counts poll decide access by the congress's id alone
(``access_congress_id``): for every role and need, on its own congress, another branch's and one
that does not exist, it answers exactly as ``access_congress`` does (404 outside the scope, then
403 without the role)."""
import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from daihoi.congresses.access import access_congress, access_congress_id

ROLES = ["ward_office", "supervisor", "branch_secretary", "counting_committee", "member"]


def _outcome(check, user, congress_id, need):
    try:
        check(user, congress_id, need=need)
    except Http404:
        return 404
    except PermissionDenied:
        return 403
    return 200


@pytest.mark.parametrize("need", ["check_in", "read"])
@pytest.mark.parametrize("role", ROLES)
def test_the_scanner_s_access_check_agrees_with_access_congress(role, need, congress, other_branch, make_user, branch):
    user = make_user(f"user-{role}", role, branch=None if role in ("ward_office", "supervisor") else branch)
    if role == "supervisor":
        branch.supervisors.add(user)
    foreign = congress.plan.congresses.get(branch=other_branch)
    for congress_id in (congress.pk, foreign.pk, foreign.pk + 1000, 2**63 + 5):
        assert _outcome(access_congress_id, user, congress_id, need) == _outcome(access_congress, user, congress_id, need)


def test_a_user_without_a_branch_finds_no_congress(congress, make_user):
    lost = make_user("khongchibo", "counting_committee")
    with pytest.raises(Http404):
        access_congress_id(lost, congress.pk, need="check_in")


def test_a_scan_at_another_branch_s_congress_is_not_found_and_checks_nobody_in(congress, summon, make_user, other_branch,
                                                                                client_for):
    row = summon({})[0]
    stranger = make_user("bithu2", "branch_secretary", branch=other_branch)
    response = client_for(stranger).post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token},
                                         HTTP_HX_REQUEST="true")
    row.refresh_from_db()
    assert (response.status_code, row.is_present) == (404, False)


def test_a_role_taken_away_applies_at_the_next_scan(congress, summon, secretary_user, client_for):
    row = summon({})[0]
    client = client_for(secretary_user)
    secretary_user.role = "member"
    secretary_user.save(update_fields=["role"])
    response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, HTTP_HX_REQUEST="true")
    row.refresh_from_db()
    assert (response.status_code, row.is_present) == (403, False)
