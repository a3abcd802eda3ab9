"""A congress season: the ward's plan (glossary: Plan) and one Congress per branch under it."""
from django.conf import settings
from django.db import models

from daihoi.organizations.models import Branch, PartyCommittee


class Plan(models.Model):
    """Kế hoạch (e.g. 74-KH/ĐU): number, date, term and window of a season. The term is a setting
    of each plan, never a constant (2.5-year and 5-year terms both occur; 294-QĐ/TW)."""

    party_committee = models.ForeignKey(PartyCommittee, on_delete=models.PROTECT, related_name="plans", verbose_name="đảng bộ")
    number = models.CharField("số và ký hiệu", max_length=40, help_text="Ví dụ: 74-KH/ĐU")
    issued_on = models.DateField("ngày ban hành")
    title = models.CharField("trích yếu", max_length=300, blank=True)
    term_start_year = models.PositiveSmallIntegerField("nhiệm kỳ từ năm")
    term_end_year = models.PositiveSmallIntegerField("nhiệm kỳ đến năm")
    window_start = models.DateField("đại hội từ ngày")
    window_end = models.DateField("đại hội đến hết ngày")

    class Meta:
        verbose_name = "kế hoạch đại hội"
        verbose_name_plural = "kế hoạch đại hội"
        ordering = ["-window_start"]

    def __str__(self) -> str:
        return f"{self.number} · nhiệm kỳ {self.term}"

    @property
    def term(self) -> str:
        return f"{self.term_start_year}–{self.term_end_year}"


class CongressStatus(models.TextChoices):
    PLANNED = "planned", "Chưa xếp lịch"
    SCHEDULED = "scheduled", "Đã xếp lịch"
    HELD = "held", "Đã tổ chức"
    RESULTS_SUBMITTED = "results_submitted", "Đã trình kết quả"
    RESULTS_RETURNED = "results_returned", "Trả lại để bổ sung"
    APPROVED = "approved", "Đã chuẩn y"


class Congress(models.Model):
    """Đại hội chi bộ: one branch's congress under a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="congresses", verbose_name="kế hoạch")
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="congresses", verbose_name="chi bộ")
    ordinal = models.PositiveSmallIntegerField("đại hội lần thứ", null=True, blank=True)
    scheduled_on = models.DateField("ngày đại hội", null=True, blank=True)
    starts_at = models.TimeField("giờ bắt đầu", null=True, blank=True)
    ends_at = models.TimeField("giờ kết thúc dự kiến", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=200, blank=True)
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="supervised_congresses", verbose_name="đảng ủy viên dự, chỉ đạo")
    status = models.CharField("trạng thái", max_length=24, choices=CongressStatus.choices, default=CongressStatus.PLANNED)
    held_on = models.DateField("ngày tổ chức", null=True, blank=True)
    approval_decision_number = models.CharField("số quyết định chuẩn y", max_length=40, blank=True)
    approved_on = models.DateField("ngày chuẩn y", null=True, blank=True)

    class Meta:
        verbose_name = "đại hội chi bộ"
        verbose_name_plural = "đại hội chi bộ"
        ordering = ["scheduled_on", "branch__name"]
        constraints = [models.UniqueConstraint(fields=["plan", "branch"], name="one_congress_per_branch_per_plan")]

    def __str__(self) -> str:
        return f"Đại hội {self.branch.name} nhiệm kỳ {self.plan.term}"
