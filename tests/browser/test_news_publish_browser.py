"""In Chromium: the ward office drafts the season's article from the data, adds a photo with a
caption and publishes it; the public reads it and sees the view count rise once."""
import io
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import expect

from daihoi.news.models import Article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _photo(tmp_path: Any) -> str:
    path = tmp_path / "dai-hoi.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (2400, 1600), (180, 30, 40)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_draft_from_the_season_add_a_photo_publish_and_read_it_as_the_public(
        login_page, browser, live_server, make_season, ward_office_user, tmp_path) -> None:
    make_season()
    page = login_page(ward_office_user)
    page.goto("/tin-tuc/soan-tin/")
    page.get_by_role("button", name="Soạn bản nháp từ số liệu").click()
    page.wait_for_selector("text=Đã soạn bản nháp từ số liệu")
    assert "2/2 chi bộ" in page.locator("#id_body").input_value()

    page.set_input_files("#id_image", _photo(tmp_path))
    page.fill("#id_caption", "Đồng chí Bí thư tặng hoa chúc mừng chi bộ")
    page.get_by_role("button", name="Tải ảnh lên").click()
    page.wait_for_selector("text=Đã thêm ảnh")
    page.get_by_role("button", name="Đăng bài").click()
    page.wait_for_selector("text=Đã đăng bài lên trang tin")

    public = browser.new_context(locale="vi-VN", base_url=live_server.url).new_page()
    public.goto("/")  # the site's root is the ward's latest news for the public
    public.locator(".news-item h2 a", has_text="Đại hội các chi bộ nhiệm kỳ 2022–2025").click()
    public.wait_for_load_state()
    assert public.locator("h1").inner_text().startswith("Đại hội các chi bộ nhiệm kỳ 2022–2025")
    assert public.locator("figure figcaption").inner_text() == "Đồng chí Bí thư tặng hoa chúc mừng chi bộ"
    assert public.locator("figure img").evaluate("img => img.complete && img.naturalWidth") == 1600
    expect(public.locator(".view-count")).to_have_text("1")  # written by news/views.js from the beacon's answer
    public.reload()  # now served from the kept page, which cannot know this reader: the beacon does
    expect(public.locator(".view-count")).to_have_text("1")
    assert Article.objects.get(title__startswith="Đại hội các chi bộ nhiệm kỳ 2022–2025").view_count == 1
    public.context.close()


def test_a_reader_without_javascript_is_counted_once_by_the_noscript_image(browser, live_server, make_article) -> None:
    article = make_article("Tin cho trình duyệt không chạy script")
    context = browser.new_context(locale="vi-VN", base_url=live_server.url, java_script_enabled=False)
    reader = context.new_page()
    for _ in range(2):  # the second visit is served from the kept page and is the same reader
        with reader.expect_response(lambda response: "luot-xem.gif" in response.url) as beacon:
            reader.goto(article.get_absolute_url())
        assert beacon.value.status == 200
    context.close()
    assert Article.objects.get(pk=article.pk).view_count == 1
