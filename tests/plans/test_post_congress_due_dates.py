from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.plans.models import DEFAULT_FOLLOW_UPS
from daihoi.plans.selectors import congress_follow_up
from daihoi.plans.services import follow_up_item_save, follow_up_mark

TODAY = date(2022, 12, 31)


def item(congress, title):
    return congress.plan.follow_up_items.get(title=title)


def test_a_new_plan_gets_the_articles_follow_up_items(make_plan):
    assert [(i.title, i.due_days) for i in make_plan().follow_up_items.all()] == [(t, d) for t, d, *_ in DEFAULT_FOLLOW_UPS]


def test_due_dates_count_from_the_day_the_congress_was_held(held_congress):
    due = {row["item"].title: row["due"] for row in congress_follow_up(held_congress, TODAY)}
    assert due["Xây dựng quy chế làm việc của chi ủy"] == date(2022, 9, 10)
    assert due["Lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới"] == date(2022, 11, 24)


def test_the_residential_group_head_applies_only_to_residential_group_branches(make_plan, other_branch):
    congress = make_plan().congresses.get(branch=other_branch)
    titles = [row["item"].title for row in congress_follow_up(congress, TODAY)]
    assert len(titles) == 4 and "Lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới" not in titles


def test_the_ward_changes_a_due_date_for_one_plan_only(held_congress, make_plan):
    rules = item(held_congress, "Xây dựng quy chế làm việc của chi ủy")
    follow_up_item_save(plan=held_congress.plan, item=rules, title=rules.title, due_days=20, residential_only=False, document_kind="working_rules")
    assert congress_follow_up(held_congress, TODAY)[0]["due"] == date(2022, 9, 15)
    other = make_plan(number="75-KH/ĐU")
    assert other.follow_up_items.get(title=rules.title).due_days == 15


def test_a_due_date_outside_a_year_is_refused(held_congress):
    with pytest.raises(ValidationError, match="Hạn phải từ 1 đến 365 ngày sau đại hội."):
        follow_up_item_save(plan=held_congress.plan, item=None, title="Việc thêm", due_days=0, residential_only=False, document_kind="")


def test_marking_done_records_who_and_when_and_versions_the_document(held_congress, secretary_user):
    rules = item(held_congress, "Xây dựng quy chế làm việc của chi ủy")
    for content in (b"du thao", b"ban chinh thuc"):
        record = follow_up_mark(congress=held_congress, item=rules, done_on=date(2022, 9, 5), by=secretary_user, today=TODAY,
                                file=SimpleUploadedFile("quy-che.docx", content))
    assert (record.done_on, record.done_by, record.document.kind, record.document.version) == (
        date(2022, 9, 5), secretary_user, "working_rules", 2)


def test_nothing_is_marked_before_the_congress_is_held(make_plan, other_branch, ward_office_user):
    congress = make_plan().congresses.get(branch=other_branch)
    with pytest.raises(ValidationError, match="Đại hội chưa tổ chức"):
        follow_up_mark(congress=congress, item=item(congress, "Phân công nhiệm vụ trong chi ủy"), done_on=TODAY,
                       by=ward_office_user, today=TODAY)


def test_a_date_before_the_congress_is_refused(held_congress, secretary_user):
    with pytest.raises(ValidationError, match="Ngày hoàn thành phải từ ngày đại hội"):
        follow_up_mark(congress=held_congress, item=item(held_congress, "Phân công nhiệm vụ trong chi ủy"),
                       done_on=date(2022, 8, 1), by=secretary_user, today=TODAY)
