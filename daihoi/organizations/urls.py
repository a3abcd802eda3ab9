from django.urls import path

from daihoi.organizations import views

app_name = "organizations"
urlpatterns = [
    path("tong-quan/", views.overview, name="overview"),
    path("chi-bo/", views.branch_list, name="branch_list"),
    path("chi-bo/<int:branch_id>/", views.branch_detail, name="branch_detail"),
    path("dang-vien/", views.member_search, name="member_search"),
    path("dang-vien/nhap-excel/", views.member_import, name="member_import"),
    path("dang-vien/nhap-excel/xem-truoc/", views.member_import_preview_page, name="member_import_preview"),
    path("dang-vien/nhap-excel/xac-nhan/", views.member_import_confirm, name="member_import_confirm"),
    path("dang-vien/nhap-excel/mau.xlsx", views.member_import_template, name="member_import_template"),
    path("dang-vien/xuat-excel/", views.member_export, name="member_export"),
    path("chi-bo/<int:branch_id>/xuat-excel/", views.branch_member_export, name="branch_member_export"),
]
