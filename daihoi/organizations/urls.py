from django.urls import path

from daihoi.organizations import views

app_name = "organizations"
urlpatterns = [
    path("tong-quan/", views.overview, name="overview"),
    path("chi-bo/", views.branch_list, name="branch_list"),
    path("chi-bo/<int:branch_id>/", views.branch_detail, name="branch_detail"),
    path("dang-vien/", views.member_search, name="member_search"),
]
