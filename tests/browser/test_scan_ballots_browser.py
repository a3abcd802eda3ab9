"""Ballot scanning in Chromium: the ward office uploads a zip of scanned ballots, watches the
progress bar fill, reviews the flagged ballot from its picture, the keyboard station's entries
agree ballot by ballot, and the round is locked."""
from collections.abc import Callable
from typing import Any

import pytest

from daihoi.elections import pages, services
from daihoi.elections.models import Round, RoundStatus

pytestmark = pytest.mark.browser
BALLOTS = 4


def _struck(truth: Any) -> list[int]:
    return [index for index, value in enumerate(truth.rows, start=1) if value == "struck"]


def test_a_zip_of_scans_is_read_reviewed_reconciled_and_the_round_locked(
        counting_round: Callable[[int], Any], scanned_ballots: Callable[..., Any], zip_of: Callable[[list[bytes]], bytes],
        ward_office_user: Any, login_page: Callable[[Any], Any], tmp_path: Any, settings: Any) -> None:
    settings.DAIHOI_SCAN_WORKER = "inline"  # the test server's in-memory SQLite cannot share tables with a thread
    round_ = counting_round(BALLOTS)
    images, truths = scanned_ballots(pages.ballot_spec(round_), BALLOTS, with_writing=1)
    archive = tmp_path / "quet.zip"
    archive.write_bytes(zip_of(images))
    for number, truth in enumerate(truths, start=1):  # the keyboard station, typed from the papers
        services.entry_save(round_=round_, station=1, number=number, struck=_struck(truth), marks=[],
                            flags=["write_in"] if truth.extra == "write_in" else ["signed"] if truth.extra else [],
                            user=round_.chair)

    page = login_page(ward_office_user)
    page.goto(f"/bau-cu/lan-bau/{round_.pk}/")
    page.click("text=Quét phiếu")
    page.set_input_files("#upload-form input[type=file]", str(archive))
    page.click("#upload-form button")
    page.locator(".batch-done").filter(has_text=f"{BALLOTS}/{BALLOTS}").wait_for(timeout=60_000)
    page.locator("#count-review").filter(has_text="1").wait_for()

    page.click("#review-list a")
    assert page.locator(".scan-ballot img").evaluate("img => img.naturalWidth") > 0
    assert "ngoài các dòng" in page.locator("#reasons").inner_text()
    written = truths[-1]
    page.fill("#rows", " ".join(map(str, _struck(written))))
    page.fill("#flags", "v" if written.extra == "write_in" else "k")
    page.click("#decide-form button")
    page.locator("#count-decided").filter(has_text="1").wait_for()

    page.goto(f"/bau-cu/lan-bau/{round_.pk}/")
    page.click("#lock")
    page.locator("#round-status").filter(has_text="Đã công bố").wait_for()
    assert Round.objects.get(pk=round_.pk).status == RoundStatus.LOCKED
