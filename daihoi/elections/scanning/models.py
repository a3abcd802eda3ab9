"""Scanned ballots (issue 9), kept with the round as part of its record: each upload (batch), each
image in it (page, the persisted work queue), and each ballot found, with what the machine read,
what it was unsure of, and who decided it and when. Nothing here identifies a voter: the number
is the counting committee's order of the papers (scan order), as at the keyboard stations."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ đọc")
    DONE = "done", _("Đã đọc xong")


class PageStatus(models.TextChoices):
    PENDING = "pending", _("Chờ đọc")
    WORKING = "working", _("Đang đọc")
    DONE = "done", _("Đã đọc")
    FAILED = "failed", _("Không đọc được")


class ScanBatch(models.Model):
    """One upload: images, a multi-page PDF or a zip of them, read as one counting station."""

    round = models.ForeignKey("elections.Round", on_delete=models.CASCADE, related_name="scan_batches")
    station = models.PositiveSmallIntegerField("máy (trạm quét)")
    name = models.CharField("tệp", max_length=200)
    upload = models.FileField(upload_to="scans/uploads/%Y/%m/")
    status = models.CharField(max_length=8, choices=BatchStatus.choices, default=BatchStatus.QUEUED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lượt tải ảnh phiếu"
        verbose_name_plural = "lượt tải ảnh phiếu"
        ordering = ["round", "id"]


class ScanPage(models.Model):
    """One image to read (a file, a zip member or a PDF page): the queue item a worker claims;
    a restart finds the pending and the abandoned ones again."""

    batch = models.ForeignKey(ScanBatch, on_delete=models.CASCADE, related_name="pages")
    seq = models.PositiveIntegerField()
    source = models.CharField("nguồn", max_length=300)
    pdf_page = models.PositiveIntegerField(null=True, blank=True)
    image = models.FileField(upload_to="scans/pages/%Y/%m/", blank=True)
    status = models.CharField(max_length=8, choices=PageStatus.choices, default=PageStatus.PENDING)
    claimed_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["batch", "seq"]
        constraints = [models.UniqueConstraint(fields=["batch", "seq"], name="one_scan_page_per_seq")]


class ScanStatus(models.TextChoices):
    READ = "read", _("Máy đọc chắc chắn")
    REVIEW = "review", _("Chờ người xem")
    DECIDED = "decided", _("Đã quyết định")


class ScannedBallot(models.Model):
    """One ballot found on a page: its number in scan order, the straightened image, what the
    machine read row by row with its confidence, why it needs a person, and the decision."""

    round = models.ForeignKey("elections.Round", on_delete=models.CASCADE, related_name="scanned_ballots")
    page = models.ForeignKey(ScanPage, on_delete=models.CASCADE, related_name="ballots")
    number = models.PositiveIntegerField("số phiếu")
    position = models.PositiveSmallIntegerField("thứ tự trên ảnh", default=1)
    image = models.FileField(upload_to="scans/ballots/%Y/%m/", blank=True)
    code = models.CharField("mã phiếu", max_length=40, blank=True)
    rows = models.JSONField("đọc từng dòng", default=list)
    struck = models.JSONField("dòng bị gạch", default=list)
    marks = models.JSONField("đánh dấu", default=list)
    flags = models.JSONField("dấu hiệu", default=list)
    reasons = models.JSONField("lý do cần xem", default=list)
    status = models.CharField(max_length=8, choices=ScanStatus.choices)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "phiếu đã quét"
        verbose_name_plural = "phiếu đã quét"
        ordering = ["round", "number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="one_scanned_ballot_per_number")]
