"""A branch secretary opens the congress's documents page and downloads the request for
approval as Word; the whole-file button shows progress while it is built."""
from typing import Any

import pytest


@pytest.mark.browser
def test_secretary_downloads_a_document_from_the_congress_page(login_page: Any, secretary_user: Any, documents_congress: Any) -> None:
    page = login_page(secretary_user)
    page.goto(f"/dai-hoi/chi-bo/{documents_congress.pk}/")
    page.get_by_role("link", name="Văn bản đại hội (Word, PDF)").click()
    assert page.get_by_role("heading", name="Văn bản đại hội").is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (.docx) Tờ trình đề nghị chuẩn y").click()
    assert download.value.suggested_filename == f"to-trinh-de-nghi-chuan-y-{documents_congress.pk}.docx"
