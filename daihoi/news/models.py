"""The ward's news portal (glossary: Tin tức): categories, articles, their photos and the
de-duplication rows of the view counter. Models hold data only; writes live in services.py."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.urls import reverse

from daihoi.news.storage import photo_storage


class Category(models.Model):
    """Chuyên mục, e.g. "Xây dựng Đảng"."""

    name = models.CharField("tên chuyên mục", max_length=100, unique=True)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:category", args=[self.slug])


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ duyệt")
    PUBLISHED = "published", _("Đã đăng")


class Article(models.Model):
    """Bài tin. Public once status is published and publish_at has come (a future publish_at is a
    scheduled article)."""

    title = models.CharField("tiêu đề", max_length=300)
    slug = models.SlugField("đường dẫn", max_length=120, allow_unicode=False)
    summary = models.TextField("tóm tắt (sapo)", blank=True, max_length=1000)
    body = models.TextField("nội dung", blank=True, help_text="HTML đã được lọc an toàn.")
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles", verbose_name="chuyên mục")
    status = models.CharField("trạng thái", max_length=16, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    publish_at = models.DateTimeField("thời điểm đăng", null=True, blank=True, db_index=True)
    view_count = models.PositiveIntegerField("lượt xem", default=0)
    search_text = models.TextField(editable=False, default="", help_text="Tiêu đề, sapo, nội dung không dấu để tìm kiếm.")
    source_plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="news_articles",
        verbose_name="soạn từ kế hoạch")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="news_articles", verbose_name="người viết")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người duyệt")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("sửa lúc", auto_now=True)

    class Meta:
        verbose_name = "bài tin"
        verbose_name_plural = "bài tin"
        ordering = ["-publish_at", "-id"]
        permissions = [("publish_article", "Duyệt và đăng bài tin")]
        indexes = [models.Index(fields=["status", "-publish_at"], name="news_public_order")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article", args=[self.pk, self.slug])


class Photo(models.Model):
    """Ảnh của bài tin, already checked, stripped of metadata and resized (photos.py)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="photos", verbose_name="bài tin")
    image = models.ImageField("ảnh", upload_to="news/%Y/%m/", storage=photo_storage)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    thumbnail = models.ImageField("ảnh nhỏ", upload_to="news/%Y/%m/", storage=photo_storage, blank=True)
    caption = models.CharField("chú thích", max_length=500, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "ảnh"
        verbose_name_plural = "ảnh"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class ArticleVisit(models.Model):
    """One visitor (a keyed hash of address and browser, never the address itself) seen reading one
    article within one counting window; the unique constraint makes a second count impossible."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    window = models.PositiveIntegerField()
    visitor = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "window", "visitor"], name="one_view_per_visitor_window")]
