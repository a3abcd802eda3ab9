"""A counting operator or a secretary who reads English sees the elections' checks in English:
the typing errors of a station entry and the list's refusals, with the typed text, numbers and
names put into the sentence; Vietnamese, the message ids, by default."""
import pytest
from django.utils import translation

from daihoi.elections import checks


def test_a_mistyped_row_number_is_explained_in_the_readers_language() -> None:
    with pytest.raises(ValueError, match="^“9” không phải số thứ tự từ 1 đến 7.$"):
        checks.parse_rows("2 9", 7)
    with translation.override("en"), pytest.raises(ValueError, match="^“9” is not a row number from 1 to 7.$"):
        checks.parse_rows("2 9", 7)


def test_marks_and_flags_errors_are_in_english_for_an_english_reader() -> None:
    with translation.override("en"):
        with pytest.raises(ValueError, match="^Exactly 3 characters are needed, one per row"):
            checks.parse_marks("12", 3)
        with pytest.raises(ValueError, match="^“x” is not a flag: p not issued"):
            checks.parse_flags("px")
        with pytest.raises(ValueError, match="^Row 2 was typed twice.$"):
            checks.parse_rows("2 2", 7)


def test_a_candidate_refusal_names_the_member_in_either_language(make_member, branch, other_branch, make_plan) -> None:
    congress = make_plan().congresses.get(branch=branch)
    outsider = make_member(other_branch, "Lê Văn Khách")
    assert checks.check_candidate(outsider, congress, [], None) == ["Đồng chí Lê Văn Khách không thuộc chi bộ này."]
    with translation.override("en"):
        assert checks.check_candidate(outsider, congress, [], None) == ["Comrade Lê Văn Khách is not a member of this branch."]
        assert checks.check_election(congress, "committee", 12, 10) == [
            "The branch has 10 full members; 12 people cannot be elected."]
