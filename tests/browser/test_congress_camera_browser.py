"""In Chromium with a fake camera that films a summons QR code: the check-in page decodes it in
the browser (vendored jsQR) and checks the member in."""
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import os

import pytest
import segno
from playwright.sync_api import expect

CHROMIUM = os.environ.get("DAIHOI_CHROMIUM", "/usr/bin/chromium")
WIDTH, HEIGHT, SCALE = 320, 240, 6
CAMERA_PASSWORD = "camera-thu-nghiem-2025"


def _write_y4m(path: Path, text: str) -> None:
    """A few grey frames showing ``text`` as a QR code, in the YUV4MPEG2 format Chromium's fake
    camera plays (luma only matters; chroma is neutral)."""
    matrix = [list(row) for row in segno.make_qr(text, error="m").matrix_iter(scale=SCALE, border=4)]
    top, left = (HEIGHT - len(matrix)) // 2, (WIDTH - len(matrix[0])) // 2
    luma = bytearray([235] * (WIDTH * HEIGHT))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                luma[(top + y) * WIDTH + left + x] = 16
    chroma = bytes([128] * (WIDTH * HEIGHT // 2))
    with path.open("wb") as video:
        video.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F5:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(5):
            video.write(b"FRAME\n" + bytes(luma) + chroma)


@pytest.fixture
def camera_page(browser: Any, live_server: Any, tmp_path: Path, request: Any) -> Iterator[Any]:
    """A separate Chromium whose camera films the first summoned member's QR code."""
    hall = request.getfixturevalue("hall")
    video = tmp_path / "qr.y4m"
    _write_y4m(video, hall.attendances.order_by("id").first().token)
    chromium = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream", f"--use-file-for-fake-video-capture={video}"])
    context = chromium.new_context(base_url=live_server.url, locale="vi-VN", permissions=["camera"])
    yield context.new_page()
    chromium.close()


@pytest.fixture
def hall(make_season: Any, branch: Any, make_member: Any) -> Any:
    from daihoi.congresses import services

    congress = make_season(held=0).congresses.get(branch=branch)
    make_member(branch, "Người Quét Camera")
    services.summons_build(congress=congress)
    return congress


@pytest.mark.browser
def test_the_camera_reads_the_summons_qr_and_checks_the_member_in(hall: Any, secretary_user: Any, camera_page: Any) -> None:
    secretary_user.set_password(CAMERA_PASSWORD)
    secretary_user.save()
    page = camera_page
    page.goto("/dang-nhap/")
    page.fill("#id_username", secretary_user.username)
    page.fill("#id_password", CAMERA_PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"/hoi-truong/{hall.pk}/diem-danh/")
    page.click("#camera-start")
    expect(page.locator("#checkin-result .notice-ok")).to_contain_text("Người Quét Camera", timeout=15_000)
    assert hall.attendances.get().is_present
