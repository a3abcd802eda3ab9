"""A congress season: the ward's plan (glossary: Plan) and one Congress per branch under it."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.organizations.models import Branch, PartyCommittee


class Plan(models.Model):
    """Kế hoạch (e.g. 74-KH/ĐU): number, date, term and window of a season. The term is a setting
    of each plan, never a constant (2.5-year and 5-year terms both occur; 294-QĐ/TW)."""

    party_committee = models.ForeignKey(PartyCommittee, on_delete=models.PROTECT, related_name="plans", verbose_name="đảng bộ")
    number = models.CharField(_("số và ký hiệu"), max_length=40, help_text=_("Ví dụ: 74-KH/ĐU"))
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=300, blank=True)
    term_start_year = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"))
    term_end_year = models.PositiveSmallIntegerField(_("nhiệm kỳ đến năm"))
    window_start = models.DateField(_("đại hội từ ngày"))
    window_end = models.DateField(_("đại hội đến hết ngày"))
    # Personnel targets the ward sets for the new committees; each optional (issue 4).
    min_women_percent = models.PositiveSmallIntegerField(_("tỷ lệ nữ tối thiểu (%)"), null=True, blank=True)
    min_under_40_percent = models.PositiveSmallIntegerField(_("tỷ lệ dưới 40 tuổi tối thiểu (%)"), null=True, blank=True)
    reelection_age_limit = models.PositiveSmallIntegerField(_("tuổi tối đa tham gia chi ủy"), null=True, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True, null=True)

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
    PLANNED = "planned", _("Chưa xếp lịch")
    SCHEDULED = "scheduled", _("Đã xếp lịch")
    HELD = "held", _("Đã tổ chức")
    RESULTS_SUBMITTED = "results_submitted", _("Đã trình kết quả")
    RESULTS_RETURNED = "results_returned", _("Trả lại để bổ sung")
    APPROVED = "approved", _("Đã chuẩn y")


# The congress has taken place: it counts in "23/23 chi bộ đã tổ chức đại hội".
HELD_STATUSES = (CongressStatus.HELD, CongressStatus.RESULTS_SUBMITTED, CongressStatus.RESULTS_RETURNED, CongressStatus.APPROVED)


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
    returned_reason = models.TextField("lý do trả lại", blank=True)

    class Meta:
        verbose_name = "đại hội chi bộ"
        verbose_name_plural = "đại hội chi bộ"
        ordering = ["scheduled_on", "branch__position", "branch__name"]
        constraints = [models.UniqueConstraint(fields=["plan", "branch"], name="one_congress_per_branch_per_plan")]
        indexes = [models.Index(fields=["plan", "status"]), models.Index(fields=["plan", "scheduled_on"])]

    def __str__(self) -> str:
        return f"Đại hội {self.branch.name} nhiệm kỳ {self.plan.term}"


class Step(models.TextChoices):
    """The preparation checklist of one congress, in order (election-rules.md §6)."""

    POLITICAL_REPORT = "political_report", _("Dự thảo báo cáo chính trị")
    SELF_REVIEW = "self_review", _("Báo cáo kiểm điểm của chi ủy")
    PERSONNEL_SUBMITTED = "personnel_submitted", _("Trình phương án nhân sự")
    PERSONNEL_APPROVED = "personnel_approved", _("Đảng ủy duyệt phương án nhân sự")
    CONGRESS_HELD = "congress_held", _("Tổ chức đại hội")
    RESULTS_SUBMITTED = "results_submitted", _("Trình kết quả bầu cử")
    RESULTS_APPROVED = "results_approved", _("Chuẩn y kết quả")


class CongressStep(models.Model):
    """One checklist step done: when and by whom."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="steps", verbose_name="đại hội")
    step = models.CharField("bước", max_length=32, choices=Step.choices)
    done_on = models.DateField("ngày thực hiện")
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người thực hiện")
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        verbose_name = "bước chuẩn bị"
        verbose_name_plural = "các bước chuẩn bị"
        constraints = [models.UniqueConstraint(fields=["congress", "step"], name="one_record_per_step")]


class DocumentKind(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    POLITICAL_REPORT = "political_report", _("Báo cáo chính trị")
    SELF_REVIEW = "self_review", _("Báo cáo kiểm điểm")
    PERSONNEL_PLAN = "personnel_plan", _("Phương án nhân sự")
    MINUTES = "minutes", _("Biên bản đại hội")
    REQUEST = "request", _("Tờ trình đề nghị chuẩn y")
    DECISION = "decision", _("Quyết định chuẩn y")
    WORKING_RULES = "working_rules", _("Quy chế làm việc của chi ủy")
    TASK_SPLIT = "task_split", _("Phân công nhiệm vụ trong chi ủy")
    WORK_PROGRAMME = "work_programme", _("Chương trình công tác toàn khóa")
    MEMBER_TASKS = "member_tasks", _("Phân công nhiệm vụ đảng viên")
    OTHER = "other", _("Văn bản khác")


class PlanDocument(models.Model):
    """An uploaded file of a plan (``congress`` empty) or of one congress. Uploading the same kind
    again adds a new version; earlier versions stay readable."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="documents", verbose_name="kế hoạch")
    congress = models.ForeignKey(Congress, null=True, blank=True, on_delete=models.CASCADE, related_name="plan_documents", verbose_name="đại hội")
    kind = models.CharField("loại văn bản", max_length=32, choices=DocumentKind.choices)
    version = models.PositiveSmallIntegerField("phiên bản")
    file = models.FileField("tệp", upload_to="plans/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người tải lên")
    uploaded_at = models.DateTimeField("thời điểm tải lên", auto_now_add=True)

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["kind", "-version"]
        constraints = [models.UniqueConstraint(fields=["plan", "congress", "kind", "version"], name="one_document_version")]

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class PersonnelPlan(models.Model):
    """Phương án nhân sự: the committee seats the branch proposes, its slate and its candidates
    for secretary and deputy. A branch without a committee (fewer than 9 full members, 294-QĐ/TW)
    proposes 0 seats and names only the secretary (and deputy)."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="personnel_plan", verbose_name="đại hội")
    seats = models.PositiveSmallIntegerField("số chi ủy viên cần bầu", default=0)
    slate = models.ManyToManyField("organizations.Member", blank=True, related_name="+", verbose_name="danh sách chi ủy")
    secretary = models.ForeignKey("organizations.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="dự kiến bí thư")
    deputy = models.ForeignKey("organizations.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="dự kiến phó bí thư")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "phương án nhân sự"
        verbose_name_plural = "phương án nhân sự"


class ResultSource(models.TextChoices):
    PAPER = "paper", _("Nhập từ biên bản giấy")
    ELECTIONS = "elections", _("Từ phần mềm kiểm phiếu")


class CongressResult(models.Model):
    """The results the branch submits for approval (chuẩn y): attendance, D and those elected.
    Typed in from the paper minutes today; the elections app fills the same record (source
    "elections") when the congress was counted in daihoi."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="result", verbose_name="đại hội")
    source = models.CharField("nguồn", max_length=16, choices=ResultSource.choices, default=ResultSource.PAPER)
    summoned = models.PositiveIntegerField("đảng viên chính thức được triệu tập")
    present = models.PositiveIntegerField("đảng viên chính thức có mặt")
    denominator = models.PositiveIntegerField("số đảng viên tính kết quả bầu cử (D)")
    committee_seats = models.PositiveSmallIntegerField("số chi ủy viên được bầu", default=0)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người trình")
    submitted_at = models.DateTimeField("thời điểm trình", auto_now=True)

    class Meta:
        verbose_name = "kết quả đại hội"
        verbose_name_plural = "kết quả đại hội"


class Office(models.TextChoices):
    """Offices elected at a branch congress; values as in daihoi.rules.lists.Office."""

    COMMITTEE = "committee", _("Chi ủy viên")
    SECRETARY = "secretary", _("Bí thư")
    DEPUTY_SECRETARY = "deputy_secretary", _("Phó Bí thư")


class ElectedPerson(models.Model):
    """One person elected to one office, with the votes of the deciding round."""

    result = models.ForeignKey(CongressResult, on_delete=models.CASCADE, related_name="elected", verbose_name="kết quả")
    office = models.CharField("chức danh", max_length=20, choices=Office.choices)
    member = models.ForeignKey("organizations.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="đảng viên")
    full_name = models.CharField("họ và tên", max_length=120)
    votes = models.PositiveIntegerField("số phiếu")

    class Meta:
        verbose_name = "người trúng cử"
        verbose_name_plural = "người trúng cử"
        ordering = ["office", "-votes", "id"]


# --- after the congress (issue 12) -------------------------------------------------------------

# (title, days after the congress, residential groups only, document kind): the seed article's
# list. Days are the ward's usual expectation, editable per plan: rules and the task split within
# a fortnight or a month, the term's programme within two months, the residential-group head
# (elected by the residents, led by the branch) within a quarter.
DEFAULT_FOLLOW_UPS = (
    ("Xây dựng quy chế làm việc của chi ủy", 15, False, "working_rules"),
    ("Phân công nhiệm vụ trong chi ủy", 30, False, "task_split"),
    ("Xây dựng chương trình công tác toàn khóa", 60, False, "work_programme"),
    ("Phân công nhiệm vụ cho từng đảng viên", 30, False, "member_tasks"),
    ("Lãnh đạo bầu Tổ trưởng tổ dân phố nhiệm kỳ mới", 90, True, ""),
)


class FollowUpItem(models.Model):
    """One task the ward asks of every branch after its congress (seed article: working rules,
    task split, work programme, tasks per member, residential-group head), due a number of days
    after the congress. Each plan has its own list, so the ward may change days or add items."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="follow_up_items", verbose_name="kế hoạch")
    title = models.CharField("việc cần làm", max_length=200)
    due_days = models.PositiveSmallIntegerField("hạn (số ngày sau đại hội)")
    residential_only = models.BooleanField("chỉ chi bộ tổ dân phố", default=False)
    document_kind = models.CharField("văn bản kèm theo", max_length=32, choices=DocumentKind.choices, blank=True)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "việc sau đại hội"
        verbose_name_plural = "việc sau đại hội"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class FollowUpRecord(models.Model):
    """One branch has done one follow-up item: when and who marked it."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="follow_ups", verbose_name="đại hội")
    item = models.ForeignKey(FollowUpItem, on_delete=models.CASCADE, related_name="records", verbose_name="việc")
    done_on = models.DateField("ngày hoàn thành")
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi")
    marked_at = models.DateTimeField("thời điểm ghi", auto_now=True)
    document = models.ForeignKey(PlanDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="văn bản")
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        verbose_name = "việc sau đại hội đã làm"
        verbose_name_plural = "việc sau đại hội đã làm"
        constraints = [models.UniqueConstraint(fields=["congress", "item"], name="one_record_per_follow_up")]

    def __str__(self) -> str:
        """What the audit trail names: the item and the branch."""
        return f"{self.item.title} · {self.congress.branch.name}"


class CommitteeDuty(models.Model):
    """Phân công nhiệm vụ trong chi ủy: the areas one elected person leads, one per line."""

    person = models.OneToOneField(ElectedPerson, on_delete=models.CASCADE, related_name="duty", verbose_name="người trúng cử")
    areas = models.TextField("lĩnh vực phụ trách")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người ghi")
    set_at = models.DateTimeField("thời điểm ghi", auto_now=True)

    class Meta:
        verbose_name = "phân công chi ủy viên"
        verbose_name_plural = "phân công chi ủy viên"

    @property
    def area_list(self) -> list[str]:
        return [line.strip() for line in self.areas.splitlines() if line.strip()]


class SeasonClosure(models.Model):
    """The ward closes a season: either every branch finished its follow-up items or the ward
    closes it anyway and says why."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="closure", verbose_name="kế hoạch")
    closed_on = models.DateField("ngày khép lại")
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="người khép lại")
    reason = models.TextField("lý do", blank=True)
    unfinished = models.PositiveIntegerField("số chi bộ chưa hoàn thành khi khép lại", default=0)

    class Meta:
        verbose_name = "khép lại đợt đại hội"
        verbose_name_plural = "khép lại đợt đại hội"
