"""A ward's own version of a document template (glossary: PartyCommittee). Without one, the
repository's template in daihoi/documents/docx/ is used."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

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


class DocumentNumber(models.Model):
    """The number (and date) an office gave one document of a congress or of a season, when it
    differs from the one the system proposes (selectors.numbering): the registers of the branch
    and the ward are kept on paper, outside the system. ``key`` is the document's download key
    (the kind, or the stem of one round's counting minutes)."""

    congress = models.ForeignKey("plans.Congress", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="document_numbers", verbose_name="đại hội")
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="document_numbers", verbose_name="kế hoạch")
    key = models.CharField("văn bản", max_length=120)
    number = models.CharField("số", max_length=6, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi")
    set_at = models.DateTimeField("thời điểm ghi", auto_now=True)

    class Meta:
        verbose_name = "số văn bản"
        verbose_name_plural = "số văn bản"
        constraints = [
            models.UniqueConstraint(fields=["congress", "key"], name="one_number_per_congress_document"),
            models.UniqueConstraint(fields=["plan", "key"], name="one_number_per_season_document"),
            models.CheckConstraint(condition=models.Q(congress__isnull=True) ^ models.Q(plan__isnull=True),
                                   name="number_of_a_congress_or_a_season"),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.number or '—'}"


class SignerTitle(models.TextChoices):
    SECRETARY = "BÍ THƯ", _("Bí thư")
    DEPUTY = "PHÓ BÍ THƯ", _("Phó Bí thư")


class WardSigner(models.Model):
    """Who signs the ward's documents (the approval decision, the season report) on behalf of the
    standing committee: the ward's secretary or deputy. Not among the system's users or members
    (the ward's leaders are not members of a branch roll here), so the ward office enters it."""

    party_committee = models.OneToOneField(PartyCommittee, on_delete=models.CASCADE, related_name="document_signer",
                                           verbose_name="đảng bộ")
    name = models.CharField("họ và tên người ký", max_length=120)
    title = models.CharField("chức danh", max_length=20, choices=SignerTitle.choices, default=SignerTitle.SECRETARY)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi")
    set_at = models.DateTimeField("thời điểm ghi", auto_now=True)

    class Meta:
        verbose_name = "người ký văn bản của đảng ủy"
        verbose_name_plural = "người ký văn bản của đảng ủy"

    def __str__(self) -> str:
        return f"{self.get_title_display()} {self.name}"
