"""Lists of a season follow the ward's own branch order (Branch.position), so that "Tổ dân phố
số 2" comes before "số 10" in the dashboard, the report and the Excel export, as offices number
them, and not in the order of the names' characters."""
from datetime import date

import pytest

from daihoi.organizations.models import Branch
from daihoi.plans.models import Congress
from daihoi.plans.selectors import follow_up_progress, report_rows


@pytest.fixture
def numbered_plan(ward, make_plan):
    ward.branches.all().delete()
    for position, number in enumerate((2, 10, 1), start=1):
        Branch.objects.create(party_committee=ward, name=f"Chi bộ Tổ dân phố số {number}", position=position * 10)
    return make_plan()


def test_report_rows_follow_the_wards_branch_order(numbered_plan):
    rows = report_rows(numbered_plan.congresses.all())
    assert [row["branch"] for row in rows] == [
        "Chi bộ Tổ dân phố số 2", "Chi bộ Tổ dân phố số 10", "Chi bộ Tổ dân phố số 1"]


def test_congresses_of_a_day_are_listed_in_the_wards_branch_order(numbered_plan):
    numbered_plan.congresses.update(scheduled_on=date(2022, 8, 27))
    assert [c.branch.name for c in Congress.objects.filter(plan=numbered_plan)] == [
        "Chi bộ Tổ dân phố số 2", "Chi bộ Tổ dân phố số 10", "Chi bộ Tổ dân phố số 1"]


def test_follow_up_progress_follows_the_wards_branch_order(numbered_plan):
    progress = follow_up_progress(numbered_plan, numbered_plan.congresses.all(), date(2022, 9, 30))
    assert [row["branch"] for row in progress["branches"]] == [
        "Chi bộ Tổ dân phố số 2", "Chi bộ Tổ dân phố số 10", "Chi bộ Tổ dân phố số 1"]
