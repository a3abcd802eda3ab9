"""A ward office replaces a template with its own .docx; a template with an unknown or a missing
placeholder is rejected with a message naming it, and nothing is saved."""
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from daihoi.documents.models import WardTemplate
from daihoi.documents.render import default_template
from daihoi.documents.services import check_template


def edited(kind: str, old: str, new: str) -> bytes:
    """The repository template with one placeholder's text replaced, as a ward would in Word."""
    document = Document(io.BytesIO(default_template(kind)))
    cells = [p for t in document.tables for cell in t._cells for p in cell.paragraphs]
    for paragraph in [*document.paragraphs, *cells]:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_repository_templates_pass_their_own_check() -> None:
    for kind in ("summons", "counting_minutes", "season_report"):
        check_template(kind, default_template(kind))


def test_an_unknown_placeholder_is_rejected_by_name() -> None:
    with pytest.raises(ValidationError, match=r"không xác định: \{\{ so_van_ban \}\}"):
        check_template("approval_request", edited("approval_request", "{{ number }}", "{{ so_van_ban }}"))


def test_a_missing_required_placeholder_is_rejected_by_name() -> None:
    with pytest.raises(ValidationError, match=r"thiếu trường bắt buộc: \{\{ place_date \}\}"):
        check_template("approval_request", edited("approval_request", "{{ place_date }}", "Hà Nội"))


def test_a_file_that_is_not_a_docx_is_rejected() -> None:
    with pytest.raises(ValidationError, match="không phải văn bản Word"):
        check_template("summons", b"not a zip")


def test_ward_office_uploads_a_template_that_then_renders_the_congress_documents(
        client_for: Any, ward_office_user: Any, documents_congress: Any) -> None:
    client = client_for(ward_office_user)
    content = edited("approval_request", "Kính gửi: ", "Kính gửi (mẫu riêng): ")
    upload = io.BytesIO(content)
    upload.name = "to-trinh.docx"
    response = client.post("/van-ban/mau/approval_request/tai-len/", {"file": upload}, follow=True)
    assert "Đã dùng mẫu mới" in response.content.decode()
    docx = client.get(f"/van-ban/dai-hoi/{documents_congress.pk}/approval_request.docx").content
    assert "Kính gửi (mẫu riêng):" in "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


def test_a_rejected_upload_shows_the_message_and_saves_nothing(client_for: Any, ward_office_user: Any, ward: Any) -> None:
    upload = io.BytesIO(edited("summons", "{{ venue }}", "{{ dia_diem }}"))
    upload.name = "giay-trieu-tap.docx"
    response = client_for(ward_office_user).post("/van-ban/mau/summons/tai-len/", {"file": upload}, follow=True)
    assert "{{ dia_diem }}" in response.content.decode()
    assert not WardTemplate.objects.exists()


def test_only_the_ward_office_may_change_templates(client_for: Any, secretary_user: Any, ward: Any) -> None:
    upload = io.BytesIO(default_template("summons"))
    upload.name = "x.docx"
    assert client_for(secretary_user).post("/van-ban/mau/summons/tai-len/", {"file": upload}).status_code == 403
