"""The audit trail of the whole system and the seals of announced rounds. Data only: writes are
in services.py, reads in selectors.py."""
from typing import Any

from django.conf import settings
from django.db import models

from daihoi.lib.i18n import vietnamese


class AuditEntry(models.Model):
    """One change: who, when, which record (by model label and id, so deleting the record keeps
    its history), what it was before and after (JSON of the fields that matter)."""

    model = models.CharField("loại dữ liệu", max_length=80)
    object_id = models.CharField("mã", max_length=40)
    object_repr = models.CharField("đối tượng", max_length=200)
    action = models.CharField("việc", max_length=40)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name="người làm")
    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    before = models.JSONField("trước", null=True, blank=True)
    after = models.JSONField("sau", null=True, blank=True)

    class Meta:
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    @classmethod
    def about(cls, instance: models.Model, **fields: Any) -> "AuditEntry":
        """An entry (not saved) naming ``instance`` as every writer of the trail names it: model
        label, id, and its text in Vietnamese, the record's language, whatever the reader chose."""
        return cls(model=instance._meta.label, object_id=str(instance.pk), object_repr=vietnamese(instance)[:200], **fields)


class RoundSeal(models.Model):
    """The fingerprint of a round when it was announced, with the round file it was taken over
    (``daihoi.rules.integrity``). A recount announces again and adds a seal; the old ones stay."""

    round = models.ForeignKey("elections.Round", on_delete=models.CASCADE, related_name="seals", verbose_name="lần bầu")
    fingerprint = models.CharField("dấu vân tay SHA-256", max_length=64)
    document = models.JSONField("tệp lần bầu")
    sealed_at = models.DateTimeField("thời điểm", auto_now_add=True)

    class Meta:
        verbose_name = "dấu vân tay lần bầu"
        verbose_name_plural = "dấu vân tay lần bầu"
        ordering = ["round", "-sealed_at", "-id"]
