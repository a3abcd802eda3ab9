"""Importing a list again updates the members it names instead of adding them twice."""
from daihoi.organizations.models import Member


def test_reimport_updates_members_matched_by_card_or_citizen_id(roll, other_branch):
    roll.apply(roll.xlsx(roll.grid([roll.row(1), roll.row(2), roll.row(3)])))
    changed = [
        roll.row(1, **{"Họ và tên": "Nguyễn Văn Anh"}),
        roll.row(2, **{"Số CCCD": "", "Chi bộ": "Công an phường"}),  # matched by card only
        roll.row(3, **{"Số thẻ đảng viên": ""}),  # matched by CCCD only
        roll.row(4),
    ]
    report = roll.apply(roll.xlsx(roll.grid(changed)))
    assert (report.new, report.updated, report.unchanged) == (1, 2, 1)
    assert Member.objects.count() == 4
    assert Member.objects.get(party_card_number=roll.row(1)["Số thẻ đảng viên"]).full_name == "Nguyễn Văn Anh"
    second = Member.objects.get(party_card_number=roll.row(2)["Số thẻ đảng viên"])
    assert second.branch == other_branch
    assert second.citizen_id == roll.row(2)["Số CCCD"]  # an empty cell never erases a stored number
    assert Member.objects.get(citizen_id=roll.row(3)["Số CCCD"]).party_card_number == roll.row(3)["Số thẻ đảng viên"]


def test_a_renamed_member_gets_new_sort_and_search_keys(roll):
    roll.apply(roll.xlsx(roll.grid([roll.row(1)])))
    roll.apply(roll.xlsx(roll.grid([roll.row(1, **{"Họ và tên": "Trần Thị Ước"})])))
    assert Member.objects.get().name_folded == "tran thi uoc"


def test_columns_missing_from_the_file_keep_their_stored_values(roll):
    roll.apply(roll.xlsx(roll.grid([roll.row(1, **{"Điện thoại": "0912345678"})])))
    report = roll.apply(roll.xlsx(roll.grid([roll.row(1)])))
    assert report.unchanged == 1
    assert Member.objects.get().phone == "0912345678"
