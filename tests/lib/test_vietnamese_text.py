from daihoi.lib.text import fold, nfc


def test_fold_removes_diacritics_and_case_so_search_works_without_a_vietnamese_keyboard():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("  ĐẶNG   Thị  Ánh ") == "dang thi anh"


def test_nfc_joins_decomposed_letters():
    assert nfc("Nguye\u0302\u0303n") == "Nguyễn"
