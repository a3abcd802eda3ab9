"""Numbers, dates and signers of a congress's documents come from the data where the system holds
them (Hướng dẫn 36-HD/VPTW 1.3.1 for the numbering; the presidium, the secretariat, the elected
and the previous secretary for the signatures), and from a field the office fills where it does
not (the branch's and the ward's registers, the ward's signer)."""
import io
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from daihoi.documents.models import DocumentNumber
from daihoi.documents.pdf import docx_batch_to_pdf
from daihoi.documents.selectors import congress_documents, congress_numbers
from daihoi.plans.models import Congress, CongressResult, ElectedPerson, FollowUpItem, Office, Plan


def text_of(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    cells = [p.text for t in document.tables for cell in t._cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def download(client: Any, congress: Any, key: str) -> str:
    response = client.get(f"/van-ban/dai-hoi/{congress.pk}/{key}.docx")
    assert response.status_code == 200
    return text_of(response.content)


def numbers_of(congress: Any) -> dict[str, str]:
    return {entry.key: entry.context["number"] for entry in congress_documents(congress)}


def test_the_congress_numbers_its_documents_in_one_register_and_the_branch_starts_the_new_term_at_01(documents_congress: Any) -> None:
    assert numbers_of(documents_congress) == {
        "summons": "Số 01-GTT/CB", "resolution": "Số 01-NQ/ĐH", "congress_minutes": "Số 02-BB/ĐH",
        "approval_request": "Số 01-TTr/CB", "approval_decision": "Số     -QĐ/ĐU"}


def test_each_rounds_minutes_come_first_and_a_number_the_office_gave_is_followed(documents_congress: Any, secretary_user: Any) -> None:
    stems = ["bien-ban-kiem-phieu-ban-chi-uy-lan-1", "bien-ban-kiem-phieu-bi-thu-lan-1"]
    numbers = congress_numbers(documents_congress, stems)
    assert [numbers[key].number for key in [*stems, "resolution", "congress_minutes"]] == ["01", "02", "03", "04"]
    assert numbers["resolution"].proposed is True
    DocumentNumber.objects.create(congress=documents_congress, key=stems[0], number="05", set_by=secretary_user)
    numbers = congress_numbers(documents_congress, stems)
    assert [numbers[key].number for key in [*stems, "resolution", "congress_minutes"]] == ["05", "06", "07", "08"]
    assert numbers[stems[0]].proposed is False and numbers[stems[1]].proposed is True


def test_the_decision_carries_the_number_recorded_at_approval_or_the_next_of_the_season(documents_congress: Any, make_member: Any, other_branch: Any) -> None:
    Congress.objects.create(plan=documents_congress.plan, branch=other_branch, status="approved",
                            approval_decision_number="201-QĐ/ĐU", approved_on=date(2025, 3, 10))
    assert numbers_of(documents_congress)["approval_decision"] == "Số 202-QĐ/ĐU"
    Congress.objects.filter(pk=documents_congress.pk).update(approval_decision_number="215-QĐ/ĐU", approved_on=date(2025, 3, 12))
    documents_congress.refresh_from_db()
    entry = next(e for e in congress_documents(documents_congress) if e.key == "approval_decision")
    assert (entry.context["number"], entry.context["place_date"], entry.proposed) == (
        "Số 215-QĐ/ĐU", "Việt Hưng, ngày 12 tháng 3 năm 2025", False)


def test_the_secretary_gives_a_number_and_date_from_the_branchs_register(documents_congress: Any, secretary_user: Any, client_for: Any) -> None:
    client = client_for(secretary_user)
    url = f"/van-ban/dai-hoi/{documents_congress.pk}/so-van-ban/"
    assert client.post(url, {"key": "summons", "number": "07", "issued_on": "2025-02-24"}).status_code == 302
    text = download(client, documents_congress, "summons")
    assert "Số 07-GTT/CB" in text and "Việt Hưng, ngày 24 tháng 02 năm 2025" in text
    page = client.get(f"/van-ban/dai-hoi/{documents_congress.pk}/").content.decode()
    assert 'value="07"' in page and "số đề xuất" in page  # the others are still proposals
    assert client.post(url, {"key": "summons", "number": "", "issued_on": ""}).status_code == 302
    assert "Số 01-GTT/CB" in download(client, documents_congress, "summons")


def test_a_number_that_is_not_digits_or_a_document_not_numbered_here_is_refused(documents_congress: Any, secretary_user: Any, client_for: Any) -> None:
    client = client_for(secretary_user)
    url = f"/van-ban/dai-hoi/{documents_congress.pk}/so-van-ban/"
    refused = client.post(url, {"key": "resolution", "number": "05-NQ"})
    assert refused.status_code == 400 and "Số văn bản chỉ gồm chữ số" in refused.content.decode()
    assert client.post(url, {"key": "approval_decision", "number": "9"}).status_code == 400  # the ward's, set at approval
    assert not DocumentNumber.objects.exists()


def test_only_those_who_prepare_the_congress_number_its_documents(documents_congress: Any, supervisor_user: Any, member_user: Any, client_for: Any) -> None:
    url = f"/van-ban/dai-hoi/{documents_congress.pk}/so-van-ban/"
    assert client_for(supervisor_user).post(url, {"key": "summons", "number": "3"}).status_code == 403
    assert client_for(member_user).post(url, {"key": "summons", "number": "3"}).status_code in (403, 404)
    assert not DocumentNumber.objects.exists()


def test_the_minutes_and_resolution_are_signed_by_the_chair_and_the_secretary_of_the_congress(documents_congress: Any, ward_office_user: Any, client_for: Any) -> None:
    client = client_for(ward_office_user)
    minutes = download(client, documents_congress, "congress_minutes")
    assert "THƯ KÝ ĐẠI HỘI\n\n\n\n\nLê Thị Hằng" in minutes and "CHỦ TỊCH ĐẠI HỘI\n\n\n\n\nNguyễn Thị Ánh" in minutes
    resolution = download(client, documents_congress, "resolution")
    assert "T/M ĐẠI HỘI\nCHỦ TỊCH\n\n\n\n\nNguyễn Thị Ánh" in resolution
    request = download(client, documents_congress, "approval_request")
    assert "T/M CHI BỘ\nBÍ THƯ\n\n\n\n\nNguyễn Thị Ánh" in request  # the newly elected secretary


def test_the_summons_is_signed_by_the_secretary_elected_at_the_previous_congress(documents_congress: Any, secretary_user: Any, make_member: Any, ward: Any, client_for: Any) -> None:
    client = client_for(secretary_user)
    assert "T/M CHI ỦY\nBÍ THƯ\n\n\n\n\n……" in download(client, documents_congress, "summons")  # nobody known yet
    secretary_user.member = make_member(documents_congress.branch, "Vũ Văn Tâm")
    secretary_user.save()
    assert "BÍ THƯ\n\n\n\n\nVũ Văn Tâm" in download(client, documents_congress, "summons")
    earlier = Plan.objects.create(party_committee=ward, number="30-KH/ĐU", issued_on=date(2022, 6, 1), term_start_year=2022,
                                  term_end_year=2025, window_start=date(2022, 8, 1), window_end=date(2022, 9, 1))
    congress = Congress.objects.create(plan=earlier, branch=documents_congress.branch, held_on=date(2022, 8, 20), status="approved")
    result = CongressResult.objects.create(congress=congress, summoned=5, present=5, denominator=5, submitted_by=secretary_user)
    ElectedPerson.objects.create(result=result, office=Office.SECRETARY, full_name="Hoàng Thị Thu", votes=5)
    assert "BÍ THƯ\n\n\n\n\nHoàng Thị Thu" in download(client, documents_congress, "summons")


def test_the_ward_names_who_signs_its_decisions_and_report(documents_congress: Any, ward_office_user: Any, secretary_user: Any, client_for: Any) -> None:
    assert client_for(secretary_user).post("/van-ban/mau/nguoi-ky/", {"name": "X", "title": "BÍ THƯ"}).status_code == 403
    client = client_for(ward_office_user)
    response = client.post("/van-ban/mau/nguoi-ky/", {"name": "  Đinh   Quang Luận ", "title": "PHÓ BÍ THƯ"})
    assert response.status_code == 302
    assert "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\n\n\n\nĐinh Quang Luận" in download(client, documents_congress, "approval_decision")
    report = text_of(client.get(f"/van-ban/ke-hoach/{documents_congress.plan_id}/bao-cao.docx").content)
    assert "T/M ĐẢNG ỦY\nPHÓ BÍ THƯ\n\n\n\n\nĐinh Quang Luận" in report
    assert 'value="Đinh Quang Luận"' in client.get("/van-ban/mau/").content.decode()


def test_the_ward_numbers_its_season_report_which_counts_the_work_after_the_congresses(documents_congress: Any, ward_office_user: Any, secretary_user: Any, client_for: Any) -> None:
    FollowUpItem.objects.create(plan=documents_congress.plan, title="Xây dựng quy chế làm việc của chi ủy", due_days=15)
    client = client_for(ward_office_user)
    page = f"/van-ban/ke-hoach/{documents_congress.plan_id}/"
    assert "Số và ngày của báo cáo" in client.get(page).content.decode()
    assert client_for(secretary_user).post(f"{page}so-van-ban/", {"key": "season_report", "number": "45"}).status_code == 403
    client = client_for(ward_office_user)
    assert client.post(f"{page}so-van-ban/", {"key": "season_report", "number": "45", "issued_on": "2025-04-02"}).status_code == 302
    report = text_of(client.get(f"/van-ban/ke-hoach/{documents_congress.plan_id}/bao-cao.docx").content)
    assert "Số 45-BC/ĐU" in report and "Việt Hưng, ngày 02 tháng 4 năm 2025" in report
    assert "II. CÁC VIỆC SAU ĐẠI HỘI" in report and "- 0/1 chi bộ đã xây dựng quy chế làm việc của chi ủy." in report


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_printed_pdfs_carry_the_filled_numbers_and_signers(documents_congress: Any, ward_office_user: Any, secretary_user: Any, client_for: Any) -> None:
    client_for(ward_office_user).post("/van-ban/mau/nguoi-ky/", {"name": "Đinh Quang Luận", "title": "BÍ THƯ"})
    client_for(secretary_user).post(f"/van-ban/dai-hoi/{documents_congress.pk}/so-van-ban/", {"key": "approval_request", "number": "03"})
    Congress.objects.filter(pk=documents_congress.pk).update(approval_decision_number="215-QĐ/ĐU", approved_on=date(2025, 3, 12))
    documents_congress.refresh_from_db()
    client = client_for(ward_office_user)
    docx = {key: client.get(f"/van-ban/dai-hoi/{documents_congress.pk}/{key}.docx").content
            for key in ("resolution", "approval_request", "approval_decision")}
    texts = {key: pdf_text(pdf) for key, pdf in docx_batch_to_pdf(docx).items()}  # one LibreOffice start for the three
    for key, needles in {"resolution": ("Số 01-NQ/ĐH", "T/M ĐẠI HỘI", "CHỦ TỊCH", "Nguyễn Thị Ánh"),
                         "approval_request": ("Số 03-TTr/CB", "T/M CHI BỘ", "Nguyễn Thị Ánh"),
                         "approval_decision": ("Số 215-QĐ/ĐU", "Việt Hưng, ngày 12 tháng 3 năm 2025", "Đinh Quang Luận")}.items():
        for needle in needles:
            assert "".join(needle.split()) in texts[key], (key, needle)
    assert "……" not in texts["approval_decision"].split("T/MBANTHƯỜNGVỤ")[-1]


def pdf_text(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        Path(file.name).write_bytes(pdf)
        text = subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True, check=True).stdout.decode()
    return "".join(text.split())
