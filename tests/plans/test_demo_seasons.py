from collections import Counter

from django.utils import timezone

from daihoi.organizations.demo import demo_build as ward_demo
from daihoi.plans.demo import demo_build
from daihoi.plans.models import Congress, Plan
from daihoi.plans.selectors import Filters, clashes, dashboard


def test_the_demo_has_the_articles_completed_season_and_one_in_progress(db):
    ward_demo()
    demo_build()
    done = Plan.objects.get(number="74-KH/ĐU")
    assert (str(done.issued_on), str(done.window_start), str(done.window_end)) == ("2022-07-12", "2022-08-20", "2022-09-11")
    assert Counter(done.congresses.values_list("status", flat=True)) == {"approved": 23}
    current = Plan.objects.get(number="18-KH/ĐU")
    assert current.term == "2025–2030"
    assert Counter(current.congresses.values_list("status", flat=True)) == {
        "approved": 6, "results_submitted": 3, "results_returned": 1, "held": 2, "scheduled": 8, "planned": 3}
    overdue = dashboard(current, current.congresses.all(), Filters(), timezone.localdate())["overdue_count"]
    assert overdue == 1 and clashes(current)
    demo_build()
    assert Plan.objects.count() == 2 and Congress.objects.count() == 46
