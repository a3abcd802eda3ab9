"""`daihoi demo` builds a ward like the article's, deterministically and idempotently."""
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from daihoi.accounts.models import User
from daihoi.organizations.models import Branch, Member, MemberStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    """`daihoi demo` run once for this file (a whole ward, two seasons, an election record: seconds
    of work) in a transaction rolled back after the file's last test; each test's own
    transaction is a savepoint inside it."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media")):
        with transaction.atomic():
            call_command("demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)


def test_demo_builds_23_branches_and_about_a_thousand_members(demo: None) -> None:
    assert Branch.objects.count() == 23
    assert 900 <= Member.objects.count() <= 1200
    assert Member.objects.filter(status=MemberStatus.PROBATIONARY).exists()
    assert Member.objects.filter(is_excused=True).exists()
    assert set(Branch.objects.values_list("kind", flat=True)) >= {"residential_group", "police", "school"}


def test_demo_twice_changes_nothing(demo: None) -> None:
    before = (Branch.objects.count(), Member.objects.count(), User.objects.count(),
              list(Member.objects.order_by("party_card_number").values_list("party_card_number", "full_name")[:50]))
    call_command("demo", stdout=open("/dev/null", "w"))
    after = (Branch.objects.count(), Member.objects.count(), User.objects.count(),
             list(Member.objects.order_by("party_card_number").values_list("party_card_number", "full_name")[:50]))
    assert before == after


def test_every_branch_has_a_supervisor_and_a_secretary_login(demo: None) -> None:
    for branch in Branch.objects.all():
        assert branch.supervisors.exists()
        assert branch.users.filter(role="branch_secretary").exists()


def test_demo_lists_residential_group_2_before_group_10(demo: None) -> None:
    names = list(Branch.objects.values_list("name", flat=True))
    assert names.index("Chi bộ Tổ dân phố số 2") < names.index("Chi bộ Tổ dân phố số 10")
