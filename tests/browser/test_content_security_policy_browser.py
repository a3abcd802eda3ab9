"""Chromium enforces the Content-Security-Policy and reports nothing it had to block on the main
screens (an inline style or script added by a page or a library shows up here)."""
from typing import Any

import pytest


@pytest.mark.browser
def test_the_main_screens_break_no_rule_of_the_policy(login_page: Any, ward_office_user: Any, seated_congress: Any) -> None:
    congress = seated_congress(full=4)
    blocked: list[str] = []
    page = login_page(ward_office_user)
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    for url in ("/tong-quan/", f"/dai-hoi/ke-hoach/{congress.plan_id}/", f"/hoi-truong/{congress.pk}/",
                f"/hoi-truong/{congress.pk}/diem-danh/", f"/hoi-truong/{congress.pk}/man-chieu/", "/nhat-ky/", "/tin-tuc/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert not blocked, "\n".join(blocked)
