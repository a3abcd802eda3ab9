from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.plans.models import CongressStatus, Step
from daihoi.plans.services import congress_schedule, congress_step_mark, document_upload


@pytest.fixture
def congress(make_plan, branch):
    congress = make_plan().congresses.get(branch=branch)
    return congress_schedule(congress=congress, scheduled_on=date(2022, 8, 27), starts_at=None, ends_at=None, place="", supervisors=[])


def test_a_step_records_its_date_and_who_did_it(congress, secretary_user):
    record = congress_step_mark(congress=congress, step=Step.POLITICAL_REPORT, done_on=date(2022, 8, 1), by=secretary_user)
    assert (record.done_on, record.done_by) == (date(2022, 8, 1), secretary_user)


def test_marking_the_congress_held_moves_its_status(congress, secretary_user):
    congress_step_mark(congress=congress, step=Step.CONGRESS_HELD, done_on=date(2022, 8, 27), by=secretary_user)
    congress.refresh_from_db()
    assert (congress.status, congress.held_on) == (CongressStatus.HELD, date(2022, 8, 27))


def test_the_branch_cannot_approve_its_own_personnel_plan(congress, secretary_user):
    with pytest.raises(ValidationError, match="Chỉ Văn phòng Đảng ủy được ghi bước này."):
        congress_step_mark(congress=congress, step=Step.PERSONNEL_APPROVED, done_on=date(2022, 8, 1), by=secretary_user)


def test_approval_steps_come_only_from_the_approval_itself(congress, ward_office_user):
    with pytest.raises(ValidationError, match="Bước này được ghi khi trình hoặc chuẩn y kết quả."):
        congress_step_mark(congress=congress, step=Step.RESULTS_APPROVED, done_on=date(2022, 9, 1), by=ward_office_user)


def test_uploading_the_same_kind_again_adds_a_version(congress, secretary_user):
    for content in (b"ban 1", b"ban 2"):
        latest = document_upload(plan=congress.plan, congress=congress, kind="political_report",
                                 file=SimpleUploadedFile("bao-cao.docx", content), by=secretary_user)
    assert latest.version == 2
    assert [d.version for d in congress.plan_documents.all()] == [2, 1]


def test_the_secretary_ticks_a_step_and_uploads_on_the_page(client_for, secretary_user, congress):
    client = client_for(secretary_user)
    assert client.post(f"/dai-hoi/chi-bo/{congress.pk}/buoc/", {"step": "self_review", "done_on": "2022-08-05"}).status_code == 302
    upload = SimpleUploadedFile("kiem-diem.docx", b"x")
    assert client.post(f"/dai-hoi/chi-bo/{congress.pk}/van-ban/", {"kind": "self_review", "file": upload}).status_code == 302
    page = client.get(f"/dai-hoi/chi-bo/{congress.pk}/").content.decode()
    assert "Báo cáo kiểm điểm của chi ủy — 05/08/2022" in page and "kiem-diem" in page


def test_a_refused_step_shows_the_reason_on_the_page(client_for, secretary_user, congress):
    response = client_for(secretary_user).post(f"/dai-hoi/chi-bo/{congress.pk}/buoc/", {"step": "personnel_approved", "done_on": "2022-08-05"})
    assert response.status_code == 400
    assert "Chỉ Văn phòng Đảng ủy được ghi bước này." in response.content.decode()


def test_the_ward_uploads_a_new_version_of_the_plans_file(client_for, ward_office_user, secretary_user, congress):
    url = f"/dai-hoi/ke-hoach/{congress.plan_id}/van-ban/"
    assert client_for(secretary_user).post(url, {"file": SimpleUploadedFile("kh.pdf", b"x")}).status_code == 403
    client = client_for(ward_office_user)
    for content in (b"du thao", b"ban ky"):
        client.post(url, {"file": SimpleUploadedFile("kh.pdf", content)})
    assert [d.version for d in congress.plan.documents.filter(congress=None)] == [2, 1]
    assert "Tệp kế hoạch (bản 2)" in client.get(f"/dai-hoi/ke-hoach/{congress.plan_id}/").content.decode()
