"""Screens of the news portal: the public pages (no login) and the editorial desk (ward office).
Views fetch through selectors and access_*, call a service, and render."""
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.static import serve

from daihoi.news import pages, selectors, services
from daihoi.news.access import access_article, access_photo, can_edit_news, can_publish_news, news_editor_required
from daihoi.news.forms import ArticleForm, CaptionForm, DraftFromPlanForm, PhotoForm, PublishForm
from daihoi.news.models import Article, Category
from daihoi.news.photos import MAX_UPLOAD_BYTES
from daihoi.news.storage import PHOTO_DIR

VIEW_COOKIE_SALT = "daihoi.news.view"
# A transparent 1×1 GIF: the answer of the view counter's <noscript> beacon.
BEACON_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


def _portal(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """Render a public page with the masthead's ward name and categories."""
    context.update(portal_name=selectors.portal_name(), categories=selectors.categories, portal_version=pages.version())
    return render(request, template, context)


def _listing(request: HttpRequest, articles: Any, **context: Any) -> HttpResponse:
    page = Paginator(articles.defer("body", "search_text").prefetch_related("photos"), selectors.PAGE_SIZE).get_page(request.GET.get("trang"))
    return _portal(request, "news/list.html", {"page": page, **context})


@pages.kept_for_readers
def home(request: HttpRequest) -> HttpResponse:
    return _listing(request, selectors.public_articles(), heading=_("Tin mới nhất"))


@pages.kept_for_readers
def category(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = get_object_or_404(Category, slug=slug)
    return _listing(request, selectors.public_articles().filter(category=chosen), heading=chosen.name, category=chosen)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    articles = selectors.search_articles(query) if query else Article.objects.none()
    return _listing(request, articles, heading=_("Tìm kiếm"), query=query, searched=bool(query), search_page=True)


@pages.kept_for_readers
def article(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    """The public article. Anonymous readers are served a kept copy (pages.py), so the page itself
    counts nobody: the reader's browser asks ``article_seen`` once the page is shown."""
    shown = get_object_or_404(selectors.public_articles(), pk=pk)
    if slug != shown.slug:
        return redirect(shown, permanent=True)
    return _article_page(request, shown, preview=False)


@never_cache
@require_GET
def article_seen(request: HttpRequest, pk: int, image: bool = False) -> HttpResponse:
    """The view counter's beacon: news/views.js fetches it once the article page is shown and
    writes the answered count into the page (the kept page's count may be a minute old); the
    page's <noscript> image asks for it as a GIF, so readers without JavaScript count too. Counts
    the reader once per few hours; their cookie remembers them, so a reload costs one read."""
    views = selectors.public_view_count(pk)
    if views is None:
        raise Http404(_("Không tìm thấy bài tin."))
    counted, remember = _record_view(request, pk)
    response = (HttpResponse(BEACON_GIF, content_type="image/gif") if image
                else JsonResponse({"views": views + int(counted)}))
    if remember:
        response.set_signed_cookie(_view_cookie(pk), "1", salt=VIEW_COOKIE_SALT, max_age=services.VIEW_WINDOW_SECONDS,
                                   httponly=True, samesite="Lax", secure=request.is_secure())
    return response


def _record_view(request: HttpRequest, pk: int) -> tuple[bool, bool]:
    """(counted, set the cookie). A reader with a valid cookie for this article costs no write; a
    reader refusing cookies is still recognized by the keyed hash of address and browser."""
    if request.get_signed_cookie(_view_cookie(pk), None, salt=VIEW_COOKIE_SALT, max_age=services.VIEW_WINDOW_SECONDS):
        return False, False
    user_agent = request.headers.get("User-Agent", "")
    if services.is_bot(user_agent):
        return False, False
    visitor = services.visitor_key(address=request.META.get("REMOTE_ADDR", ""), user_agent=user_agent)
    return services.article_count_view(article_id=pk, visitor=visitor, now=timezone.now()), True


def _view_cookie(pk: int) -> str:
    return f"xem{pk}"


def _article_page(request: HttpRequest, shown: Article, *, preview: bool) -> HttpResponse:
    """The content is passed as callables: the template's cached fragments call them only on a miss."""
    return _portal(request, "news/article.html", {
        "article": shown, "preview": preview, "can_edit": can_edit_news(request.user),
        "content": lambda: selectors.article_content(shown, preview=preview),
        "related": lambda: list(selectors.related_articles(shown)),
    })


def photo_file(request: HttpRequest, path: str) -> HttpResponse:
    """A news photo, for the public too (see storage.py). Only the news folder is reachable:
    ``serve`` confines the path to its document root."""
    if not path.startswith(PHOTO_DIR):
        raise Http404(_("Không tìm thấy ảnh."))
    response = serve(request, path.removeprefix(PHOTO_DIR), document_root=Path(settings.MEDIA_ROOT) / PHOTO_DIR)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def article_by_id(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(get_object_or_404(selectors.public_articles(), pk=pk), permanent=True)


# The editorial desk ---------------------------------------------------------------------------


@news_editor_required
def desk(request: HttpRequest) -> HttpResponse:
    return render(request, "news/desk.html", {
        "articles": selectors.editor_articles(), "plan_form": DraftFromPlanForm(),
        "has_plans": selectors.draftable_plans().exists(), "now": timezone.now(),
    })


@news_editor_required
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = _attempt(request, lambda: services.article_save(article=None, editor=request.user, **form.cleaned_data))
        if created:
            messages.success(request, _("Đã lưu bản nháp."))
            return redirect("news:edit", pk=created.pk)
    return render(request, "news/edit.html", {"form": form})


@news_editor_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    editing = access_article(request.user, pk)
    initial = {"title": editing.title, "summary": editing.summary, "category": editing.category, "body": editing.body}
    form = ArticleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if _attempt(request, lambda: services.article_save(article=editing, editor=request.user, **form.cleaned_data)):
            messages.success(request, _("Đã lưu."))
            return redirect("news:edit", pk=pk)
    return render(request, "news/edit.html", {
        "form": form, "article": editing, "photos": selectors.article_photos(editing),
        "photo_form": PhotoForm(), "publish_form": PublishForm(), "can_publish": can_publish_news(request.user),
        "is_public": selectors.is_public(editing), "now": timezone.now(), "max_photo_mb": MAX_UPLOAD_BYTES // 2**20,
    })


@news_editor_required
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_page(request, access_article(request.user, pk), preview=True)


@require_POST
@news_editor_required
def draft_from_plan(request: HttpRequest) -> HttpResponse:
    form = DraftFromPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một đợt đại hội."))
        return redirect("news:desk")
    drafted = services.article_draft_from_plan(plan=form.cleaned_data["plan"], editor=request.user)
    messages.success(request, _("Đã soạn bản nháp từ số liệu của đợt đại hội. Hãy đọc lại, thêm ảnh rồi đăng."))
    return redirect("news:edit", pk=drafted.pk)


@require_POST
@news_editor_required
def article_publish(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = access_article(request.user, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Thời điểm đăng không hợp lệ."))
    elif published := _attempt(request, lambda: services.article_publish(
            article=chosen, publisher=request.user, publish_at=form.cleaned_data["publish_at"])):
        scheduled = published.publish_at > timezone.now()
        messages.success(request, _("Đã hẹn giờ đăng bài.") if scheduled else _("Đã đăng bài lên trang tin."))
    return redirect("news:edit", pk=pk)


@require_POST
@news_editor_required
def article_submit(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = access_article(request.user, pk)
    if _attempt(request, lambda: services.article_submit(article=chosen, editor=request.user)):
        messages.success(request, _("Đã gửi bài chờ duyệt."))
    return redirect("news:edit", pk=pk)


@require_POST
@news_editor_required
def article_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = access_article(request.user, pk)
    if _attempt(request, lambda: services.article_withdraw(article=chosen, editor=request.user)):
        messages.success(request, _("Đã gỡ bài khỏi trang tin; bài trở về bản nháp."))
    return redirect("news:edit", pk=pk)


@require_POST
@news_editor_required
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    chosen = access_article(request.user, pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp ảnh."))
    elif _attempt(request, lambda: services.photo_add(article=chosen, editor=request.user, upload=form.cleaned_data["image"],
                                                     caption=form.cleaned_data["caption"])):
        messages.success(request, _("Đã thêm ảnh (đã xóa thông tin vị trí, máy chụp và thu nhỏ nếu cần)."))
    return redirect("news:edit", pk=pk)


@require_POST
@news_editor_required
def photo_caption(request: HttpRequest, photo_id: int) -> HttpResponse:
    photo = access_photo(request.user, photo_id)
    form = CaptionForm(request.POST)
    if form.is_valid() and _attempt(request, lambda: services.photo_update(photo=photo, editor=request.user, **form.cleaned_data)):
        messages.success(request, _("Đã lưu chú thích ảnh."))
    return redirect("news:edit", pk=photo.article_id)


@require_POST
@news_editor_required
def photo_delete(request: HttpRequest, photo_id: int) -> HttpResponse:
    photo = access_photo(request.user, photo_id)
    if _attempt(request, lambda: services.photo_delete(photo=photo, editor=request.user)) is not None:
        messages.success(request, _("Đã xóa ảnh."))
    return redirect("news:edit", pk=photo.article_id)


def _attempt(request: HttpRequest, action: Callable[[], Any]) -> Any:
    """Run a service; a refused input becomes the service's Vietnamese message and None."""
    try:
        result = action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return None
    return True if result is None else result

