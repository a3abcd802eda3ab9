import pytest
from django.core.exceptions import ValidationError

from daihoi.plans.models import ElectedPerson, Office
from daihoi.plans.selectors import committee_duties
from daihoi.plans.services import committee_duty_set


def test_each_person_appears_once_the_secretary_first(held_congress):
    people = list(committee_duties(held_congress.plan.congresses.all()))
    assert [(p.full_name, p.office) for p in people] == [
        ("Nguyễn Văn An", Office.SECRETARY), ("Trần Thị Bình", Office.DEPUTY_SECRETARY), ("Lê Văn Cường", Office.COMMITTEE)]


def test_areas_are_kept_one_per_line(held_congress, secretary_user):
    person = ElectedPerson.objects.get(result__congress=held_congress, office=Office.COMMITTEE, full_name="Lê Văn Cường")
    duty = committee_duty_set(congress=held_congress, person=person, areas="Kiểm tra, giám sát\n\n Tổ dân phố, Mặt trận ", by=secretary_user)
    assert duty.area_list == ["Kiểm tra, giám sát", "Tổ dân phố, Mặt trận"]


def test_a_person_elected_elsewhere_cannot_be_assigned_here(held_congress, make_plan, other_branch, secretary_user):
    other = make_plan(number="75-KH/ĐU").congresses.get(branch=other_branch)
    person = ElectedPerson.objects.get(result__congress=held_congress, office=Office.SECRETARY)
    with pytest.raises(ValidationError, match="không trúng cử tại đại hội này"):
        committee_duty_set(congress=other, person=person, areas="x", by=secretary_user)


def test_the_ward_sees_who_leads_what_in_every_branch(held_congress, secretary_user, client_for, ward_office_user):
    person = ElectedPerson.objects.get(result__congress=held_congress, office=Office.SECRETARY)
    response = client_for(secretary_user).post(f"/dai-hoi/chi-bo/{held_congress.pk}/phan-cong/",
                                               {"person": person.pk, "areas": "Công tác tổ chức, xây dựng Đảng"})
    assert response.status_code == 302
    page = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/sau-dai-hoi/").content.decode()
    assert "Công tác tổ chức, xây dựng Đảng" in page and "chưa phân công" in page
