from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.organizations.models import Branch
from daihoi.plans.models import Congress, CongressStatus, Plan

FORM = {"number": "74-KH/ĐU", "issued_on": "2022-07-12", "title": "Đại hội chi bộ", "term_start_year": "2022",
        "term_end_year": "2025", "window_start": "2022-08-20", "window_end": "2022-09-11", "min_women_percent": "30",
        "min_under_40_percent": "", "reelection_age_limit": "65"}


def test_creating_a_plan_opens_one_congress_per_active_branch(make_plan, ward, branch, supervisor_user):
    Branch.objects.create(party_committee=ward, name="Chi bộ đã giải thể", is_active=False)
    plan = make_plan()
    congresses = plan.congresses.all()
    assert congresses.count() == 2
    assert {c.status for c in congresses} == {CongressStatus.PLANNED}
    assert list(Congress.objects.get(plan=plan, branch=branch).supervisors.all()) == [supervisor_user]


def test_the_term_is_a_setting_of_each_plan(make_plan):
    assert make_plan(number="1-KH/ĐU", term_start_year=2025, term_end_year=2030).term == "2025–2030"


@pytest.mark.parametrize("overrides, field, message", [
    ({"term_end_year": 2022}, "term_end_year", "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu."),
    ({"window_end": date(2022, 8, 1)}, "window_end", "Ngày kết thúc đợt đại hội phải từ ngày bắt đầu trở đi."),
    ({"min_women_percent": 120}, "min_women_percent", "Tỷ lệ phải từ 0 đến 100%."),
])
def test_bad_plan_input_is_refused_with_a_vietnamese_message_and_nothing_written(make_plan, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        make_plan(**overrides)
    assert error.value.message_dict[field] == [message]
    assert not Plan.objects.exists() and not Congress.objects.exists()


def test_a_plan_number_cannot_be_used_twice(make_plan):
    make_plan()
    with pytest.raises(ValidationError, match="Đã có kế hoạch số 74-KH/ĐU"):
        make_plan()


def test_the_ward_office_issues_a_plan_with_its_file_and_targets(client_for, ward_office_user, ward):
    upload = SimpleUploadedFile("ke-hoach-74.pdf", b"%PDF-1.4 demo", content_type="application/pdf")
    response = client_for(ward_office_user).post("/dai-hoi/ke-hoach/moi/", {**FORM, "file": upload})
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dai-hoi/ke-hoach/{plan.pk}/"
    assert (plan.min_women_percent, plan.min_under_40_percent, plan.reelection_age_limit) == (30, None, 65)
    document = plan.documents.get()
    assert document.version == 1 and document.file.read() == b"%PDF-1.4 demo"


def test_the_plan_form_shows_the_service_error_on_the_field(client_for, ward_office_user, ward):
    response = client_for(ward_office_user).post("/dai-hoi/ke-hoach/moi/", {**FORM, "term_end_year": "2020"})
    assert response.status_code == 200
    assert "Năm kết thúc nhiệm kỳ phải sau năm bắt đầu." in response.content.decode()
    assert not Plan.objects.exists()


def test_only_the_ward_office_may_issue_a_plan(client_for, secretary_user, supervisor_user):
    assert client_for(secretary_user).get("/dai-hoi/ke-hoach/moi/").status_code == 403
    assert client_for(supervisor_user).post("/dai-hoi/ke-hoach/moi/", FORM).status_code == 403
    assert not Plan.objects.exists()


def test_the_plan_list_shows_progress(client_for, ward_office_user, make_plan):
    make_plan()
    page = client_for(ward_office_user).get("/dai-hoi/").content.decode()
    assert "74-KH/ĐU" in page and "0/2 chi bộ đã tổ chức đại hội" in page
