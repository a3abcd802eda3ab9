"""190-QĐ/TW Art 14, 04-HD/TW: the list's size, the slate's margin, the ballot form, the order."""
import pytest

from daihoi.rules.lists import (
    ballot_order,
    check_list,
    choose_form,
    max_list_size,
    max_margin,
    slate_range,
)


@pytest.mark.parametrize("seats", [3, 4, 5])
def test_committee_of_three_to_five_seats_may_have_one_name_more(seats):
    assert max_list_size(seats) == seats + 1


@pytest.mark.parametrize(("seats", "margin"), [(1, 0), (2, 0), (6, 1), (7, 2), (10, 3), (11, 3), (20, 6)])
def test_margin_is_thirty_percent_of_seats_rounded_down(seats, margin):
    assert max_margin(seats) == margin


@pytest.mark.parametrize(("seats", "low", "high"), [(3, 4, 4), (7, 8, 8), (10, 11, 11), (20, 22, 23), (40, 44, 46)])
def test_outgoing_committee_slate_has_a_margin_of_ten_to_fifteen_percent(seats, low, high):
    assert slate_range(seats) == (low, high)


def test_list_beyond_the_margin_gets_a_vietnamese_warning():
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
    assert check_list(3, names) == ["Danh sách có 5 người cho 3 chi ủy viên: vượt số dư tối đa 1 người"]


def test_committee_list_without_margin_gets_a_warning():
    assert check_list(3, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]) == [
        "Danh sách có 3 người cho 3 chi ủy viên: danh sách bầu chi ủy phải nhiều hơn số cần bầu"
    ]


def test_single_name_for_secretary_is_normal():
    assert check_list(1, ["Nguyễn Văn An"], office="secretary") == []


def test_delegates_list_has_no_margin_rule_but_keeps_abc_order():
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert check_list(3, names, office="delegates") == []
    assert check_list(1, names, office="delegates") == []
    assert check_list(3, ["Trần Thị Bình", "Nguyễn Văn An"], office="delegates") == [
        "Danh sách chưa theo thứ tự A, B, C: theo tên, rồi họ, rồi tên đệm"
    ]


def test_empty_list_and_a_list_out_of_abc_order_are_flagged():
    assert check_list(1, [], office="secretary") == ["Danh sách có 0 người cho 1 bí thư: chưa có ai"]
    warnings = check_list(1, ["Trần Thị Bình", "Nguyễn Văn An"], office="deputy_secretary")
    assert warnings == ["Danh sách chưa theo thứ tự A, B, C: theo tên, rồi họ, rồi tên đệm"]


def test_ballot_order_sorts_by_given_name():
    assert ballot_order(["Trần Thị Bình", "Nguyễn Văn An"]) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_strike_form_with_margin_approve_form_without():
    assert choose_form(4, 3) == "strike"
    assert choose_form(3, 3) == "approve"
    assert choose_form(1, 1) == "approve"
