from django import forms


class TemplateUploadForm(forms.Form):
    file = forms.FileField(label="Tệp mẫu .docx", widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))
