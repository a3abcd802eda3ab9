"""Dates, numbers and text as Hướng dẫn 36-HD/VPTW writes them."""
import unicodedata
from datetime import date

from daihoi.documents.formatting import long_date, nfc_deep, number_symbol, place_date


def test_place_and_date_pad_days_below_ten_and_only_months_one_and_two() -> None:
    assert place_date("Việt Hưng", date(2025, 3, 5)) == "Việt Hưng, ngày 05 tháng 3 năm 2025"
    assert long_date(date(2025, 2, 12)) == "ngày 12 tháng 02 năm 2025"
    assert long_date(date(2025, 11, 1)) == "ngày 01 tháng 11 năm 2025"


def test_an_unknown_date_leaves_blanks_to_fill_by_hand() -> None:
    assert long_date(None) == "ngày …… tháng …… năm ……"


def test_number_and_symbol_keep_a_space_when_the_number_is_not_given_yet() -> None:
    assert number_symbol("02", "BB/CB") == "Số 02-BB/CB"
    assert number_symbol(None, "TTr/CB") == "Số     -TTr/CB"


def test_every_string_of_a_context_is_made_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    context = nfc_deep({"name": decomposed, "rows": [{"name": decomposed}], "count": 3})
    assert context == {"name": "Nguyễn Thị Ánh", "rows": [{"name": "Nguyễn Thị Ánh"}], "count": 3}
