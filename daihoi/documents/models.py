"""A ward's own version of a document template (glossary: PartyCommittee). Without one, the
repository's template in daihoi/documents/docx/ is used."""
from django.conf import settings
from django.db import models

from daihoi.documents.kinds import KINDS
from daihoi.organizations.models import PartyCommittee

KIND_CHOICES = [(kind.slug, kind.label) for kind in KINDS.values()]


class WardTemplate(models.Model):
    """One uploaded .docx per ward and document kind; the bytes live in the database so that a
    template and its check are saved in one transaction (a few dozen kilobytes each)."""

    party_committee = models.ForeignKey(PartyCommittee, on_delete=models.CASCADE, related_name="document_templates", verbose_name="đảng bộ")
    kind = models.CharField("loại văn bản", max_length=32, choices=KIND_CHOICES)
    filename = models.CharField("tên tệp", max_length=200)
    content = models.BinaryField("nội dung")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người tải lên")
    uploaded_at = models.DateTimeField("thời điểm tải lên", auto_now=True)

    class Meta:
        verbose_name = "mẫu văn bản của đảng bộ"
        verbose_name_plural = "mẫu văn bản của đảng bộ"
        constraints = [models.UniqueConstraint(fields=["party_committee", "kind"], name="one_template_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.party_committee}"
