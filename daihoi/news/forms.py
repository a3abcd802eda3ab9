"""Editorial forms. They only parse input; the sanitizing and the checks are in services.py,
photos.py and richtext.py, whatever the form."""
from django import forms
from django.utils.translation import gettext_lazy as _

from daihoi.news.models import Category
from daihoi.news.photos import ACCEPTED_FORMATS
from daihoi.plans.models import Plan


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), max_length=300, widget=forms.TextInput(attrs={"class": "wide"}))
    summary = forms.CharField(label=_("Tóm tắt (sapo)"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 3, "class": "wide"}))
    category = forms.ModelChoiceField(label=_("Chuyên mục"), queryset=Category.objects.all(), required=False,
                                      empty_label=_("— Không chọn —"))
    body = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 22, "class": "wide body-editor"}),
        help_text=_("Gõ văn bản thường (cách đoạn bằng một dòng trống) hoặc HTML đơn giản: <p>, <strong>, <em>, "
                    "<h2>, <ul>/<ol>, <a>, <blockquote>, bảng. Đặt ảnh bằng một đoạn riêng [ảnh 1], [ảnh 2]… "
                    "Mã lệnh và định dạng lạ sẽ bị loại bỏ khi lưu."))


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Thời điểm đăng"), required=False, input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Để trống để đăng ngay; chọn một thời điểm sau này để hẹn giờ đăng."))


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Ảnh"), widget=forms.ClearableFileInput(
        attrs={"accept": ",".join(f"image/{kind.lower()}" for kind in sorted(ACCEPTED_FORMATS))}))
    caption = forms.CharField(label=_("Chú thích ảnh"), required=False, max_length=500,
                              widget=forms.TextInput(attrs={"class": "wide"}))


class CaptionForm(forms.Form):
    caption = forms.CharField(label=_("Chú thích ảnh"), required=False, max_length=500)


class DraftFromPlanForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Đợt đại hội"), queryset=Plan.objects.order_by("-window_start"),
                                  empty_label=None)
