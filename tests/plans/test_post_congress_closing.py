from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.plans.models import Congress
from daihoi.plans.selectors import follow_up_progress, season_state
from daihoi.plans.services import follow_up_mark, season_close

TODAY = date(2022, 12, 31)


def state(plan):
    return season_state(plan, follow_up_progress(plan, plan.congresses.all(), TODAY))


def finish_everything(plan, by):
    for congress in plan.congresses.select_related("branch"):
        Congress.objects.filter(pk=congress.pk).update(status="approved", held_on=congress.held_on or date(2022, 8, 30))
        congress.refresh_from_db()
        for item in plan.follow_up_items.all():
            if not item.residential_only or congress.branch.kind == "residential_group":
                follow_up_mark(congress=congress, item=item, done_on=date(2022, 10, 1), by=by, today=TODAY)


def test_a_season_with_unfinished_branches_is_open(held_congress):
    assert state(held_congress.plan)["closed"] is False


def test_closing_with_unfinished_branches_needs_a_reason(held_congress, ward_office_user):
    with pytest.raises(ValidationError, match="Còn 2 chi bộ chưa hoàn thành các việc sau đại hội: cần ghi lý do"):
        season_close(plan=held_congress.plan, by=ward_office_user, on=TODAY, reason=" ")
    assert state(held_congress.plan)["closed"] is False


def test_the_ward_closes_with_a_reason_and_it_is_recorded(held_congress, ward_office_user):
    closure = season_close(plan=held_congress.plan, by=ward_office_user, on=TODAY, reason="Chi bộ Công an sáp nhập.")
    assert (closure.reason, closure.unfinished, closure.closed_by) == ("Chi bộ Công an sáp nhập.", 2, ward_office_user)
    assert state(held_congress.plan)["closed"] is True


def test_a_closed_season_takes_no_more_marks(held_congress, ward_office_user, secretary_user):
    season_close(plan=held_congress.plan, by=ward_office_user, on=TODAY, reason="Hết đợt.")
    with pytest.raises(ValidationError, match="Đợt đại hội đã khép lại"):
        follow_up_mark(congress=held_congress, item=held_congress.plan.follow_up_items.first(), done_on=TODAY,
                       by=secretary_user, today=TODAY)


def test_a_season_closes_by_itself_when_every_branch_finished(held_congress, ward_office_user):
    finish_everything(held_congress.plan, ward_office_user)
    assert state(held_congress.plan) == {"closed": True, "finished": True, "closure": None}
    assert season_close(plan=held_congress.plan, by=ward_office_user, on=TODAY, reason="").unfinished == 0


def test_only_the_ward_closes_a_season(held_congress, secretary_user, client_for):
    with pytest.raises(ValidationError, match="Chỉ Văn phòng Đảng ủy"):
        season_close(plan=held_congress.plan, by=secretary_user, on=TODAY, reason="x")
    assert client_for(secretary_user).post(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/khep-lai/", {"reason": "x"}).status_code == 403


def test_the_ward_closes_on_the_page_and_a_missing_reason_is_explained(held_congress, ward_office_user, client_for):
    client = client_for(ward_office_user)
    url = f"/dai-hoi/ke-hoach/{held_congress.plan_id}/khep-lai/"
    refused = client.post(url, {"reason": ""})
    assert refused.status_code == 400 and "cần ghi lý do khép lại đợt" in refused.content.decode()
    assert client.post(url, {"reason": "Đã kiểm tra thực tế."}).status_code == 302
    assert "Đã kiểm tra thực tế." in client.get(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/").content.decode()


def test_the_secretary_marks_an_item_with_a_file_on_the_congress_page(held_congress, secretary_user, client_for):
    client = client_for(secretary_user)
    rules = held_congress.plan.follow_up_items.get(title="Xây dựng quy chế làm việc của chi ủy")
    response = client.post(f"/dai-hoi/chi-bo/{held_congress.pk}/sau-dai-hoi/", {
        "item": rules.pk, "done_on": "2022-09-05", "file": SimpleUploadedFile("quy-che.pdf", b"x")})
    assert response.status_code == 302
    page = client.get(f"/dai-hoi/chi-bo/{held_congress.pk}/").content.decode()
    assert "xong 05/09/2022" in page and "quy-che" in page
