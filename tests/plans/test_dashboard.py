from datetime import date, time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.organizations.models import Branch, PartyCommittee
from daihoi.plans.models import Congress, CongressStatus
from daihoi.plans.selectors import Filters, dashboard
from daihoi.plans.services import PlanInput, congress_schedule, plan_create

STATUSES = list(CongressStatus.values)


def season(branches, ward_office_user, supervisors):
    committee = PartyCommittee.objects.create(name=f"Đảng bộ {branches}")
    Branch.objects.bulk_create(Branch(party_committee=committee, name=f"Chi bộ số {n}") for n in range(branches))
    plan = plan_create(party_committee=committee, by=ward_office_user, file=None, data=PlanInput(
        number=f"{branches}-KH/ĐU", issued_on=date(2022, 7, 12), term_start_year=2022, term_end_year=2025,
        window_start=date(2022, 8, 20), window_end=date(2022, 9, 11)))
    for n, congress in enumerate(plan.congresses.order_by("pk")):
        congress_schedule(congress=congress, scheduled_on=date(2022, 8, 20 + n % 10), starts_at=time(8), ends_at=time(11),
                          place="", supervisors=[supervisors[n % len(supervisors)]])
        Congress.objects.filter(pk=congress.pk).update(status=STATUSES[n % len(STATUSES)])
    return plan


def queries_for(client, plan):
    with CaptureQueriesContext(connection) as context:
        assert client.get(f"/dai-hoi/ke-hoach/{plan.pk}/").status_code == 200
    return len(context.captured_queries)


def test_dashboard_queries_do_not_grow_with_the_number_of_branches(client_for, ward_office_user, make_user, django_assert_max_num_queries):
    supervisors = [make_user(f"dauyvien{n}", "supervisor") for n in range(3)]
    client = client_for(ward_office_user)
    small = queries_for(client, season(3, ward_office_user, supervisors))
    large = season(30, ward_office_user, supervisors)
    with django_assert_max_num_queries(small):
        client.get(f"/dai-hoi/ke-hoach/{large.pk}/")


def test_the_dashboard_counts_progress_overdue_and_upcoming(make_plan, branch, other_branch, supervisor_user):
    plan = make_plan()
    first, second = plan.congresses.get(branch=branch), plan.congresses.get(branch=other_branch)
    congress_schedule(congress=first, scheduled_on=date(2022, 8, 25), starts_at=None, ends_at=None, place="", supervisors=[supervisor_user])
    congress_schedule(congress=second, scheduled_on=date(2022, 8, 29), starts_at=None, ends_at=None, place="", supervisors=[])
    data = dashboard(plan, plan.congresses.all(), Filters(), today=date(2022, 8, 27))
    assert (data["total"], data["held"]) == (2, 0)
    assert [c.pk for c in data["overdue"]] == [first.pk] and [c.pk for c in data["upcoming"]] == [second.pk]
    assert data["supervisors"][0]["total"] == 1
    filtered = dashboard(plan, plan.congresses.all(), Filters(supervisor=supervisor_user.pk), today=date(2022, 8, 27))
    assert [c.pk for c in filtered["rows"]] == [first.pk]


def test_the_dashboard_page_shows_the_progress_sentence(client_for, ward_office_user, make_plan):
    plan = make_plan()
    page = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{plan.pk}/?status=planned").content.decode()
    assert "0/2 chi bộ đã tổ chức đại hội" in page and "2 đại hội" in page


def test_results_waiting_beyond_the_approval_deadline_are_overdue(make_plan, branch, make_member, secretary_user):
    from daihoi.plans.services import ResultInput, result_submit

    plan = make_plan()
    congress = congress_schedule(congress=plan.congresses.get(branch=branch), scheduled_on=date(2022, 8, 26),
                                 starts_at=None, ends_at=None, place="", supervisors=[])
    members = [make_member(branch, f"Nguyễn Văn Số{n}") for n in range(5)]
    result_submit(congress=congress, by=secretary_user, on=date(2022, 8, 27), data=ResultInput(
        summoned=5, present=5, denominator=5, committee_seats=0, committee=[], secretary=(members[0], 5)))
    # 15 working days after Friday 26/8/2022 end on Friday 16/9/2022 (rules core approval_deadline).
    waiting = [dashboard(plan, plan.congresses.filter(pk=congress.pk), Filters(), today=day)["overdue_count"]
               for day in (date(2022, 9, 16), date(2022, 9, 17))]
    assert waiting == [0, 1]
