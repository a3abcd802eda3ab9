"""Every document rendered from demo-like data, converted to PDF through LibreOffice (two batches
at the same time, as two offices downloading at once), and read back with pdftotext: the key
Vietnamese content is exactly there."""
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from daihoi.documents.kinds import KINDS
from daihoi.documents.pdf import docx_batch_to_pdf
from daihoi.documents.render import render_docx
from daihoi.documents.samples import sample_context

pytestmark = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")


def pdf_text(pdf: bytes) -> str:
    """The text without any whitespace: justified lines make pdftotext split words at random."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        Path(file.name).write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True, check=True).stdout.decode()
    return "".join(text.split())


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    docs = {kind: render_docx(kind, sample_context(kind)) for kind in KINDS}
    kinds = list(docs)
    batches = [{k: docs[k] for k in kinds[::2]}, {k: docs[k] for k in kinds[1::2]}]
    with ThreadPoolExecutor(2) as pool:
        pdfs = {k: v for batch in pool.map(docx_batch_to_pdf, batches) for k, v in batch.items()}
    return {kind: pdf_text(pdf) for kind, pdf in pdfs.items()}


def has(text: str, *needles: str) -> None:
    for needle in needles:
        assert "".join(needle.split()) in text, needle


def test_concurrent_conversions_produce_every_document(texts: dict[str, str]) -> None:
    assert set(texts) == set(KINDS)
    for text in texts.values():
        has(text, "ĐẢNG CỘNG SẢN VIỆT NAM")


def test_counting_minutes_pdf_shows_counts_percentages_and_those_elected(texts: dict[str, str]) -> None:
    has(texts["counting_minutes"], "Số 02-BB/ĐH", "Việt Hưng, ngày 05 tháng 3 năm 2025", "BIÊN BẢN KIỂM PHIẾU",
        "CHI BỘ TỔ DÂN PHỐ SỐ 5", "(D): 26", "ít nhất 14 phiếu", "Số phiếu phát ra: 25", "số phiếu hợp lệ: 24",
        "Nguyễn Thị Ánh 20 76.92%", "Lê Thị Hằng 13 50.00%", "Phạm Quang Vinh 9 34.62%",
        "Trần Văn Bình: 14 phiếu, đạt 53.85%", "Đỗ Minh Khoa", "Hoàng Văn Nam", "hồi 10 giờ 45 phút",
        "TRƯỞNG BAN KIỂM PHIẾU", "THÀNH VIÊN BAN KIỂM PHIẾU", "Vũ Thị Lan")


def test_congress_minutes_and_resolution_pdfs_show_attendance_and_results(texts: dict[str, str]) -> None:
    has(texts["congress_minutes"], "Số 04-BB/ĐH", "THƯ KÝ ĐẠI HỘI", "Lê Thị Hằng", "T/M ĐOÀN CHỦ TỊCH",
        "BIÊN BẢN ĐẠI HỘI", "có mặt: 27 (chính thức 25, dự bị 2)",
        "Đinh Văn Tú", "Nguyễn Thị Ánh: 20 phiếu, đạt 76.92%", "tán thành 25")
    has(texts["resolution"], "Số 03-NQ/ĐH", "NGHỊ QUYẾT", "ĐẠI HỘI LẦN THỨ 3", "T/M ĐẠI HỘI", "ĐOÀN CHỦ TỊCH", "Trần Văn Bình")


def test_request_and_decision_pdfs_carry_their_numbers_and_the_names_approved(texts: dict[str, str]) -> None:
    has(texts["approval_request"], "Số 05-TTr/CB", "Việt Hưng, ngày 06 tháng 3 năm 2025", "TỜ TRÌNH",
        "Ban Thường vụ Đảng ủy phường Việt Hưng", "Kế hoạch số 74-KH/ĐU", "Nguyễn Thị Ánh Bí thư 22 84.62%")
    has(texts["approval_decision"], "Số 123-QĐ/ĐU", "ĐẢNG ỦY PHƯỜNG VIỆT HƯNG", "Việt Hưng, ngày 12 tháng 3 năm 2025",
        "QUYẾT ĐỊNH", "T/M BAN THƯỜNG VỤ", "Đinh Quang Luận", "Đồng chí Trần Văn Bình")
    has(texts["approval_request"], "T/M CHI BỘ", "Nguyễn Thị Ánh")


def test_summons_and_season_report_pdfs(texts: dict[str, str]) -> None:
    has(texts["summons"], "Số 03-GTT/CB", "GIẤY TRIỆU TẬP", "Nguyễn Thị Ánh", "Trần Văn Bình", "Mã điểm danh: K7QX2M",
        "7 giờ 30 phút, ngày 05 tháng 3 năm 2025")
    has(texts["season_report"], "Số 45-BC/ĐU", "BÁO CÁO", "2/3 chi bộ", "có mặt 51 (đạt 91.07%)",
        "08/3/2025 24 24 Hồ Đức", "II. CÁC VIỆC SAU ĐẠI HỘI", "2/3 chi bộ đã xây dựng quy chế làm việc của chi ủy",
        "1/3 chi bộ đã hoàn thành các việc sau đại hội, còn 2 việc quá hạn", "T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Đinh Quang Luận")
