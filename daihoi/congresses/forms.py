"""Input forms of the hall: they only parse and bound what was typed; rules live in services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from daihoi.congresses.models import DocumentKind, MotionKind, Proceedings
from daihoi.lib.forms import MAX_ID

_COUNT = {"min_value": 0, "max_value": 100_000, "initial": 0}


class MotionOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại biểu quyết"), choices=MotionKind.choices)
    title = forms.CharField(label=_("Nội dung biểu quyết"), max_length=300, required=False,
                            help_text=_("Để trống thì dùng tên loại biểu quyết."))


class MotionRecordForm(forms.Form):
    agree = forms.IntegerField(label=_("Tán thành"), **_COUNT)
    disagree = forms.IntegerField(label=_("Không tán thành"), **_COUNT)
    abstain = forms.IntegerField(label=_("Không biểu quyết"), **_COUNT)


class SpeakerForm(forms.Form):
    member_id = forms.IntegerField(label=_("Đảng viên xin phát biểu"), min_value=1, max_value=MAX_ID)
    topic = forms.CharField(label=_("Nội dung phát biểu"), max_length=300, required=False)


class TimerForm(forms.Form):
    action = forms.ChoiceField(label=_("Việc"), choices=[("start", _("Bắt đầu")), ("pause", _("Tạm dừng")), ("stop", _("Kết thúc lượt"))])
    minutes = forms.IntegerField(label=_("Số phút mỗi lượt"), min_value=1, max_value=60, required=False)
    speaker = forms.IntegerField(label=_("Người phát biểu"), min_value=1, max_value=MAX_ID, required=False)


class AbsenceForm(forms.Form):
    reason = forms.CharField(label=_("Lý do vắng mặt"), max_length=300, required=False)
    accepted = forms.BooleanField(label=_("Lý do được chấp nhận"), required=False)


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Proceedings
        fields = ["guests", "political_report_summary", "self_review_summary", "discussion_summary", "upper_committee_speech"]
        widgets = {name: forms.Textarea(attrs={"rows": 4, "cols": 80}) for name in fields}


class AgendaForm(forms.Form):
    items = forms.CharField(label=_("Các mục, mỗi dòng một mục"), widget=forms.Textarea(attrs={"rows": 14, "cols": 80}))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=200)
    file = forms.FileField(label=_("Tệp (PDF, Word, ODT, TXT; tối đa 20 MB)"))


def first_error(form: forms.Form) -> str:
    """One readable Vietnamese sentence for the first problem of a form."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        return f"{label}: {errors[0]}" if label else str(errors[0])
    return ""
