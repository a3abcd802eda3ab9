from django import forms
from django.utils.translation import gettext_lazy as _

from daihoi.documents.models import SignerTitle


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp mẫu .docx"), widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))


class NumberForm(forms.Form):
    """A document's number from the office's register, and its date; both empty: the proposal."""

    key = forms.CharField(widget=forms.HiddenInput, max_length=120)
    number = forms.CharField(label=_("Số"), required=False, max_length=6)
    issued_on = forms.DateField(label=_("Ngày ban hành"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class SignerForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên người ký"), required=False, max_length=120)
    title = forms.ChoiceField(label=_("Chức danh"), choices=SignerTitle.choices)
