"""A congress like the demo's, with attendance, bodies and submitted results, for the documents
tests (documents-only fixtures; the shared ones are in tests/conftest.py)."""
from datetime import date, time
from typing import Any

import pytest


@pytest.fixture
def held_congress(ward: Any, branch: Any, make_member: Any, secretary_user: Any, supervisor_user: Any) -> Any:
    from daihoi.congresses.models import Attendance, Body, BodySeat
    from daihoi.plans.models import Congress, CongressResult, ElectedPerson, Office, Plan

    ward.place = "Việt Hưng"
    ward.save()
    plan = Plan.objects.create(party_committee=ward, number="74-KH/ĐU", issued_on=date(2025, 1, 12),
                               term_start_year=2025, term_end_year=2030,
                               window_start=date(2025, 3, 1), window_end=date(2025, 3, 31))
    congress = Congress.objects.create(plan=plan, branch=branch, ordinal=3, scheduled_on=date(2025, 3, 5),
                                       held_on=date(2025, 3, 5), starts_at=time(7, 30), place="Nhà văn hóa tổ 1")
    congress.supervisors.add(supervisor_user)
    names = ["Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Thị Hằng", "Phạm Quang Vinh", "Đỗ Minh Khoa"]
    members = [make_member(branch, name) for name in names]
    for index, member in enumerate(members):
        Attendance.objects.create(congress=congress, member=member, status="full", attachment="none",
                                  token=f"TOKEN{index}", is_present=index < 4, was_present=index < 4,
                                  absence_reason="" if index < 4 else "ốm, có đơn")
    BodySeat.objects.create(congress=congress, body=Body.PRESIDIUM, member=members[0], is_head=True)
    BodySeat.objects.create(congress=congress, body=Body.SECRETARIAT, member=members[2], is_head=True)
    result = CongressResult.objects.create(congress=congress, summoned=5, present=4, denominator=5,
                                           committee_seats=3, submitted_by=secretary_user)
    for office, member, votes in ((Office.COMMITTEE, members[0], 5), (Office.COMMITTEE, members[1], 4),
                                  (Office.COMMITTEE, members[2], 3), (Office.SECRETARY, members[0], 5)):
        ElectedPerson.objects.create(result=result, office=office, member=member, full_name=member.full_name, votes=votes)
    return congress
