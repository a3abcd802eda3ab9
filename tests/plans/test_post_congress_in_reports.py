"""The season report (JSON, Excel) and the drafted news article count each post-congress item
across the branches, as the ward's own report does: "1/2 chi bộ đã xây dựng quy chế làm việc
của chi ủy" (issue 12)."""
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from daihoi.lib.text import follow_up_sentence
from daihoi.news.drafting import draft_season_article
from daihoi.news.selectors import season_facts
from daihoi.plans.selectors import season_report
from daihoi.plans.services import follow_up_mark

TODAY = date(2022, 12, 31)


@pytest.fixture
def rules_done(held_congress, secretary_user):
    """The held branch adopted its working rules; nothing else is done anywhere."""
    item = held_congress.plan.follow_up_items.get(title="Xây dựng quy chế làm việc của chi ủy")
    follow_up_mark(congress=held_congress, item=item, done_on=date(2022, 9, 5), by=secretary_user, today=TODAY)
    return held_congress.plan


def test_each_item_is_counted_over_the_branches_it_applies_to(rules_done):
    items = season_report(rules_done, today=TODAY)["after"]["items"]
    assert items == [
        {"title": "Xây dựng quy chế làm việc của chi ủy", "done": 1, "applies": 2},
        {"title": "Phân công nhiệm vụ trong chi ủy", "done": 0, "applies": 2},
        {"title": "Xây dựng chương trình công tác toàn khóa", "done": 0, "applies": 2},
        {"title": "Phân công nhiệm vụ cho từng đảng viên", "done": 0, "applies": 2},
        {"title": "Lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới", "done": 0, "applies": 1},  # residential groups only
    ]


def test_the_sentence_lowers_only_the_first_letter():
    assert follow_up_sentence("Lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới", 3, 15) == \
        "3/15 chi bộ đã lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới"


def test_the_excel_report_writes_a_line_per_item(rules_done, ward_office_user, client_for):
    response = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{rules_done.pk}/bao-cao.xlsx")
    lines = [row[1] for row in load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True) if len(row) > 1]
    assert "1/2 chi bộ đã xây dựng quy chế làm việc của chi ủy" in lines
    assert "0/1 chi bộ đã lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới" in lines


def test_the_drafted_article_states_the_post_congress_figures(rules_done):
    body = draft_season_article(season_facts(rules_done)).body
    assert ("Sau đại hội, thực hiện yêu cầu của Đảng ủy phường Thử Nghiệm, đến nay 1/2 chi bộ đã xây dựng quy chế "
            "làm việc của chi ủy; 0/2 chi bộ đã phân công nhiệm vụ trong chi ủy") in body


def test_the_article_says_nothing_of_the_work_before_any_is_done(held_congress):
    assert "Sau đại hội, thực hiện" not in draft_season_article(season_facts(held_congress.plan)).body


def test_the_word_season_report_has_the_post_congress_section(rules_done, ward_office_user, client_for):
    response = client_for(ward_office_user).get(f"/van-ban/ke-hoach/{rules_done.pk}/bao-cao.docx")
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "II. CÁC VIỆC SAU ĐẠI HỘI" in text
    assert "0/2 chi bộ đã hoàn thành các việc sau đại hội" in text
    assert "1/1 chi bộ bầu đảm bảo đúng dự kiến về cơ cấu, độ tuổi." in text
    assert "- 1/2 chi bộ đã xây dựng quy chế làm việc của chi ủy." in text
    assert "- 0/1 chi bộ đã lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới." in text
