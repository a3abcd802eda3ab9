"""Validation of what the hall records, as lists of Vietnamese messages (empty when all is well),
so that a screen can show every problem at once."""
from collections.abc import Collection, Sequence

from daihoi.organizations.models import Member


def check_counting_committee(members: Sequence[Member], candidate_ids: Collection[int]) -> list[str]:
    """The counting committee is made of full members who are not on any election list
    (190-QĐ/TW Art 8). The elections app passes the ids of everyone on a list of this congress.
    Suspended or prosecuted members cannot act for the congress either (Art 30.2 takes them
    out of D)."""
    problems = []
    if not members:
        problems.append("Ban kiểm phiếu phải có ít nhất một đồng chí.")
    for member in members:
        if not member.is_full:
            problems.append(f"Đồng chí {member.full_name} là đảng viên dự bị, không được tham gia Ban kiểm phiếu.")
        if member.pk in candidate_ids:
            problems.append(f"Đồng chí {member.full_name} có tên trong danh sách bầu cử, không được tham gia Ban kiểm phiếu.")
        if member.is_suspended or member.is_prosecuted_or_detained:
            problems.append(f"Đồng chí {member.full_name} đang bị đình chỉ sinh hoạt hoặc bị khởi tố, tạm giam, không được tham gia Ban kiểm phiếu.")
    return problems


def check_head(members: Sequence[Member], head_id: int | None, body_label: str) -> list[str]:
    """A body with members has exactly one head, chosen among them (the chair of the presidium,
    the head of the counting committee)."""
    if members and head_id is None:
        return [f"Cần chọn người đứng đầu {body_label.lower()}."]
    if head_id is not None and head_id not in {member.pk for member in members}:
        return [f"Người đứng đầu {body_label.lower()} phải là thành viên của {body_label.lower()}."]
    return []


def check_motion_counts(agree: int, disagree: int, abstain: int, voters: int) -> list[str]:
    """Counts of a show of hands: never negative, never more hands than members present and
    entitled to vote when the vote opened."""
    if min(agree, disagree, abstain) < 0:
        return ["Số biểu quyết không được âm."]
    total = agree + disagree + abstain
    if total > voters:
        return [f"Tổng số biểu quyết ({total}) vượt quá số đảng viên chính thức có mặt khi mở biểu quyết ({voters})."]
    return []
