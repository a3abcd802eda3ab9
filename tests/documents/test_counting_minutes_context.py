"""The counting minutes hold everything election-rules.md §7 lists, taken from the rules core's
RoundResult, never recomputed."""
from dataclasses import fields

from daihoi.documents import samples
from daihoi.documents.contexts import EXCLUSION_LABELS, INVALID_REASON_LABELS, counting_minutes_context
from daihoi.rules.ballots import INVALID_REASONS
from daihoi.rules.electorate import DelegatesElectorate, MembersElectorate


def test_counting_minutes_give_d_ballots_votes_and_percentages_of_the_worked_example() -> None:
    context = counting_minutes_context(samples.counting_minutes())
    assert (context["summoned"], context["present"], context["denominator"], context["threshold"]) == ("30", "25", "26", "14")
    assert (context["issued"], context["collected"], context["valid"], context["invalid"]) == ("25", "25", "24", "1")
    assert context["invalid_reasons"] == [{"label": "Phiếu bầu nhiều hơn số lượng cần bầu", "count": "1"}]
    assert [(c["name"], c["votes"], c["percent"]) for c in context["candidates"]] == [
        ("Nguyễn Thị Ánh", "20", "76.92"), ("Trần Văn Bình", "14", "53.85"),
        ("Lê Thị Hằng", "13", "50.00"), ("Phạm Quang Vinh", "9", "34.62")]


def test_those_elected_are_listed_highest_first_and_an_unfilled_seat_is_stated() -> None:
    context = counting_minutes_context(samples.counting_minutes())
    assert [e["name"] for e in context["elected"]] == ["Nguyễn Thị Ánh", "Trần Văn Bình"]
    assert context["outcome"] == ["Còn 1 chỗ chưa bầu đủ vì không có người đạt số phiếu quá một nửa."]


def test_counting_minutes_name_the_committee_and_the_time_they_were_completed() -> None:
    context = counting_minutes_context(samples.counting_minutes())
    assert context["committee_head"] == "Đỗ Minh Khoa"
    assert context["committee_members"] == ["Vũ Thị Lan", "Hoàng Văn Nam"]
    assert context["completed"] == "Biên bản lập xong hồi 10 giờ 45 phút, ngày 05 tháng 3 năm 2025."
    assert context["number"] == "Số 02-BB/ĐH"


def test_every_invalid_reason_and_exclusion_of_the_rules_core_has_a_vietnamese_label() -> None:
    assert set(INVALID_REASON_LABELS) == set(INVALID_REASONS)
    names = {f.name for electorate in (MembersElectorate, DelegatesElectorate) for f in fields(electorate)}
    assert set(EXCLUSION_LABELS) == names - {"summoned"}
