"""The ward party committee, its branches and their members (glossary: PartyCommittee, Branch,
Member). Models hold data only; writes live in services.py, reads in selectors.py."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.lib.text import fold, nfc
from daihoi.rules.names import sort_key


class PartyCommittee(models.Model):
    """Đảng bộ phường: the grassroots organization that convenes the branch congresses."""

    name = models.CharField("tên", max_length=200, unique=True)
    short_name = models.CharField("tên viết tắt trên văn bản", max_length=20, default="ĐU")
    upper_body = models.CharField("cấp trên", max_length=200, blank=True)
    place = models.CharField("địa danh ghi trên văn bản", max_length=100, blank=True)

    class Meta:
        verbose_name = "đảng bộ"
        verbose_name_plural = "đảng bộ"

    def __str__(self) -> str:
        return self.name


class BranchKind(models.TextChoices):
    RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
    SCHOOL = "school", _("Trường học")
    POLICE = "police", _("Công an")
    MILITARY = "military", _("Quân sự")
    HEALTH_STATION = "health_station", _("Trạm y tế")
    WARD_AGENCY = "ward_agency", _("Cơ quan phường")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    OTHER = "other", _("Khác")


class Branch(models.Model):
    """Chi bộ."""

    party_committee = models.ForeignKey(
        PartyCommittee, on_delete=models.PROTECT, related_name="branches", verbose_name="đảng bộ"
    )
    name = models.CharField("tên chi bộ", max_length=200)
    kind = models.CharField("loại", max_length=32, choices=BranchKind.choices, default=BranchKind.RESIDENTIAL_GROUP)
    is_active = models.BooleanField("đang hoạt động", default=True)
    position = models.PositiveIntegerField(
        "thứ tự", default=0, help_text="Thứ tự trong danh sách, để Tổ dân phố số 2 đứng trước số 10.")
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="supervised_branches", verbose_name="đảng ủy viên phụ trách"
    )

    class Meta:
        verbose_name = "chi bộ"
        verbose_name_plural = "chi bộ"
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["party_committee", "name"], name="unique_branch_name")]

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class MemberStatus(models.TextChoices):
    FULL = "full", _("Chính thức")
    PROBATIONARY = "probationary", _("Dự bị")


class Attachment(models.TextChoices):
    """Sinh hoạt tạm thời: decides whether a member counts in this branch's denominator."""

    NONE = "none", _("Sinh hoạt chính thức tại chi bộ")
    ELSEWHERE = "elsewhere", _("Sinh hoạt tạm thời nơi khác")
    HERE = "here", _("Sinh hoạt tạm thời tại chi bộ")


class Member(models.Model):
    """Đảng viên, with the fields offices keep (members-and-documents.md)."""

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="members", verbose_name="chi bộ")
    full_name = models.CharField("họ và tên", max_length=120)
    name_sort_key = models.CharField(max_length=400, db_index=True, editable=False)
    name_folded = models.CharField(max_length=120, db_index=True, editable=False)
    date_of_birth = models.DateField("ngày sinh", null=True, blank=True)
    gender = models.CharField("giới tính", max_length=8, choices=Gender.choices, blank=True)
    citizen_id = models.CharField("số CCCD", max_length=12, null=True, blank=True, unique=True)
    cv_number = models.CharField("số lý lịch đảng viên", max_length=10, blank=True)
    party_card_number = models.CharField("số thẻ đảng viên", max_length=8, null=True, blank=True, unique=True)
    admission_date = models.DateField("ngày vào Đảng", null=True, blank=True)
    full_membership_date = models.DateField("ngày chính thức", null=True, blank=True)
    status = models.CharField("loại đảng viên", max_length=16, choices=MemberStatus.choices, default=MemberStatus.FULL)
    attachment = models.CharField("sinh hoạt tạm thời", max_length=16, choices=Attachment.choices, default=Attachment.NONE)
    is_excused = models.BooleanField("miễn công tác và sinh hoạt đảng", default=False)
    is_suspended = models.BooleanField("đình chỉ sinh hoạt", default=False)
    is_prosecuted_or_detained = models.BooleanField("bị khởi tố, truy tố, tạm giam", default=False)
    hometown = models.CharField("quê quán", max_length=200, blank=True)
    ethnicity = models.CharField("dân tộc", max_length=50, blank=True)
    religion = models.CharField("tôn giáo", max_length=50, blank=True)
    education = models.CharField("trình độ học vấn", max_length=50, blank=True)
    qualification = models.CharField("chuyên môn", max_length=100, blank=True)
    political_theory = models.CharField("lý luận chính trị", max_length=50, blank=True)
    occupation = models.CharField("nghề nghiệp", max_length=100, blank=True)
    residence = models.CharField("nơi cư trú", max_length=200, blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)

    class Meta:
        verbose_name = "đảng viên"
        verbose_name_plural = "đảng viên"
        ordering = ["name_sort_key", "id"]
        indexes = [models.Index(fields=["branch", "name_sort_key"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: object, **kwargs: object) -> None:
        self.fill_derived_fields()
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def fill_derived_fields(self) -> None:
        """The name in NFC and its sort and search keys; bulk writers call this themselves since
        bulk_create skips save()."""
        self.full_name = nfc(" ".join(self.full_name.split()))
        self.name_sort_key = sort_key(self.full_name)
        self.name_folded = fold(self.full_name)

    @property
    def is_full(self) -> bool:
        return self.status == MemberStatus.FULL
