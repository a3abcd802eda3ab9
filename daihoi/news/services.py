"""Writes of the news portal: articles (write, submit, publish, schedule, withdraw), their photos,
the drafted season article and the view counter."""
import hashlib
import hmac
import re
import secrets
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from daihoi.accounts.models import User
from daihoi.audit.services import audit_record
from daihoi.lib.text import fold, nfc
from daihoi.news import selectors
from daihoi.news.pages import pages_changed
from daihoi.news.access import can_publish_news
from daihoi.news.drafting import draft_season_article
from daihoi.news.models import Article, ArticleStatus, ArticleVisit, Category, Photo
from daihoi.news.photos import check_photo, process_photo
from daihoi.news.richtext import sanitize
from daihoi.plans.models import Plan

SEASON_CATEGORY_SLUG = "xay-dung-dang"
SLUG_LENGTH = 100
VIEW_WINDOW_SECONDS = 6 * 3600
# Crawlers, link previewers and scripts are not readers. An empty user agent is one too: every
# browser sends one.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|curl|wget|python-|httpclient|"
    r"okhttp|go-http|java/|libwww|scrapy|headlesschrome.*lighthouse|^$", re.IGNORECASE)


def article_save(*, article: Article | None, editor: User, title: str, summary: str, body: str,
                 category: Category | None) -> Article:
    """Create or change an article. The body is sanitized here, whatever form it came from."""
    title = nfc(title).strip()
    if not title:
        raise ValidationError("Bài tin cần có tiêu đề.")
    with transaction.atomic():
        if article is None:
            article = Article(author=editor)
        else:
            article = Article.objects.select_for_update().get(pk=article.pk)
            check_may_change(article, editor)
        article.title, article.summary, article.category = title, nfc(summary).strip(), category
        article.body = sanitize(nfc(body))
        article.slug = _slug(title)
        article.search_text = fold(" ".join([article.title, article.summary, strip_tags(article.body)]))
        article.save()
        pages_changed()
    return article


def _slug(title: str) -> str:
    """An ASCII address from the title ("Đại hội … 2022–2025" → "dai-hoi-…-2022-2025"), cut at a
    word; the article's id in its URL keeps it unique."""
    slug = slugify(fold(title).replace("–", " ").replace("—", " "))
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
    return slug or "bai-tin"


def check_may_change(article: Article, editor: User) -> None:
    """With publisher approval on, what is on the public site changes only through a publisher."""
    if article.status == ArticleStatus.PUBLISHED and not can_publish_news(editor):
        raise PermissionDenied("Bài đã đăng; chỉ người duyệt tin được sửa hoặc gỡ bài này.")


def article_submit(*, article: Article, editor: User) -> Article:
    """Hand a draft to the publishers (used when publisher approval is required)."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status != ArticleStatus.DRAFT:
            raise ValidationError("Chỉ gửi duyệt được bản nháp.")
        article.status = ArticleStatus.SUBMITTED
        article.save(update_fields=["status", "updated_at"])
    return article


def article_publish(*, article: Article, publisher: User, publish_at: datetime | None) -> Article:
    """Publish now, or schedule: a future publish_at keeps the article off the public pages until
    that moment (selectors.public_articles)."""
    if not can_publish_news(publisher):
        raise PermissionDenied("Bạn chưa có quyền duyệt và đăng tin; hãy gửi duyệt.")
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if not article.body.strip():
            raise ValidationError("Bài tin chưa có nội dung.")
        before = {"status": article.status}
        article.status = ArticleStatus.PUBLISHED
        article.publish_at = publish_at or timezone.now()
        article.approved_by = publisher
        article.save(update_fields=["status", "publish_at", "approved_by", "updated_at"])
        audit_record(user=publisher, instance=article, action="article_publish", before=before,
                     after={"status": article.status, "publish_at": article.publish_at.isoformat()})
        pages_changed()
    return article


def article_withdraw(*, article: Article, editor: User) -> Article:
    """Take an article off the public site (back to draft); its view count is kept."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        check_may_change(article, editor)
        article.status = ArticleStatus.DRAFT
        article.save(update_fields=["status", "updated_at"])
        pages_changed()
    return article


def article_draft_from_plan(*, plan: Plan, editor: User) -> Article:
    """A new draft reporting the season of ``plan``, written from its data (drafting.py)."""
    draft = draft_season_article(selectors.season_facts(plan))
    category = Category.objects.filter(slug=SEASON_CATEGORY_SLUG).first()
    with transaction.atomic():
        article = article_save(article=None, editor=editor, title=draft.title, summary=draft.summary,
                               body=draft.body, category=category)
        article.source_plan = plan
        article.save(update_fields=["source_plan"])
    return article


def photo_add(*, article: Article, editor: User, upload: UploadedFile, caption: str) -> Photo:
    """Check and clean the picture and write its files first (slow, outside the transaction), then
    attach it as the article's last photo."""
    check_may_change(article, editor)
    processed = process_photo(check_photo(upload))
    photo = Photo(caption=nfc(caption).strip(), width=processed.width, height=processed.height)
    name = f"anh-{article.pk}-{secrets.token_hex(4)}"
    photo.image.save(f"{name}.jpg", ContentFile(processed.content), save=False)
    photo.thumbnail.save(f"{name}-nho.jpg", ContentFile(processed.thumbnail), save=False)
    with transaction.atomic():
        photo.article = Article.objects.select_for_update().get(pk=article.pk)
        check_may_change(photo.article, editor)
        photo.position = photo.article.photos.count()
        photo.save()
        _touch(photo.article)
    return photo


def photo_update(*, photo: Photo, editor: User, caption: str) -> Photo:
    with transaction.atomic():
        photo = Photo.objects.select_for_update().select_related("article").get(pk=photo.pk)
        check_may_change(photo.article, editor)
        photo.caption = nfc(caption).strip()
        photo.save(update_fields=["caption"])
        _touch(photo.article)
    return photo


def photo_delete(*, photo: Photo, editor: User) -> None:
    """Remove a photo and renumber the rest, so slot N is always the N-th photo; the file goes last."""
    with transaction.atomic():
        photo = Photo.objects.select_for_update().select_related("article").get(pk=photo.pk)
        check_may_change(photo.article, editor)
        files = [photo.image, photo.thumbnail]
        article = photo.article
        photo.delete()
        for position, rest in enumerate(article.photos.select_for_update().order_by("position", "id")):
            Photo.objects.filter(pk=rest.pk).update(position=position)
        _touch(article)
    for file in files:
        if file.name:
            file.storage.delete(file.name)


def _touch(article: Article) -> None:
    """A photo change is a change of its article: the public page's cached fragments are keyed on
    the article's updated_at, and the kept whole pages (pages.py) must go."""
    article.save(update_fields=["updated_at"])
    pages_changed()


def visitor_key(*, address: str, user_agent: str) -> str:
    """A keyed hash of who is reading: the same person is recognized within a window, but their
    address is never stored."""
    return hmac.new(settings.SECRET_KEY.encode(), f"{address}\n{user_agent}".encode(), hashlib.sha256).hexdigest()


def is_bot(user_agent: str) -> bool:
    return bool(BOT_USER_AGENT.search(user_agent.strip()))


def article_count_view(*, article_id: int, visitor: str, now: datetime) -> bool:
    """Count one view unless this visitor was already counted for this article in the current
    window. Returns whether it counted.

    The unique (article, window, visitor) row decides who is first; the count itself is one
    ``UPDATE … SET view_count = view_count + 1`` (F expression), so concurrent readers never
    overwrite each other's increment and no row lock is held while the page renders."""
    window = int(now.timestamp()) // VIEW_WINDOW_SECONDS
    seen = ArticleVisit.objects.filter(article_id=article_id, window=window, visitor=visitor)
    if seen.exists():
        return False
    with transaction.atomic():
        _, created = ArticleVisit.objects.get_or_create(article_id=article_id, window=window, visitor=visitor)
        if created:
            Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
            # Rows of past windows can no longer stop a count: forget them.
            ArticleVisit.objects.filter(article_id=article_id, window__lt=window).delete()
    return created
