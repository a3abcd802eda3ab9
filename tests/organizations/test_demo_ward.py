"""`daihoi demo` builds a ward like the article's, deterministically and idempotently."""
import pytest
from django.core.management import call_command

from daihoi.accounts.models import User
from daihoi.organizations.models import Branch, Member, MemberStatus

pytestmark = pytest.mark.django_db


def test_demo_builds_23_branches_and_about_a_thousand_members():
    call_command("demo", stdout=open("/dev/null", "w"))
    assert Branch.objects.count() == 23
    assert 900 <= Member.objects.count() <= 1200
    assert Member.objects.filter(status=MemberStatus.PROBATIONARY).exists()
    assert Member.objects.filter(is_excused=True).exists()
    assert set(Branch.objects.values_list("kind", flat=True)) >= {"residential_group", "police", "school"}


def test_demo_twice_changes_nothing():
    call_command("demo", stdout=open("/dev/null", "w"))
    before = (Branch.objects.count(), Member.objects.count(), User.objects.count(),
              list(Member.objects.order_by("party_card_number").values_list("party_card_number", "full_name")[:50]))
    call_command("demo", stdout=open("/dev/null", "w"))
    after = (Branch.objects.count(), Member.objects.count(), User.objects.count(),
             list(Member.objects.order_by("party_card_number").values_list("party_card_number", "full_name")[:50]))
    assert before == after


def test_every_branch_has_a_supervisor_and_a_secretary_login():
    call_command("demo", stdout=open("/dev/null", "w"))
    for branch in Branch.objects.all():
        assert branch.supervisors.exists()
        assert branch.users.filter(role="branch_secretary").exists()


def test_demo_lists_residential_group_2_before_group_10():
    call_command("demo", stdout=open("/dev/null", "w"))
    names = list(Branch.objects.values_list("name", flat=True))
    assert names.index("Chi bộ Tổ dân phố số 2") < names.index("Chi bộ Tổ dân phố số 10")
