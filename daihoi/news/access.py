"""Who may write and publish news, and the permission-checked fetch of an article for editing.

Ward office staff are the editors. When the ward wants a second pair of eyes
(NEWS_REQUIRE_PUBLISHER_APPROVAL), only a publisher (the ``news.publish_article`` permission, or
an administrator) puts an article on the public site; editors submit it for approval."""
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from daihoi.accounts.models import User
from daihoi.news.models import Article, Photo


def can_edit_news(user: User) -> bool:
    return user.is_authenticated and user.is_ward_staff


def can_publish_news(user: User) -> bool:
    if not can_edit_news(user):
        return False
    if not settings.NEWS_REQUIRE_PUBLISHER_APPROVAL:
        return True
    return user.is_superuser or user.has_perm("news.publish_article")


def news_editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The editorial screens: ward office staff and administrators."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_edit_news(request.user):  # type: ignore[arg-type]
            raise PermissionDenied("Chỉ Văn phòng Đảng ủy được soạn và đăng tin.")
        return view(request, *args, **kwargs)

    return wrapped


def access_article(user: User, article_id: int) -> Article:
    """An article for its editor: any article, drafts included, for the ward office only."""
    if not can_edit_news(user):
        raise PermissionDenied("Chỉ Văn phòng Đảng ủy được soạn và đăng tin.")
    try:
        return Article.objects.select_related("category").get(pk=article_id)
    except Article.DoesNotExist:
        raise Http404("Không tìm thấy bài tin.") from None


def access_photo(user: User, photo_id: int) -> Photo:
    if not can_edit_news(user):
        raise PermissionDenied("Chỉ Văn phòng Đảng ủy được soạn và đăng tin.")
    try:
        return Photo.objects.select_related("article").get(pk=photo_id)
    except Photo.DoesNotExist:
        raise Http404("Không tìm thấy ảnh.") from None
