"""What happens in the hall on the day of a branch congress: who was summoned and came, the
congress's bodies and agenda, show-of-hands votes with the electorate frozen when each opened,
the documents members read, and the data the minutes are written from.

The congress record itself is ``daihoi.plans.models.Congress``; every model here hangs off it.
Models hold data only: writes are in services.py, reads (and D, through the rules core) in
selectors.py."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.organizations.models import Attachment, Member, MemberStatus
from daihoi.plans.models import Congress
from daihoi.rules.electorate import threshold


class Attendance(models.Model):
    """One member summoned to one congress (giấy triệu tập), with the member's situation copied
    when the summons list was built, so that D stays what the convening committee saw even if the
    member record changes later, and whether the member is present now and was ever present."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="attendances", verbose_name="đại hội")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendances", verbose_name="đảng viên")
    status = models.CharField("loại đảng viên", max_length=16, choices=MemberStatus.choices)
    attachment = models.CharField("sinh hoạt tạm thời", max_length=16, choices=Attachment.choices)
    is_excused = models.BooleanField("miễn công tác và sinh hoạt đảng", default=False)
    is_suspended = models.BooleanField("đình chỉ sinh hoạt", default=False)
    is_prosecuted_or_detained = models.BooleanField("bị khởi tố, truy tố, tạm giam", default=False)
    token = models.CharField("mã điểm danh", max_length=16, unique=True)
    is_present = models.BooleanField("đang có mặt", default=False)
    was_present = models.BooleanField("đã có mặt trong đại hội", default=False)
    checked_in_at = models.DateTimeField("giờ điểm danh", null=True, blank=True)
    absence_reason = models.CharField("lý do vắng mặt", max_length=300, blank=True)
    reason_accepted = models.BooleanField("lý do được chấp nhận", default=False)

    class Meta:
        verbose_name = "đảng viên được triệu tập"
        verbose_name_plural = "danh sách triệu tập"
        ordering = ["member__name_sort_key", "member_id"]
        constraints = [models.UniqueConstraint(fields=["congress", "member"], name="one_summons_per_member")]
        indexes = [models.Index(fields=["congress", "status", "is_present"])]

    def __str__(self) -> str:
        return f"{self.member} · {self.congress}"

    @property
    def is_full(self) -> bool:
        return self.status == MemberStatus.FULL


class Proceedings(models.Model):
    """The running state of one congress and the data its minutes are written from (biên bản đại
    hội: times, guests, summaries, the upper committee's speech)."""

    congress = models.OneToOneField(Congress, on_delete=models.CASCADE, related_name="proceedings", verbose_name="đại hội")
    current_item = models.ForeignKey(
        "AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="mục đang tiến hành")
    opened_at = models.DateTimeField(_("giờ khai mạc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("giờ bế mạc"), null=True, blank=True)
    guests = models.TextField(_("khách mời, đại biểu cấp trên"), blank=True)
    political_report_summary = models.TextField(_("tóm tắt báo cáo chính trị"), blank=True)
    self_review_summary = models.TextField(_("tóm tắt báo cáo kiểm điểm"), blank=True)
    discussion_summary = models.TextField(_("tóm tắt thảo luận"), blank=True)
    upper_committee_speech = models.TextField(_("phát biểu chỉ đạo của cấp trên"), blank=True)
    speakers_closed_at = models.DateTimeField(_("giờ khóa danh sách phát biểu"), null=True, blank=True)
    timer_seconds = models.PositiveIntegerField(_("thời gian mỗi lượt phát biểu (giây)"), default=300)
    timer_started_at = models.DateTimeField(_("đồng hồ chạy từ"), null=True, blank=True)
    timer_elapsed = models.PositiveIntegerField(_("số giây đã chạy trước lần chạy này"), default=0)
    timer_speaker = models.ForeignKey(
        "Speaker", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người đang phát biểu")

    class Meta:
        verbose_name = "diễn biến đại hội"
        verbose_name_plural = "diễn biến đại hội"


class AgendaItem(models.Model):
    """One item of the congress's agenda (chương trình đại hội), in order."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="agenda_items", verbose_name="đại hội")
    position = models.PositiveSmallIntegerField("thứ tự")
    title = models.CharField("nội dung", max_length=300)

    class Meta:
        verbose_name = "mục chương trình"
        verbose_name_plural = "chương trình đại hội"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Speaker(models.Model):
    """A member who asked to speak in the discussion (đăng ký phát biểu), in the order the chair
    set; ``spoke_at`` is filled when the member's turn ends. Names and topics go to the minutes."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="speakers", verbose_name="đại hội")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+", verbose_name="đảng viên")
    topic = models.CharField("nội dung phát biểu", max_length=300, blank=True)
    position = models.PositiveIntegerField("thứ tự")
    spoke_at = models.DateTimeField("đã phát biểu lúc", null=True, blank=True)

    class Meta:
        verbose_name = "người đăng ký phát biểu"
        verbose_name_plural = "danh sách phát biểu"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.member} · {self.topic}"


class Body(models.TextChoices):
    PRESIDIUM = "presidium", _("Đoàn chủ tịch")
    SECRETARIAT = "secretariat", _("Đoàn thư ký")
    COUNTING_COMMITTEE = "counting_committee", _("Ban kiểm phiếu")


class BodySeat(models.Model):
    """A member sitting on one of the congress's bodies; ``is_head`` marks the chair of the
    presidium, the head of the secretariat or of the counting committee."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="body_seats", verbose_name="đại hội")
    body = models.CharField("cơ quan", max_length=24, choices=Body.choices)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+", verbose_name="đảng viên")
    is_head = models.BooleanField("trưởng (chủ trì)", default=False)

    class Meta:
        verbose_name = "thành viên cơ quan đại hội"
        verbose_name_plural = "cơ quan đại hội"
        ordering = ["body", "-is_head", "member__name_sort_key"]
        constraints = [models.UniqueConstraint(fields=["congress", "body", "member"], name="one_seat_per_body")]


class ElectorateSnapshot(models.Model):
    """Who was present and entitled to vote, D and the quorum check at the moment a vote opened
    (issue 11): the vote's outcome, the minutes and the projector use these figures, so a member
    arriving or leaving later changes the next vote, not this one."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="electorate_snapshots", verbose_name="đại hội")
    taken_at = models.DateTimeField("thời điểm")
    summoned = models.PositiveIntegerField("đảng viên chính thức được triệu tập")
    present = models.PositiveIntegerField("đảng viên chính thức có mặt, có quyền biểu quyết")
    denominator = models.IntegerField("D")
    exclusions = models.JSONField("trừ khỏi D", default=dict)
    quorum_met = models.BooleanField("đủ điều kiện")
    quorum_reason = models.CharField("lý do", max_length=300)
    present_member_ids = models.JSONField("đảng viên có mặt", default=list)

    class Meta:
        verbose_name = "số đảng viên có quyền biểu quyết tại thời điểm biểu quyết"
        verbose_name_plural = "số đảng viên có quyền biểu quyết"

    @property
    def votes_needed(self) -> int:
        """The fewest agreeing hands that carry a motion: more than half of D (rules core)."""
        return threshold(self.denominator)


class MotionKind(models.TextChoices):
    AGENDA = "agenda", _("Thông qua chương trình đại hội")
    WORKING_RULES = "working_rules", _("Thông qua quy chế làm việc")
    BODIES = "bodies", _("Bầu đoàn chủ tịch, đoàn thư ký")
    COUNTING_COMMITTEE = "counting_committee", _("Bầu ban kiểm phiếu")
    NUMBER_TO_ELECT = "number_to_elect", _("Số lượng bầu")
    ELECTION_LIST = "election_list", _("Danh sách bầu cử")
    WITHDRAWAL = "withdrawal", _("Cho rút khỏi danh sách")
    RESOLUTION = "resolution", _("Thông qua nghị quyết")
    OTHER = "other", _("Khác")


class Motion(models.Model):
    """A show-of-hands vote (biểu quyết giơ tay). Open while ``closed_at`` is empty; the outcome
    is decided on the D frozen in ``snapshot`` when it opened."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="motions", verbose_name="đại hội")
    kind = models.CharField("loại biểu quyết", max_length=24, choices=MotionKind.choices)
    title = models.CharField("nội dung biểu quyết", max_length=300)
    snapshot = models.OneToOneField(ElectorateSnapshot, on_delete=models.PROTECT, related_name="motion")
    opened_at = models.DateTimeField("mở biểu quyết")
    closed_at = models.DateTimeField("kết thúc", null=True, blank=True)
    agree = models.PositiveIntegerField("tán thành", default=0)
    disagree = models.PositiveIntegerField("không tán thành", default=0)
    abstain = models.PositiveIntegerField("không biểu quyết", default=0)
    passed = models.BooleanField("thông qua", null=True, blank=True)

    class Meta:
        verbose_name = "biểu quyết"
        verbose_name_plural = "biểu quyết"
        ordering = ["opened_at", "id"]

    def __str__(self) -> str:
        return self.title


class DocumentKind(models.TextChoices):
    POLITICAL_REPORT = "political_report", _("Báo cáo chính trị")
    SELF_REVIEW = "self_review", _("Báo cáo kiểm điểm của chi ủy")
    DRAFT_RESOLUTION = "draft_resolution", _("Dự thảo nghị quyết")
    OTHER = "other", _("Tài liệu khác")


def _document_path(document: "CongressDocument", filename: str) -> str:
    return f"congresses/{document.congress_id}/{filename}"


class CongressDocument(models.Model):
    """A document the branch's members read before and during the congress, on their phones."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="documents", verbose_name="đại hội")
    kind = models.CharField("loại tài liệu", max_length=24, choices=DocumentKind.choices)
    title = models.CharField("tên tài liệu", max_length=200)
    file = models.FileField("tệp", upload_to=_document_path)
    uploaded_at = models.DateTimeField("ngày tải lên", auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu đại hội"
        verbose_name_plural = "tài liệu đại hội"
        ordering = ["kind", "-uploaded_at"]

    def __str__(self) -> str:
        return self.title
