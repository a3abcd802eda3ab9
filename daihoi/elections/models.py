"""Elections at a branch congress (glossary: Election, Round, Ballot): the election list in
versions, each round with its frozen electorate, the ballots entered at counting stations, the
head's resolutions, and an audit trail. Models hold data only: writes are in services.py, reads in
selectors.py, and every rule (validity, margin, winners) is decided by ``daihoi.rules``."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.congresses.models import ElectorateSnapshot, Motion
from daihoi.organizations.models import Member
from daihoi.plans.models import Congress


class Office(models.TextChoices):
    """What an election fills; the values are the rules core's ``lists.Office`` where it has one."""

    COMMITTEE = "committee", _("Chi ủy")
    SECRETARY = "secretary", _("Bí thư chi bộ")
    DEPUTY_SECRETARY = "deputy_secretary", _("Phó bí thư chi bộ")
    DELEGATES = "delegates", _("Đại biểu dự đại hội cấp trên")


class Election(models.Model):
    """One election of a congress (bầu cử): the office and the number to elect, adopted with the
    list by show of hands."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="elections", verbose_name="đại hội")
    office = models.CharField("bầu", max_length=24, choices=Office.choices)
    seats = models.PositiveSmallIntegerField("số lượng cần bầu")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cuộc bầu cử"
        verbose_name_plural = "cuộc bầu cử"
        ordering = ["congress", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["congress", "office"], name="one_election_per_office")]

    def __str__(self) -> str:
        return f"{self.get_office_display()} · {self.congress}"


class ElectionList(models.Model):
    """One version of the election list (danh sách bầu cử). A draft is edited step by step; once
    adopted (by show of hands, or fixed by a tie) it never changes: a changed list is a new
    version, whose number the ballot's code carries."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="lists", verbose_name="cuộc bầu cử")
    version = models.PositiveSmallIntegerField("phiên bản")
    seats = models.PositiveSmallIntegerField("số lượng cần bầu")
    adopted_at = models.DateTimeField("ngày thông qua", null=True, blank=True)
    adopted_motion = models.ForeignKey(
        Motion, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="biểu quyết danh sách")
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        verbose_name = "danh sách bầu cử"
        verbose_name_plural = "danh sách bầu cử"
        ordering = ["election", "version"]
        constraints = [models.UniqueConstraint(fields=["election", "version"], name="one_list_version")]

    def __str__(self) -> str:
        return f"Danh sách bầu cử v{self.version} · {self.election}"


class CandidateSource(models.TextChoices):
    SLATE = "slate", _("Chi ủy khóa trước giới thiệu")
    SELF_NOMINATION = "self_nomination", _("Tự ứng cử")
    NOMINATION = "nomination", _("Được đề cử tại đại hội")


class CandidateStatus(models.TextChoices):
    PROPOSED = "proposed", _("Chờ lấy phiếu giới thiệu")
    ON_LIST = "on_list", _("Trong danh sách")
    POLL_FAILED = "poll_failed", _("Không đủ phiếu giới thiệu")
    LEFT_OUT = "left_out", _("Không đưa vào do vượt số dư")
    WITHDRAWN = "withdrawn", _("Được rút khỏi danh sách")


class Candidate(models.Model):
    """A member on one list version; the name is copied (NFC) with its A-B-C key, so the ballot
    of this version never changes when the member record does."""

    election_list = models.ForeignKey(ElectionList, on_delete=models.CASCADE, related_name="candidates")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="candidacies", verbose_name="đảng viên")
    full_name = models.CharField("họ và tên", max_length=120)
    name_sort_key = models.CharField(max_length=400)
    source = models.CharField("nguồn", max_length=20, choices=CandidateSource.choices)
    status = models.CharField("trạng thái", max_length=16, choices=CandidateStatus.choices)
    poll_votes = models.PositiveIntegerField("số phiếu giới thiệu", null=True, blank=True)
    poll_present = models.PositiveIntegerField("số có mặt khi lấy phiếu", null=True, blank=True)
    withdrawal_motion = models.ForeignKey(
        Motion, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="biểu quyết cho rút")

    class Meta:
        verbose_name = "người trong danh sách bầu cử"
        verbose_name_plural = "người trong danh sách bầu cử"
        ordering = ["name_sort_key", "id"]
        constraints = [models.UniqueConstraint(fields=["election_list", "member"], name="one_candidacy_per_list")]

    def __str__(self) -> str:
        return self.full_name


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Đang bỏ phiếu")
    COUNTING = "counting", _("Đang kiểm phiếu")
    LOCKED = "locked", _("Đã công bố")


class CountMethod(models.TextChoices):
    HAND = "hand", _("Nhập tổng số kiểm đếm tay")
    STATIONS = "stations", _("Nhập từng phiếu tại các máy")


class Round(models.Model):
    """One round (lần bầu): its own ballot, list version, frozen electorate, counts and minutes
    (190-QĐ/TW Art 30). ``result`` is the rules core's RoundResult as JSON (the ``daihoi tally``
    contract), written only when the counts are complete."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="rounds", verbose_name="cuộc bầu cử")
    number = models.PositiveSmallIntegerField("lần bầu")
    election_list = models.ForeignKey(ElectionList, on_delete=models.PROTECT, related_name="rounds")
    seats = models.PositiveSmallIntegerField("số lượng cần bầu lần này")
    snapshot = models.OneToOneField(ElectorateSnapshot, on_delete=models.PROTECT, related_name="election_round")
    status = models.CharField("trạng thái", max_length=12, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    issued = models.PositiveIntegerField("số phiếu phát ra", null=True, blank=True)
    collected = models.PositiveIntegerField("số phiếu thu vào", null=True, blank=True)
    method = models.CharField("cách kiểm phiếu", max_length=12, choices=CountMethod.choices, blank=True)
    station_count = models.PositiveSmallIntegerField("số máy nhập phiếu", default=2)
    totals = models.JSONField("tổng số kiểm đếm tay", null=True, blank=True)
    result = models.JSONField("kết quả", null=True, blank=True)
    opened_at = models.DateTimeField("giờ mở", auto_now_add=True)
    locked_at = models.DateTimeField("giờ công bố", null=True, blank=True)

    class Meta:
        verbose_name = "lần bầu"
        verbose_name_plural = "lần bầu"
        ordering = ["election", "number"]
        constraints = [models.UniqueConstraint(fields=["election", "number"], name="one_round_number")]

    def __str__(self) -> str:
        return f"Lần bầu {self.number} · {self.election}"


class BallotEntry(models.Model):
    """What one counting station read on one numbered ballot: the rows struck (strike form) or one
    mark per row (agree/disagree form), and the validity flags. Rows are 1-based ballot positions;
    nothing here identifies a voter."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    station = models.PositiveSmallIntegerField("máy")
    number = models.PositiveIntegerField("số phiếu")
    struck = models.JSONField("dòng bị gạch", default=list)
    marks = models.JSONField("đánh dấu", default=list)
    flags = models.JSONField("dấu hiệu", default=list)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "phiếu đã nhập"
        verbose_name_plural = "phiếu đã nhập"
        ordering = ["round", "number", "station"]
        constraints = [models.UniqueConstraint(fields=["round", "station", "number"], name="one_entry_per_station")]


class BallotResolution(models.Model):
    """The head's decision on a ballot the stations read differently: the reading that counts."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="resolutions")
    number = models.PositiveIntegerField("số phiếu")
    struck = models.JSONField("dòng bị gạch", default=list)
    marks = models.JSONField("đánh dấu", default=list)
    flags = models.JSONField("dấu hiệu", default=list)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "quyết định của trưởng ban kiểm phiếu"
        verbose_name_plural = "quyết định của trưởng ban kiểm phiếu"
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="one_resolution_per_ballot")]


class Recount(models.Model):
    """An explicit recount of a locked round: the announced result is kept here before the round
    goes back to counting."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="recounts")
    reason = models.CharField("lý do kiểm phiếu lại", max_length=300)
    previous_result = models.JSONField("kết quả đã công bố")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kiểm phiếu lại"
        verbose_name_plural = "kiểm phiếu lại"
        ordering = ["round", "requested_at"]


class AuditEntry(models.Model):
    """Every entry and decision of an election: who, at which station, when, what."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="audit")
    round = models.ForeignKey(Round, null=True, blank=True, on_delete=models.CASCADE, related_name="audit")
    station = models.PositiveSmallIntegerField("máy", null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("thời điểm", auto_now_add=True)
    action = models.CharField("việc", max_length=40)
    detail = models.JSONField("chi tiết", default=dict)

    class Meta:
        verbose_name = "nhật ký bầu cử"
        verbose_name_plural = "nhật ký bầu cử"
        ordering = ["at", "id"]
from daihoi.elections.scanning.models import BatchStatus, PageStatus, ScanBatch, ScannedBallot, ScanPage, ScanStatus  # noqa: E402,F401  issue 9
