from datetime import date

import pytest
from django.core.exceptions import ValidationError

from daihoi.plans.models import CongressStatus, Step
from daihoi.plans.services import ResultInput, congress_schedule, result_approve, result_return, result_submit


@pytest.fixture
def members(branch, make_member):
    return [make_member(branch, f"Nguyễn Văn Số{n}") for n in range(12)]


@pytest.fixture
def congress(make_plan, branch):
    congress = make_plan().congresses.get(branch=branch)
    return congress_schedule(congress=congress, scheduled_on=date(2022, 8, 27), starts_at=None, ends_at=None, place="", supervisors=[])


def result(members, **changes):
    fields = {"summoned": 12, "present": 11, "denominator": 11, "committee_seats": 3,
              "committee": [(members[0], 11), (members[1], 10), (members[2], 9)],
              "secretary": (members[0], 11), "deputy": (members[1], 10)}
    return ResultInput(**{**fields, **changes})


def submit(congress, by, data):
    return result_submit(congress=congress, data=data, by=by, on=date(2022, 8, 29))


def test_submitting_results_marks_the_congress_held_and_submitted(congress, members, secretary_user):
    submit(congress, secretary_user, result(members))
    congress.refresh_from_db()
    assert (congress.status, congress.held_on) == (CongressStatus.RESULTS_SUBMITTED, date(2022, 8, 27))
    assert set(congress.steps.values_list("step", flat=True)) == {Step.CONGRESS_HELD, Step.RESULTS_SUBMITTED}
    assert congress.result.elected.count() == 5


def test_exactly_half_of_d_does_not_elect(congress, members, secretary_user):
    with pytest.raises(ValidationError, match="Nguyễn Văn Số2: 5/10 phiếu, không quá một nửa nên không trúng cử."):
        submit(congress, secretary_user, result(members, denominator=10, committee=[(members[0], 10), (members[1], 9), (members[2], 5)]))


def test_a_congress_without_quorum_cannot_submit(congress, members, secretary_user):
    with pytest.raises(ValidationError, match="Không đủ điều kiện tiến hành đại hội: có mặt 7/11"):
        submit(congress, secretary_user, result(members, present=7))


def test_the_secretary_must_come_from_the_new_committee(congress, members, secretary_user):
    with pytest.raises(ValidationError, match="không có trong chi ủy mới"):
        submit(congress, secretary_user, result(members, secretary=(members[5], 11)))


def test_more_elected_than_seats_is_refused(congress, members, secretary_user):
    with pytest.raises(ValidationError, match="Có 4 chi ủy viên trúng cử cho 3 chỉ tiêu."):
        submit(congress, secretary_user, result(members, committee=[(m, 10) for m in members[:4]]))


def test_the_ward_approves_with_a_decision_number(congress, members, secretary_user, ward_office_user):
    submit(congress, secretary_user, result(members))
    result_approve(congress=congress, decision_number="219-QĐ/ĐU", decided_on=date(2022, 9, 10), by=ward_office_user)
    congress.refresh_from_db()
    assert (congress.status, congress.approval_decision_number, congress.approved_on) == (
        CongressStatus.APPROVED, "219-QĐ/ĐU", date(2022, 9, 10))
    assert congress.steps.get(step=Step.RESULTS_APPROVED).note == "Quyết định số 219-QĐ/ĐU"
    with pytest.raises(ValidationError, match="Kết quả đã được chuẩn y"):
        submit(congress, secretary_user, result(members))


def test_the_ward_returns_results_with_a_reason_and_the_branch_submits_again(congress, members, secretary_user, ward_office_user):
    submit(congress, secretary_user, result(members))
    with pytest.raises(ValidationError, match="Cần ghi lý do trả lại."):
        result_return(congress=congress, reason=" ", by=ward_office_user)
    result_return(congress=congress, reason="Thiếu biên bản kiểm phiếu", by=ward_office_user)
    congress.refresh_from_db()
    assert congress.status == CongressStatus.RESULTS_RETURNED
    submit(congress, secretary_user, result(members, deputy=None))
    congress.refresh_from_db()
    assert (congress.status, congress.returned_reason) == (CongressStatus.RESULTS_SUBMITTED, "")


def test_approval_needs_submitted_results(congress, ward_office_user):
    with pytest.raises(ValidationError, match="Chi bộ chưa trình kết quả"):
        result_approve(congress=congress, decision_number="1-QĐ/ĐU", decided_on=date(2022, 9, 1), by=ward_office_user)


def test_the_secretary_types_results_and_the_ward_approves_on_the_pages(client_for, secretary_user, ward_office_user, congress, members):
    client = client_for(secretary_user)
    votes = {f"votes_{members[0].pk}": "11", f"votes_{members[1].pk}": "10", f"votes_{members[2].pk}": "9"}
    response = client.post(f"/dai-hoi/chi-bo/{congress.pk}/ket-qua/", {
        "summoned": "12", "present": "11", "denominator": "11", "committee_seats": "3", **votes,
        "secretary": members[0].pk, "secretary_votes": "11", "deputy": members[1].pk, "deputy_votes": "10"})
    assert response.status_code == 302
    assert client.post(f"/dai-hoi/chi-bo/{congress.pk}/chuan-y/", {"decision_number": "1", "decided_on": "2022-09-01"}).status_code == 403
    ward = client_for(ward_office_user)
    assert ward.post(f"/dai-hoi/chi-bo/{congress.pk}/chuan-y/", {"decision_number": "219-QĐ/ĐU", "decided_on": "2022-09-10"}).status_code == 302
    page = ward.get(f"/dai-hoi/chi-bo/{congress.pk}/").content.decode()
    assert "Đã chuẩn y theo Quyết định số 219-QĐ/ĐU ngày 10/09/2022." in page and "100.00%" in page


def test_a_wrong_result_form_shows_the_rule_and_writes_nothing(client_for, secretary_user, congress, members):
    response = client_for(secretary_user).post(f"/dai-hoi/chi-bo/{congress.pk}/ket-qua/", {
        "summoned": "12", "present": "11", "denominator": "11", "committee_seats": "3", f"votes_{members[0].pk}": "5",
        "secretary": members[0].pk, "secretary_votes": "5"})
    assert "Nguyễn Văn Số0: 5/11 phiếu, không quá một nửa nên không trúng cử." in response.content.decode()
    congress.refresh_from_db()
    assert congress.status == CongressStatus.SCHEDULED


def test_returned_results_come_back_filled_in_for_correction(client_for, secretary_user, ward_office_user, congress, members):
    submit(congress, secretary_user, result(members))
    result_return(congress=congress, reason="Thiếu biên bản", by=ward_office_user)
    form = client_for(secretary_user).get(f"/dai-hoi/chi-bo/{congress.pk}/ket-qua/").context["form"]
    assert form.initial["present"] == 11 and form.initial[f"votes_{members[2].pk}"] == 9
    assert (form.initial["secretary"], form.initial["deputy_votes"]) == (members[0].pk, 10)
