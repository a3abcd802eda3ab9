"""Anonymous readers are served a kept copy of the public pages (daihoi/news/pages.py), and the
copy is never wrong: it speaks the reader's language, a change shows at once, a logged-in user
never gets it, and no reader's CSRF token is in it."""
import io
import pickle
import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from daihoi.news import pages, services

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a service as it runs in production: its transaction commits, so its after-commit work
    (the new version of the kept pages) happens."""
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def _kept() -> list[bytes]:
    """The pages kept in this process (LocMemCache stores pickled values)."""
    return [pickle.loads(value)[0] for value in caches["pages"]._cache.values()]


def _page(client: Client, article, **headers) -> str:
    response = client.get(article.get_absolute_url(), **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_anonymous_reader_is_served_the_kept_page_without_a_query(
        make_article, django_assert_num_queries) -> None:
    article = make_article("Tin được giữ", "<p>Nội dung giữ.</p>")
    _page(Client(), article)
    with django_assert_num_queries(0):
        assert "<p>Nội dung giữ.</p>" in _page(Client(), article)


def test_the_kept_page_speaks_each_readers_language(make_article) -> None:
    article = make_article("Tin hai thứ tiếng")
    for _ in range(2):  # the second round is served from the kept copies
        assert '<html lang="vi">' in _page(Client(), article) and "Ngày đăng" in _page(Client(), article)
        english = Client()
        english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        assert '<html lang="en">' in _page(english, article) and "Ngày đăng" not in _page(english, article)
        assert '<html lang="en">' in _page(Client(), article, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")


def test_an_edited_article_is_fresh_at_once(make_article, ward_office_user, committed) -> None:
    article = make_article("Tin trước khi sửa", "<p>Bản cũ.</p>")
    assert "Bản cũ." in _page(Client(), article)
    committed(lambda: services.article_save(article=article, editor=ward_office_user, title="Tin trước khi sửa",
                                            summary="", body="<p>Bản mới.</p>", category=None))
    page = _page(Client(), article)
    assert "Bản mới." in page and "Bản cũ." not in page


def test_a_withdrawn_article_is_gone_at_once_from_its_page_and_the_others(make_article, ward_office_user, committed) -> None:
    other = make_article("Tin còn lại")
    withdrawn = make_article("Tin sẽ gỡ")
    assert "Tin sẽ gỡ" in _page(Client(), other)  # among the related news
    assert Client().get(reverse("news:home")).content.decode().count("Tin sẽ gỡ") == 1
    committed(lambda: services.article_withdraw(article=withdrawn, editor=ward_office_user))
    assert Client().get(withdrawn.get_absolute_url()).status_code == 404
    assert "Tin sẽ gỡ" not in _page(Client(), other)
    assert "Tin sẽ gỡ" not in Client().get(reverse("news:home")).content.decode()


def test_a_newly_published_article_is_listed_at_once(make_article, ward_office_user, committed) -> None:
    make_article("Tin đầu tiên")
    assert "Tin thứ hai" not in Client().get(reverse("news:home")).content.decode()
    committed(lambda: make_article("Tin thứ hai"))
    assert "Tin thứ hai" in Client().get(reverse("news:home")).content.decode()


def test_a_photo_and_its_caption_show_at_once(make_article, ward_office_user, committed) -> None:
    article = make_article("Tin có ảnh")
    assert "<figcaption>" not in _page(Client(), article)
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (180, 30, 40)).save(buffer, format="JPEG")
    upload = SimpleUploadedFile("anh.jpg", buffer.getvalue(), content_type="image/jpeg")
    photo = committed(lambda: services.photo_add(article=article, editor=ward_office_user, upload=upload, caption="Chú thích một"))
    assert "<figcaption>Chú thích một</figcaption>" in _page(Client(), article)
    committed(lambda: services.photo_update(photo=photo, editor=ward_office_user, caption="Chú thích hai"))
    assert "<figcaption>Chú thích hai</figcaption>" in _page(Client(), article)
    committed(lambda: services.photo_delete(photo=photo, editor=ward_office_user))
    assert "<figcaption>" not in _page(Client(), article)


def test_a_kept_page_expires_when_the_next_scheduled_article_goes_public(make_article, monkeypatch) -> None:
    make_article("Tin hẹn giờ", publish=timezone.now() + timedelta(seconds=20))
    monkeypatch.setattr(pages, "PAGE_SECONDS", 600)
    assert 1 <= pages._seconds_to_keep() <= 20


def test_a_logged_in_ward_office_user_is_never_served_the_anonymous_copy(make_article, client_for, ward_office_user) -> None:
    article = make_article("Tin cho văn phòng")
    anonymous = _page(Client(), article)
    assert "Sửa bài" not in anonymous and "Đăng xuất" not in anonymous
    office = _page(client_for(ward_office_user), article)
    assert f'href="{reverse("news:edit", args=[article.pk])}"' in office and "Đăng xuất" in office
    again = _page(Client(), article)  # and what the office saw was not kept for the public
    assert "Sửa bài" not in again and "Đăng xuất" not in again


def test_a_logged_in_user_sees_a_change_at_once_even_before_the_commit_work(make_article, client_for, ward_office_user) -> None:
    """No after-commit work here at all: the office's page does not depend on the kept copies."""
    article = make_article("Tin sửa trong phiên", "<p>Bản cũ.</p>")
    _page(client_for(ward_office_user), article)
    services.article_save(article=article, editor=ward_office_user, title="Tin sửa trong phiên", summary="",
                          body="<p>Bản mới.</p>", category=None)
    assert "Bản mới." in _page(client_for(ward_office_user), article)


def test_a_reader_with_a_message_waiting_gets_a_fresh_page_that_is_not_kept(make_article) -> None:
    article = make_article("Tin và thông báo")
    waiting = Client()
    waiting.cookies["messages"] = "anything"
    _page(waiting, article)
    assert _kept() == []


def test_the_kept_page_holds_no_readers_csrf_token_and_each_reader_gets_their_own(make_article) -> None:
    article = make_article("Tin và ngôn ngữ")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    token_first = TOKEN.search(_page(first, article)).group(1)
    token_second = TOKEN.search(_page(second, article)).group(1)
    assert token_first != token_second
    [kept] = _kept()
    assert token_first.encode() not in kept and pages.TOKEN_PLACEHOLDER in kept
    # the token served from the kept page works for its own reader's language switch
    response = second.post(reverse("set_language"), {"language": "en", "next": article.get_absolute_url(),
                                                     "csrfmiddlewaretoken": token_second})
    assert response.status_code == 302 and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in _page(second, article)
