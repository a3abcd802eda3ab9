"""The editorial desk: the ward office writes, previews, schedules and publishes; bad input gets a
Vietnamese message and nothing half-written; others cannot reach the desk."""
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from daihoi.news.models import Article, ArticleStatus


def _jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1000), "green").save(buffer, format="JPEG")
    return SimpleUploadedFile("anh.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize("role_fixture", ["secretary_user", "supervisor_user", "member_user"])
def test_only_the_ward_office_reaches_the_desk(client_for, role_fixture, request) -> None:
    assert client_for(request.getfixturevalue(role_fixture)).get(reverse("news:desk")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in_from_the_desk(client, db) -> None:
    assert reverse("login") in client.get(reverse("news:desk")).url


def test_the_ward_office_writes_adds_a_photo_and_publishes(client_for, ward_office_user) -> None:
    client = client_for(ward_office_user)
    response = client.post(reverse("news:new"), {"title": "Tin mới", "summary": "", "body": "Đoạn một.\n\n[ảnh 1]"})
    article = Article.objects.get()
    assert response.url == reverse("news:edit", args=[article.pk]) and article.status == ArticleStatus.DRAFT
    client.post(reverse("news:photo_add", args=[article.pk]), {"image": _jpeg(), "caption": "Quang cảnh"})
    assert article.photos.get().width == 1600
    client.post(reverse("news:publish", args=[article.pk]), {"publish_at": ""})
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<figcaption>Quang cảnh</figcaption>" in page and "[ảnh 1]" not in page


def test_an_article_without_a_title_is_refused_with_a_message(client_for, ward_office_user) -> None:
    response = client_for(ward_office_user).post(reverse("news:new"), {"title": "  ", "body": "x"})
    assert "Trường này là bắt buộc" in response.content.decode() or "cần có tiêu đề" in response.content.decode()
    assert not Article.objects.exists()


def test_a_non_image_upload_is_refused_with_a_message_and_nothing_is_kept(client_for, ward_office_user, make_article) -> None:
    article = make_article(publish=False)
    response = client_for(ward_office_user).post(
        reverse("news:photo_add", args=[article.pk]), {"image": SimpleUploadedFile("a.jpg", b"not a picture")}, follow=True)
    assert "không phải là ảnh" in response.content.decode() and not article.photos.exists()


def test_publishing_with_a_future_time_schedules_the_article(client_for, ward_office_user, make_article) -> None:
    article = make_article(publish=False)
    when = timezone.localtime() + timedelta(days=1)
    response = client_for(ward_office_user).post(
        reverse("news:publish", args=[article.pk]), {"publish_at": when.strftime("%Y-%m-%dT%H:%M")}, follow=True)
    assert "Đã hẹn giờ đăng bài." in response.content.decode()
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED and article.publish_at > timezone.now()


def test_with_publisher_approval_an_editor_submits_and_a_publisher_publishes(
        settings, client_for, ward_office_user, make_user, make_article) -> None:
    settings.NEWS_REQUIRE_PUBLISHER_APPROVAL = True
    article = make_article(publish=False)
    editor = client_for(ward_office_user)
    assert editor.post(reverse("news:publish", args=[article.pk]), {"publish_at": ""}).status_code == 403
    editor.post(reverse("news:submit", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == ArticleStatus.SUBMITTED
    publisher = make_user("nguoiduyet", "ward_office")
    publisher.user_permissions.add(Permission.objects.get(codename="publish_article"))
    client_for(publisher).post(reverse("news:publish", args=[article.pk]), {"publish_at": ""})
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED and article.approved_by == publisher


def test_with_publisher_approval_an_editor_cannot_change_a_published_article(settings, client_for, ward_office_user, make_article) -> None:
    article = make_article("Bài đã đăng")
    settings.NEWS_REQUIRE_PUBLISHER_APPROVAL = True
    response = client_for(ward_office_user).post(reverse("news:edit", args=[article.pk]), {"title": "Sửa lén", "body": "x"})
    assert response.status_code == 403 and Article.objects.get().title == "Bài đã đăng"


def test_the_desk_drafts_the_season_article_from_a_plan(client_for, ward_office_user, make_season) -> None:
    plan = make_season()
    response = client_for(ward_office_user).post(reverse("news:draft_from_plan"), {"plan": plan.pk}, follow=True)
    article = Article.objects.get(source_plan=plan)
    assert response.redirect_chain[-1][0] == reverse("news:edit", args=[article.pk])
    assert "2/2 chi bộ" in response.content.decode()
