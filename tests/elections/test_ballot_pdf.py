"""Printed ballots: the official header, the names in A-B-C order with exact diacritics
(pdftotext), the form by the list's shape, several per sheet when they fit, and nothing that
tells one ballot from another."""
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from daihoi.elections.ballot_pdf import BallotSpec, ballots_pdf, sheet_split
from daihoi.rules.lists import ballot_order

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
NAMES = tuple(ballot_order(["Trần Thị Ước", "Nguyễn Văn Ân", "Lê Thị Ánh", "Phạm Quốc Ấn", "Đỗ Đức Đạt", "Hồ Thị Ỷ"]))


def _spec(names: tuple[str, ...] = NAMES, seats: int = 5, form: str = "strike") -> BallotSpec:
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Tổ dân phố số 1", "Bầu Chi ủy Chi bộ Tổ dân phố số 1",
                      "2025–2030", seats, names, form, "BC7-L1-DS2")


def _text(pdf: bytes, tmp_path: Path, layout: bool = False) -> str:
    path = tmp_path / "ballots.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return unicodedata.normalize("NFC", subprocess.run(args, capture_output=True, check=True, text=True).stdout)


def test_the_ballot_carries_the_official_header_and_every_name_with_exact_diacritics(tmp_path: Path) -> None:
    text = _text(ballots_pdf(_spec(), 4), tmp_path)
    for line in ("ĐẢNG CỘNG SẢN VIỆT NAM", "PHIẾU BẦU CỬ", "ĐẢNG BỘ PHƯỜNG VIỆT HƯNG", "CHI BỘ TỔ DÂN PHỐ SỐ 1",
                 "Bầu Chi ủy Chi bộ Tổ dân phố số 1", "Nhiệm kỳ 2025–2030 · Số lượng cần bầu: 5", "gạch ngang"):
        assert text.count(line) == 4, line
    for name in NAMES:
        assert text.count(name) == 4, name


def test_names_are_printed_in_the_rules_core_a_b_c_order(tmp_path: Path) -> None:
    text = _text(ballots_pdf(_spec(), 1), tmp_path)
    positions = [text.index(name) for name in NAMES]
    assert positions == sorted(positions)


def test_four_small_ballots_share_an_a4_sheet_and_a_long_list_takes_a_whole_sheet() -> None:
    assert sheet_split(_spec())[:2] == (2, 2)
    long_list = tuple(f"Nguyễn Văn Tên Thứ {n}" for n in range(1, 61))
    assert sheet_split(_spec(long_list, seats=50))[:2] == (1, 1)


def test_a_single_name_gets_the_agree_disagree_form(tmp_path: Path) -> None:
    text = _text(ballots_pdf(_spec(NAMES[:1], seats=1, form="approve"), 1), tmp_path)
    assert "Đồng ý" in text and "Không đồng ý" in text and "Đánh dấu X" in text


def test_identical_ballots_carry_only_the_election_round_and_list_code(tmp_path: Path) -> None:
    text = _text(ballots_pdf(_spec(), 8), tmp_path, layout=True)
    assert text.count("BC7-L1-DS2") == 8
    sheets = text.split("\f")
    assert sheets[0] == sheets[1]
