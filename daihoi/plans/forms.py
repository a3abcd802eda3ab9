"""Forms of the season screens: they parse input; the rules and the writes stay in services."""
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daihoi.accounts.models import Role, User
from daihoi.lib.forms import IdsChoiceField
from daihoi.organizations.models import Member
from daihoi.plans.models import DocumentKind, ElectedPerson, FollowUpItem, Plan, Step
from daihoi.plans.services import PlanInput

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def run_service(form: forms.Form, call: Callable[[], Any]) -> Any:
    """Call a service; its ValidationError lands on the form (on the named field when the form
    has it, else on top), so the user sees the Vietnamese message and nothing is written."""
    try:
        return call()
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            form.add_error(None, error)
        return None


class PlanForm(forms.ModelForm):
    file = forms.FileField(label=_("Tệp kế hoạch"), required=False, help_text=_("Bản chụp hoặc tệp Word/PDF của kế hoạch."))

    class Meta:
        model = Plan
        fields = ["number", "issued_on", "title", "term_start_year", "term_end_year", "window_start", "window_end",
                  "min_women_percent", "min_under_40_percent", "reelection_age_limit"]
        widgets = {"issued_on": DATE, "window_start": DATE, "window_end": DATE}

    def plan_input(self) -> PlanInput:
        return PlanInput(**{name: self.cleaned_data[name] for name in self.Meta.fields})


class ScheduleForm(forms.Form):
    scheduled_on = forms.DateField(label=_("Ngày đại hội"), required=False, widget=DATE)
    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), required=False, widget=TIME)
    ends_at = forms.TimeField(label=_("Giờ kết thúc dự kiến"), required=False, widget=TIME)
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=200)
    supervisors = IdsChoiceField(
        label=_("Đảng ủy viên dự, chỉ đạo"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=User.objects.filter(role=Role.SUPERVISOR, is_active=True).order_by("first_name", "username"))


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("Bước"), choices=Step.choices)
    done_on = forms.DateField(label=_("Ngày thực hiện"), widget=DATE, initial=lambda: timezone.localdate())
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=300)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=[c for c in DocumentKind.choices if c[0] != DocumentKind.PLAN])
    file = forms.FileField(label=_("Tệp"))


class PlanFileForm(forms.Form):
    file = forms.FileField(label=_("Tệp kế hoạch"))


class MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, member: Member) -> str:
        born = f" ({member.date_of_birth:%Y})" if member.date_of_birth else ""
        return f"{member.full_name}{born}"


class MemberChoices(IdsChoiceField):
    label_from_instance = MemberChoice.label_from_instance


class PersonnelForm(forms.Form):
    seats = forms.IntegerField(label=_("Số chi ủy viên cần bầu"), min_value=0, max_value=20, initial=0)
    slate = MemberChoices(label=_("Danh sách dự kiến chi ủy"), required=False, widget=forms.CheckboxSelectMultiple, queryset=Member.objects.none())
    secretary = MemberChoice(label=_("Dự kiến bí thư"), required=False, queryset=Member.objects.none())
    deputy = MemberChoice(label=_("Dự kiến phó bí thư"), required=False, queryset=Member.objects.none())

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("slate", "secretary", "deputy"):
            self.fields[name].queryset = members


# No branch counts more members or votes than this; a larger number from a forged form is a
# validation error rather than a database overflow.
MAX_COUNT = 100_000


class ResultForm(forms.Form):
    """Results typed from the paper minutes: attendance and D, then the votes of each person
    elected to the committee (empty for those not elected), the secretary and the deputy."""

    summoned = forms.IntegerField(label=_("Đảng viên chính thức được triệu tập"), min_value=1, max_value=MAX_COUNT)
    present = forms.IntegerField(label=_("Đảng viên chính thức có mặt"), min_value=0, max_value=MAX_COUNT)
    denominator = forms.IntegerField(label=_("Số đảng viên tính kết quả bầu cử (D)"), min_value=1, max_value=MAX_COUNT,
                                     help_text=_("Theo biên bản kiểm phiếu: số triệu tập trừ các trường hợp không tính (Điều 30 Quy chế 190)."))
    committee_seats = forms.IntegerField(label=_("Số chi ủy viên được bầu"), min_value=0, max_value=MAX_COUNT, initial=0)
    secretary = MemberChoice(label=_("Bí thư"), queryset=Member.objects.none())
    secretary_votes = forms.IntegerField(label=_("Số phiếu bầu bí thư"), min_value=0, max_value=MAX_COUNT)
    deputy = MemberChoice(label=_("Phó bí thư"), required=False, queryset=Member.objects.none())
    deputy_votes = forms.IntegerField(label=_("Số phiếu bầu phó bí thư"), min_value=0, max_value=MAX_COUNT, required=False)

    def __init__(self, *args: Any, members: list[Member], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        ids = [m.pk for m in members]
        for name in ("secretary", "deputy"):
            self.fields[name].queryset = Member.objects.filter(pk__in=ids)
        for member in members:
            self.fields[f"votes_{member.pk}"] = forms.IntegerField(label=member.full_name, min_value=0, max_value=MAX_COUNT,
                                                                  required=False)

    def vote_fields(self) -> list[forms.BoundField]:
        return [self[f"votes_{m.pk}"] for m in self.members]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("deputy") and data.get("deputy_votes") is None:
            self.add_error("deputy_votes", "Cần ghi số phiếu của phó bí thư.")
        return data

    def committee(self) -> list[tuple[Member, int]]:
        return [(m, self.cleaned_data[f"votes_{m.pk}"]) for m in self.members if self.cleaned_data.get(f"votes_{m.pk}") is not None]


class ApproveForm(forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định chuẩn y"), max_length=40, help_text=_("Ví dụ: 125-QĐ/ĐU"))
    decided_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE, initial=lambda: timezone.localdate())


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class FollowUpForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Việc"), queryset=FollowUpItem.objects.all())
    done_on = forms.DateField(label=_("Ngày hoàn thành"), widget=DATE, initial=lambda: timezone.localdate())
    file = forms.FileField(label=_("Văn bản kèm theo"), required=False, help_text=_("Tải lại lần nữa sẽ thành bản mới."))
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Its own ids: the preparation steps' form on the same page has a date and note too."""
        super().__init__(*args, auto_id="fu_%s", **kwargs)


class FollowUpUndoForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Việc"), queryset=FollowUpItem.objects.all(), widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Lý do bỏ đánh dấu"), max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, auto_id="undo_%s", **kwargs)


class DutyForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Chi ủy viên"), queryset=ElectedPerson.objects.all())
    areas = forms.CharField(label=_("Lĩnh vực phụ trách (mỗi dòng một lĩnh vực)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))


class FollowUpItemForm(forms.Form):
    item = forms.ModelChoiceField(label=_("Việc"), queryset=FollowUpItem.objects.all(), required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Việc cần làm"), max_length=200)
    due_days = forms.IntegerField(label=_("Hạn (số ngày sau đại hội)"), min_value=1, max_value=365)
    residential_only = forms.BooleanField(label=_("Chỉ chi bộ tổ dân phố"), required=False)
    document_kind = forms.ChoiceField(label=_("Văn bản kèm theo"), required=False,
                                      choices=[("", "—"), *[c for c in DocumentKind.choices if c[0] != DocumentKind.PLAN]])


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("Lý do khép lại khi còn chi bộ chưa hoàn thành"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))
