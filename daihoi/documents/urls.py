from django.urls import path, re_path

from daihoi.documents import views

app_name = "documents"
urlpatterns = [
    path("dai-hoi/<int:congress_id>/", views.congress_documents, name="congress_documents"),
    path("dai-hoi/<int:congress_id>/ho-so.zip", views.congress_file, name="congress_file"),
    path("dai-hoi/<int:congress_id>/so-van-ban/", views.congress_number, name="congress_number"),
    path("ke-hoach/<int:plan_id>/", views.season_documents, name="season_documents"),
    path("ke-hoach/<int:plan_id>/so-van-ban/", views.season_number, name="season_number"),
    path("mau/nguoi-ky/", views.ward_signer, name="ward_signer"),
    re_path(r"^dai-hoi/(?P<congress_id>\d+)/(?P<key>[a-z0-9_-]+)\.(?P<fmt>docx|pdf)$", views.congress_document,
            name="congress_document"),
    re_path(r"^ke-hoach/(?P<plan_id>\d+)/bao-cao\.(?P<fmt>docx|pdf)$", views.season_report, name="season_report"),
    path("mau/", views.templates, name="templates"),
    path("mau/<slug:kind>.docx", views.template_download, name="template_download"),
    path("mau/<slug:kind>/tai-len/", views.template_upload, name="template_upload"),
    path("mau/<slug:kind>/xoa/", views.template_reset, name="template_reset"),
]
