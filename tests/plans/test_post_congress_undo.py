"""A post-congress item marked done by mistake can be unmarked (issue 12): with a reason, by those
who may edit the congress, recorded in the audit trail, and not once the ward closed the season."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from daihoi.audit.models import AuditEntry
from daihoi.plans.models import FollowUpRecord
from daihoi.plans.selectors import congress_follow_up
from daihoi.plans.services import follow_up_mark, follow_up_unmark, season_close

TODAY = date(2022, 12, 31)


@pytest.fixture
def marked(held_congress, secretary_user):
    """The working rules marked done on 05/9/2022 (due 10/9/2022, 15 days after the congress)."""
    item = held_congress.plan.follow_up_items.get(title="Xây dựng quy chế làm việc của chi ủy")
    follow_up_mark(congress=held_congress, item=item, done_on=date(2022, 9, 5), by=secretary_user, today=TODAY, note="bản ký")
    return item


def test_an_unmarked_item_is_not_done_and_counts_as_overdue_again(held_congress, marked, secretary_user):
    follow_up_unmark(congress=held_congress, item=marked, by=secretary_user, reason="Đánh dấu nhầm chi bộ.")
    row = next(row for row in congress_follow_up(held_congress, TODAY) if row["item"] == marked)
    assert row["record"] is None and row["overdue"] is True
    assert not FollowUpRecord.objects.filter(congress=held_congress, item=marked).exists()


def test_the_undo_and_what_the_mark_said_are_in_the_audit_trail(held_congress, marked, secretary_user):
    follow_up_unmark(congress=held_congress, item=marked, by=secretary_user, reason="Đánh dấu nhầm chi bộ.")
    entry = AuditEntry.objects.get(action="follow_up_unmark")
    assert entry.user == secretary_user
    assert entry.before == {"item": "Xây dựng quy chế làm việc của chi ủy", "done_on": "2022-09-05", "done_by": "bithu1",
                            "document": None, "note": "bản ký"}
    assert entry.after == {"reason": "Đánh dấu nhầm chi bộ."}


def test_an_undo_needs_a_reason_and_a_mark(held_congress, marked, secretary_user):
    with pytest.raises(ValidationError, match="Cần ghi lý do bỏ đánh dấu"):
        follow_up_unmark(congress=held_congress, item=marked, by=secretary_user, reason="  ")
    other = held_congress.plan.follow_up_items.get(title="Phân công nhiệm vụ trong chi ủy")
    with pytest.raises(ValidationError, match="chưa được đánh dấu hoàn thành"):
        follow_up_unmark(congress=held_congress, item=other, by=secretary_user, reason="x")
    assert FollowUpRecord.objects.filter(congress=held_congress, item=marked).exists()


def test_a_closed_season_keeps_its_marks(held_congress, marked, secretary_user, ward_office_user):
    season_close(plan=held_congress.plan, by=ward_office_user, on=TODAY, reason="Hết đợt.")
    with pytest.raises(ValidationError, match="Đợt đại hội đã khép lại"):
        follow_up_unmark(congress=held_congress, item=marked, by=secretary_user, reason="x")


def test_the_secretary_unmarks_on_the_congress_page(held_congress, marked, secretary_user, client_for):
    client = client_for(secretary_user)
    page = client.get(f"/dai-hoi/chi-bo/{held_congress.pk}/").content.decode()
    assert "Bỏ đánh dấu" in page and "xong 05/09/2022" in page
    url = f"/dai-hoi/chi-bo/{held_congress.pk}/sau-dai-hoi/bo-danh-dau/"
    refused = client.post(url, {"item": marked.pk, "reason": ""})
    assert refused.status_code == 400 and FollowUpRecord.objects.filter(item=marked).exists()
    assert client.post(url, {"item": marked.pk, "reason": "Nhầm."}).status_code == 302
    page = client.get(f"/dai-hoi/chi-bo/{held_congress.pk}/").content.decode()
    assert "xong 05/09/2022" not in page and "Đã bỏ đánh dấu việc sau đại hội." in page


def test_only_those_who_may_edit_the_congress_unmark(held_congress, marked, member_user, make_user, other_branch, client_for):
    url = f"/dai-hoi/chi-bo/{held_congress.pk}/sau-dai-hoi/bo-danh-dau/"
    other_secretary = make_user("bithu2", "branch_secretary", branch=other_branch)
    for user in (member_user, other_secretary):
        assert client_for(user).post(url, {"item": marked.pk, "reason": "x"}).status_code in (403, 404)
    assert FollowUpRecord.objects.filter(item=marked).exists()
    assert not AuditEntry.objects.filter(action="follow_up_unmark").exists()
