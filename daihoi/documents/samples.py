"""Realistic sample data for every document (the worked example of election-rules.md §8:
30 on the roll, D = 26, three seats, votes 20/14/13/9). Used for the known placeholders of each
template, the previews in docs/documents/, the tests and the bench."""
from datetime import date, datetime, time

from daihoi.documents import contexts as c
from daihoi.rules.counting import Candidate, Round, Totals, count_round
from daihoi.rules.electorate import MembersElectorate, denominator

FACTS = c.CongressFacts(
    ward_name="Đảng bộ phường Việt Hưng", ward_upper_body="Đảng bộ quận Long Biên", place_name="Việt Hưng",
    branch_name="Chi bộ Tổ dân phố số 5", ordinal=3, term="2025–2030", held_on=date(2025, 3, 5),
    starts_at=time(7, 30), venue="Nhà văn hóa tổ dân phố số 5", plan_number="74-KH/ĐU",
    plan_issued_on=date(2025, 1, 12),
)
ELECTORATE = MembersElectorate(summoned=30, attached_elsewhere=1, excused_absent=2, absent_with_accepted_reason=1)
CANDIDATES = (
    Candidate("1", "Nguyễn Thị Ánh"), Candidate("2", "Trần Văn Bình"),
    Candidate("3", "Lê Thị Hằng"), Candidate("4", "Phạm Quang Vinh"),
)
COMMITTEE_ROUND = count_round(
    Round(seats=3, candidates=CANDIDATES, denominator=denominator(ELECTORATE), issued=25),
    Totals(valid=24, invalid=1, votes={"1": 20, "2": 14, "3": 13, "4": 9}, invalid_reasons={"too_many_names": 1}),
)
SECRETARY_ROUND = count_round(
    Round(seats=1, candidates=CANDIDATES[:1], denominator=denominator(ELECTORATE), issued=25),
    Totals(valid=24, invalid=1, votes={"1": 22}, invalid_reasons={"both_or_neither": 1}),
)
ELECTIONS = (
    c.outcome_of("Ban Chi ủy", "Chi ủy viên", COMMITTEE_ROUND),
    c.outcome_of("Bí thư Chi bộ", "Bí thư", SECRETARY_ROUND),
)


def counting_minutes() -> c.CountingMinutesInput:
    return c.CountingMinutesInput(
        facts=FACTS, election="Ban Chi ủy", round_number=1, electorate=ELECTORATE, present=25,
        committee=c.CountingCommittee("Đỗ Minh Khoa", ("Vũ Thị Lan", "Hoàng Văn Nam")),
        result=COMMITTEE_ROUND, completed_at=datetime(2025, 3, 5, 10, 45), number="02",
        fingerprint="5d0c6a3e9b7f41c28e6d0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f",
    )


def congress_minutes() -> c.CongressMinutesInput:
    return c.CongressMinutesInput(
        facts=FACTS, summoned_full=30, summoned_probationary=2, present_full=25, present_probationary=2,
        absentees=(c.Absentee("Đinh Văn Tú", True, "ốm, có đơn xin vắng"),
                   c.Absentee("Bùi Thị Mai", True, "sinh hoạt tạm thời nơi khác")),
        guests=("Đồng chí Đinh Quang Luận, Bí thư Đảng ủy phường",),
        presidium=("Nguyễn Thị Ánh", "Trần Văn Bình"), secretariat=("Lê Thị Hằng",),
        agenda=("Khai mạc, thông qua chương trình", "Báo cáo chính trị", "Bầu cử", "Thông qua nghị quyết"),
        political_report="Chi bộ hoàn thành tốt nhiệm vụ nhiệm kỳ 2022–2025.",
        self_review="Chi ủy đoàn kết, thống nhất.", discussion="Có 6 ý kiến phát biểu.",
        upper_speech="Đồng chí Bí thư Đảng ủy ghi nhận kết quả của chi bộ.",
        motions=(c.MotionLine("Thông qua chương trình đại hội", 25, 0, 0, True),),
        elections=ELECTIONS, resolution_vote=c.MotionLine("Thông qua nghị quyết", 25, 0),
        opened_at=time(7, 30), closed_at=time(11, 15), number="04",
    )


def resolution() -> c.ResolutionInput:
    return c.ResolutionInput(
        facts=FACTS, present_full=25, present_probationary=2,
        review="Nhiệm kỳ qua chi bộ hoàn thành tốt các chỉ tiêu nghị quyết đề ra.",
        targets=("100% đảng viên hoàn thành nhiệm vụ", "Kết nạp ít nhất 2 đảng viên mới"),
        elections=ELECTIONS, chair="Nguyễn Thị Ánh", number="03", presidium_size=2,
    )


def approval_request() -> c.ApprovalRequestInput:
    return c.ApprovalRequestInput(FACTS, denominator(ELECTORATE), ELECTIONS, "Nguyễn Thị Ánh", date(2025, 3, 6), "05")


def approval_decision() -> c.ApprovalDecisionInput:
    return c.ApprovalDecisionInput(FACTS, ELECTIONS, "Đinh Quang Luận", "BÍ THƯ", date(2025, 3, 12), "123")


def summons() -> c.SummonsInput:
    return c.SummonsInput(FACTS, (c.Summoned("Nguyễn Thị Ánh", "K7QX2M"), c.Summoned("Trần Văn Bình", "P3RT8W")),
                          "Nguyễn Thị Ánh", date(2025, 2, 25), "03")


def season_report() -> c.SeasonReportInput:
    return c.SeasonReportInput(
        ward_name="Đảng bộ phường Việt Hưng", ward_upper_body="Đảng bộ quận Long Biên", place_name="Việt Hưng",
        plan_number="74-KH/ĐU", plan_issued_on=date(2025, 1, 12), term="2025–2030",
        window_start=date(2025, 3, 1), window_end=date(2025, 3, 31), branches_total=3,
        rows=(c.SeasonRow("Chi bộ Tổ dân phố số 5", date(2025, 3, 5), 32, 27, "Nguyễn Thị Ánh", "", 3),
              c.SeasonRow("Chi bộ Công an phường", date(2025, 3, 8), 24, 24, "Hồ Đức Thắng", "Lý Văn Hải", 5),
              c.SeasonRow("Chi bộ Trạm Y tế phường", None, 7, 0)),
        assessment=("Đại hội các chi bộ diễn ra trang trọng, dân chủ, đúng quy định.",),
        signer="Đinh Quang Luận", issued_on=date(2025, 4, 2), number="45", signer_title="PHÓ BÍ THƯ",
        after_summary="1/3 chi bộ đã hoàn thành các việc sau đại hội, còn 2 việc quá hạn.",
        after=("2/3 chi bộ đã xây dựng quy chế làm việc của chi ủy", "1/3 chi bộ đã phân công nhiệm vụ trong chi ủy"),
    )


BUILDERS = {
    "summons": (summons, c.summons_context),
    "counting_minutes": (counting_minutes, c.counting_minutes_context),
    "congress_minutes": (congress_minutes, c.congress_minutes_context),
    "resolution": (resolution, c.resolution_context),
    "approval_request": (approval_request, c.approval_request_context),
    "approval_decision": (approval_decision, c.approval_decision_context),
    "season_report": (season_report, c.season_report_context),
}


def sample_context(kind: str) -> c.Context:
    """The context of the sample document of ``kind``."""
    make, build = BUILDERS[kind]
    return build(make())  # type: ignore[operator]
