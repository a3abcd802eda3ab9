"""The documents of a congress, built from its records: the page, each .docx, and the whole file
zipped; for the branch's secretary, the congress's supervisors and the ward office only."""
import io
import zipfile
from typing import Any

import pytest
from docx import Document

from daihoi.documents import bundle, pdf


def text_of(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    cells = [p.text for t in document.tables for cell in t._cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def no_libreoffice(monkeypatch: Any) -> None:
    def missing(documents: Any) -> Any:
        raise pdf.PdfUnavailable("Máy chủ chưa cài LibreOffice")
    monkeypatch.setattr(bundle, "docx_batch_to_pdf", missing)


def test_secretary_sees_the_documents_page_of_the_branch_congress(client_for: Any, secretary_user: Any, documents_congress: Any) -> None:
    page = client_for(secretary_user).get(f"/van-ban/dai-hoi/{documents_congress.pk}/").content.decode()
    for label in ("Giấy triệu tập", "Biên bản đại hội", "Nghị quyết đại hội", "Tờ trình đề nghị chuẩn y", "Quyết định chuẩn y"):
        assert label in page


def test_people_outside_the_congress_get_not_found(client_for: Any, make_user: Any, other_branch: Any, documents_congress: Any) -> None:
    stranger = make_user("bithu2", "branch_secretary", branch=other_branch)
    assert client_for(stranger).get(f"/van-ban/dai-hoi/{documents_congress.pk}/").status_code == 404


def test_supervisor_downloads_the_request_with_the_submitted_results(client_for: Any, supervisor_user: Any, documents_congress: Any) -> None:
    response = client_for(supervisor_user).get(f"/van-ban/dai-hoi/{documents_congress.pk}/approval_request.docx")
    text = text_of(response.content)
    assert "Số 01-TTr/CB" in text and "Việt Hưng, ngày" in text
    assert "Nguyễn Thị Ánh" in text and "100.00%" in text and "60.00%" in text


def test_summons_has_one_page_per_member_with_the_attendance_token(client_for: Any, secretary_user: Any, documents_congress: Any) -> None:
    text = text_of(client_for(secretary_user).get(f"/van-ban/dai-hoi/{documents_congress.pk}/summons.docx").content)
    assert text.count("GIẤY TRIỆU TẬP") == 5 and "Mã điểm danh: TOKEN4" in text


def test_congress_minutes_take_attendance_and_bodies_from_the_hall(client_for: Any, ward_office_user: Any, documents_congress: Any) -> None:
    text = text_of(client_for(ward_office_user).get(f"/van-ban/dai-hoi/{documents_congress.pk}/congress_minutes.docx").content)
    assert "có mặt: 4 (chính thức 4, dự bị 0); vắng mặt: 1" in text
    assert "Đồng chí Đỗ Minh Khoa (đảng viên chính thức): ốm, có đơn" in text
    assert "chủ trì: đồng chí Nguyễn Thị Ánh" in text


def test_whole_file_zip_holds_every_document_and_says_why_pdfs_are_missing(
        client_for: Any, secretary_user: Any, documents_congress: Any, no_libreoffice: None) -> None:
    response = client_for(secretary_user).get(f"/van-ban/dai-hoi/{documents_congress.pk}/ho-so.zip")
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["01-giay-trieu-tap.docx", "02-bien-ban-dai-hoi.docx", "03-nghi-quyet-dai-hoi.docx",
                     "04-to-trinh-de-nghi-chuan-y.docx", "05-quyet-dinh-chuan-y.docx", "CHUA-CO-PDF.txt"]


def test_a_pdf_without_libreoffice_is_a_clear_error(client_for: Any, secretary_user: Any, documents_congress: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    response = client_for(secretary_user).get(f"/van-ban/dai-hoi/{documents_congress.pk}/resolution.pdf")
    assert response.status_code == 503 and "chưa cài LibreOffice" in response.content.decode()


def test_season_report_is_for_the_ward_not_for_branch_secretaries(client_for: Any, secretary_user: Any, ward_office_user: Any, documents_congress: Any) -> None:
    url = f"/van-ban/ke-hoach/{documents_congress.plan_id}/bao-cao.docx"
    assert client_for(secretary_user).get(url).status_code == 403
    text = text_of(client_for(ward_office_user).get(url).content)
    assert "Số     -BC/ĐU" in text and "Đã có 1/1 chi bộ" in text and "Nguyễn Thị Ánh" in text
