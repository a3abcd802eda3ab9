from django.urls import path

from daihoi.congresses import views

app_name = "congresses"
urlpatterns = [
    path("", views.congress_list, name="list"),
    path("<int:congress_id>/", views.hall, name="hall"),
    path("<int:congress_id>/khai-be-mac/", views.proceedings_mark, name="proceedings_mark"),
    path("<int:congress_id>/trieu-tap/", views.summons, name="summons"),
    path("<int:congress_id>/trieu-tap/lap/", views.summons_build, name="summons_build"),
    path("<int:congress_id>/trieu-tap/<int:attendance_id>/vang-mat/", views.absence, name="absence"),
    path("<int:congress_id>/giay-trieu-tap/", views.summons_print, name="summons_print"),
    path("<int:congress_id>/diem-danh/", views.checkin, name="checkin"),
    path("<int:congress_id>/diem-danh/ma/", views.checkin_token, name="checkin_token"),
    path("<int:congress_id>/diem-danh/chon/", views.checkin_members, name="checkin_members"),
    path("<int:congress_id>/diem-danh/tim/", views.checkin_search, name="checkin_search"),
    path("<int:congress_id>/diem-danh/<int:attendance_id>/roi/", views.checkout, name="checkout"),
    path("<int:congress_id>/so-lieu/", views.counts, name="counts"),
    path("<int:congress_id>/co-quan/", views.bodies, name="bodies"),
    path("<int:congress_id>/co-quan/luu/", views.bodies_set, name="bodies_set"),
    path("<int:congress_id>/chuong-trinh/", views.agenda, name="agenda"),
    path("<int:congress_id>/chuong-trinh/sua/", views.agenda_edit, name="agenda_edit"),
    path("<int:congress_id>/chuong-trinh/hien-tai/", views.agenda_current, name="agenda_current"),
    path("<int:congress_id>/bieu-quyet/", views.motions, name="motions"),
    path("<int:congress_id>/bieu-quyet/mo/", views.motion_open, name="motion_open"),
    path("<int:congress_id>/bieu-quyet/<int:motion_id>/ket-qua/", views.motion_record, name="motion_record"),
    path("<int:congress_id>/bieu-quyet/<int:motion_id>/huy/", views.motion_cancel, name="motion_cancel"),
    path("<int:congress_id>/bien-ban/", views.minutes, name="minutes"),
    path("<int:congress_id>/bien-ban/luu/", views.minutes_save, name="minutes_save"),
    path("<int:congress_id>/tai-lieu/", views.documents, name="documents"),
    path("<int:congress_id>/tai-lieu/dang/", views.document_upload, name="document_upload"),
    path("<int:congress_id>/tai-lieu/<int:document_id>/", views.document_download, name="document_download"),
    path("<int:congress_id>/tai-lieu/<int:document_id>/go/", views.document_delete, name="document_delete"),
    path("<int:congress_id>/man-chieu/", views.projector, name="projector"),
    path("<int:congress_id>/man-chieu/trang-thai/", views.projector_state, name="projector_state"),
]
