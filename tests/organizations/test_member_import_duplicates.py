"""The same card or CCCD twice in a file, or a file row that mixes up two stored members, is refused."""
from daihoi.organizations.models import Member


def test_a_card_number_twice_in_the_file_is_reported_on_the_second_row(roll):
    rows = [roll.row(1), roll.row(2), roll.row(3, **{"Số thẻ đảng viên": roll.row(1)["Số thẻ đảng viên"]})]
    messages = roll.messages(roll.preview(roll.xlsx(roll.grid(rows))))
    assert messages == [f"Dòng 4, cột E (Số thẻ đảng viên): '{roll.row(1)['Số thẻ đảng viên']}' trùng với dòng 2"]


def test_a_citizen_id_twice_in_the_file_is_reported(roll):
    rows = [roll.row(1), roll.row(2, **{"Số CCCD": roll.row(1)["Số CCCD"]})]
    messages = roll.messages(roll.preview(roll.xlsx(roll.grid(rows))))
    assert messages == [f"Dòng 3, cột D (Số CCCD): '{roll.row(1)['Số CCCD']}' trùng với dòng 2"]


def test_card_of_one_stored_member_with_citizen_id_of_another_is_a_conflict(roll, branch, make_member):
    make_member(branch, "Lê Văn Một", party_card_number="20000001", citizen_id="001070000001")
    make_member(branch, "Lê Văn Hai", party_card_number="20000002", citizen_id="001070000002")
    row = roll.row(1, **{"Số thẻ đảng viên": "20000001", "Số CCCD": "001070000002"})
    messages = roll.messages(roll.preview(roll.xlsx(roll.grid([row]))))
    assert messages == ["Dòng 2: số thẻ đảng viên là của Lê Văn Một nhưng số CCCD là của Lê Văn Hai đã có trong danh sách"]


def test_two_rows_that_are_the_same_stored_member_are_refused(roll, branch, make_member):
    make_member(branch, "Lê Văn Một", party_card_number="20000001", citizen_id="001070000001")
    rows = [roll.row(1, **{"Số thẻ đảng viên": "20000001", "Số CCCD": ""}),
            roll.row(2, **{"Số thẻ đảng viên": "", "Số CCCD": "001070000001"})]
    messages = roll.messages(roll.preview(roll.xlsx(roll.grid(rows))))
    assert messages == ["Dòng 3: cùng một đảng viên với dòng 2"]
    assert Member.objects.count() == 1
