from datetime import date

from daihoi.plans.selectors import follow_up_progress
from daihoi.plans.services import follow_up_mark


def progress(congress, today):
    return follow_up_progress(congress.plan, congress.plan.congresses.filter(pk=congress.pk), today)


def test_an_item_is_overdue_the_day_after_its_due_date(held_congress):
    # Held 26/8/2022; the working rules are due 15 days later, on 10/9.
    assert progress(held_congress, date(2022, 9, 10))["overdue_count"] == 0
    late = progress(held_congress, date(2022, 9, 11))["overdue"]
    assert [(o["item"], o["due"]) for o in late] == [("Xây dựng quy chế làm việc của chi ủy", date(2022, 9, 10))]


def test_a_done_item_is_no_longer_overdue_and_counts_towards_the_branch(held_congress, secretary_user):
    today = date(2022, 9, 20)
    rules = held_congress.plan.follow_up_items.get(title="Xây dựng quy chế làm việc của chi ủy")
    follow_up_mark(congress=held_congress, item=rules, done_on=date(2022, 9, 12), by=secretary_user, today=today)
    branch = progress(held_congress, today)["branches"][0]
    assert (branch["done"], branch["total"], branch["overdue"], branch["complete"]) == (1, 5, [], False)


def test_a_congress_not_yet_held_has_nothing_overdue(make_plan):
    plan = make_plan()
    data = follow_up_progress(plan, plan.congresses.all(), date(2023, 6, 1))
    assert (data["overdue_count"], data["complete"], data["total"]) == (0, 0, 2)


def test_the_dashboard_shows_post_congress_progress_and_overdue_items(client_for, ward_office_user, held_congress):
    page = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/").content.decode()
    assert "0/2 chi bộ đã hoàn thành các việc sau đại hội" in page and "5 việc quá hạn" in page


def test_the_season_report_carries_the_follow_up_counts(client_for, ward_office_user, held_congress):
    report = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/bao-cao.json").json()
    row = next(r for r in report["branches"] if r["congress_id"] == held_congress.pk)
    assert (row["follow_up"]["done"], row["follow_up"]["total"], len(row["follow_up"]["overdue"])) == (0, 5, 5)
    assert report["after"]["closed"] is False and report["after"]["overdue_count"] == 5
