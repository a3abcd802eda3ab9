"""A plan's or congress's uploaded papers are office files or scans only (nothing a browser would
run, such as HTML or SVG) and at most 20 MB; a refused file is named on the form and nothing is
stored (issue 10, upload checks)."""
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.plans import services
from daihoi.plans.models import PlanDocument


@pytest.fixture
def congress(make_plan: Any, branch: Any) -> Any:
    return make_plan().congresses.get(branch=branch)


@pytest.mark.parametrize("name", ["bao-cao.html", "anh.svg", "chay.js", "bao-cao", "bao-cao.pdf.exe"])
def test_a_file_a_browser_could_run_or_of_no_known_kind_is_refused(congress: Any, secretary_user: Any, name: str) -> None:
    with pytest.raises(ValidationError, match="Chỉ nhận tệp PDF, Word, Excel"):
        services.document_upload(plan=congress.plan, congress=congress, kind="political_report",
                                  file=SimpleUploadedFile(name, b"<script>alert(1)</script>"), by=secretary_user)
    assert not PlanDocument.objects.exists()


def test_a_file_over_20_mb_is_refused(congress: Any, secretary_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services, "DOCUMENT_MAX_BYTES", 10)
    with pytest.raises(ValidationError, match="Tệp quá lớn"):
        services.document_upload(plan=congress.plan, congress=congress, kind="political_report",
                                 file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 qua lon"), by=secretary_user)
    assert not PlanDocument.objects.exists()


def test_the_refusal_is_shown_on_the_page_and_a_scan_of_signed_paper_is_accepted(
        client_for: Any, secretary_user: Any, congress: Any) -> None:
    client = client_for(secretary_user)
    url = f"/dai-hoi/chi-bo/{congress.pk}/van-ban/"
    refused = client.post(url, {"kind": "self_review", "file": SimpleUploadedFile("x.html", b"<h1>x</h1>")})
    assert refused.status_code == 400 and "Chỉ nhận tệp PDF, Word, Excel" in refused.content.decode()
    assert client.post(url, {"kind": "self_review", "file": SimpleUploadedFile("ban-chup.jpg", b"\xff\xd8\xff")}).status_code == 302
    assert PlanDocument.objects.get().filename.endswith(".jpg")
