"""[C] ballot_collation: A-B-C order by given name, then family name, then middle name, as a
digit-only key that every database orders bytewise the same way."""
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from daihoi.rules.names import name_parts, sort_key

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
TONED = {  # base letter → the letter with huyền, hỏi, ngã, sắc, nặng
    "a": "àảãáạ", "ă": "ằẳẵắặ", "â": "ầẩẫấậ", "e": "èẻẽéẹ", "ê": "ềểễếệ", "i": "ìỉĩíị",
    "o": "òỏõóọ", "ô": "ồổỗốộ", "ơ": "ờởỡớợ", "u": "ùủũúụ", "ư": "ừửữứự", "y": "ỳỷỹýỵ",
}


def ordered(*names):
    return sorted(names, key=sort_key) == list(names)


def test_names_are_split_into_family_middle_and_given():
    assert name_parts("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert name_parts("  Lê   An ") == ("Lê", "", "An")
    assert name_parts("An") == ("", "", "An")
    assert name_parts("") == ("", "", "")


def test_given_name_decides_first():
    assert ordered("Trần Văn An", "Nguyễn Văn Bình", "Lê Thị Cúc")


def test_family_name_decides_between_equal_given_names_then_middle_name():
    assert ordered("Lê Văn An", "Nguyễn Thị Hồng An", "Nguyễn Văn An", "Nguyễn Văn Hồng An")
    assert ordered("Nguyễn An", "Nguyễn Thị An")


def test_shorter_word_comes_before_a_longer_word_with_the_same_start():
    assert ordered("Nguyễn Văn An", "Nguyễn Văn Anh")
    assert ordered("Lê Án", "Lê Anh")  # letters first, the tone only breaks a tie


def test_vietnamese_letters_follow_the_vietnamese_alphabet():
    assert ordered("Lê An", "Lê Ăn", "Lê Ân", "Lê Bình")
    assert ordered("Lê Dung", "Lê Đức", "Lê Em", "Lê Êm", "Lê Giang")
    assert ordered("Lê On", "Lê Ôn", "Lê Ơn", "Lê Phúc")
    assert ordered("Lê Uyên", "Lê Ưng", "Lê Vân")


def test_tone_marks_order_none_huyen_hoi_nga_sac_nang():
    assert ordered("Lê Ba", "Lê Bà", "Lê Bả", "Lê Bã", "Lê Bá", "Lê Bạ", "Lê Bác")


def test_case_and_unicode_normalization_do_not_matter():
    assert sort_key("NGUYỄN VĂN AN") == sort_key("nguyễn văn an")
    assert sort_key(unicodedata.normalize("NFD", "Trần Thị Ánh")) == sort_key("Trần Thị Ánh")


def test_old_and_new_tone_placement_sort_the_same():
    assert sort_key("Lê Hoà") == sort_key("Lê Hòa")


def test_characters_outside_the_alphabet_sort_after_every_letter():
    assert ordered("Lê Văn Y", "Lê Văn 3", "Lê Văn Ω")
    assert sort_key("Ksor H'Bia").isdigit()


def test_foreign_letters_take_their_latin_place():
    assert ordered("Y Ê", "Y Fa", "Y Giang", "Y Ivan", "Y Jun", "Y Kim", "Y Vân", "Y Wen", "Y Xuân", "Y Zin")


@given(st.text())
def test_key_is_ascii_digits_for_any_text(text):
    key = sort_key(text)
    assert key.isascii() and key.isdigit()


def reference_key(name):
    """The same order as plain tuples, written independently of the digit encoding."""
    def letter(char):
        for base in LETTERS:
            if char == base:
                return LETTERS.index(base), 0
            if char in TONED.get(base, ""):
                return LETTERS.index(base), TONED[base].index(char) + 1
        return 100 + ord(char), 0

    def word(text):
        codes = [letter(char) for char in text.lower()]
        return tuple(code for code, _ in codes), next((tone for _, tone in codes if tone), 0)

    family, middle, given_name = name_parts(name)
    return tuple(tuple(word(w) for w in part.split()) for part in (given_name, family, middle))


vietnamese_word = st.text(alphabet=LETTERS + "".join(TONED.values()) + "'-3", min_size=1, max_size=5)
vietnamese_name = st.lists(vietnamese_word, min_size=1, max_size=4).map(" ".join)


@given(st.lists(vietnamese_name, max_size=12))
def test_sorting_by_the_digit_key_is_sorting_by_given_family_middle(names):
    assert [reference_key(n) for n in sorted(names, key=sort_key)] == sorted(map(reference_key, names))
