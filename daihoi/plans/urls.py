from django.urls import path

from daihoi.plans import api, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("ke-hoach/moi/", views.plan_create, name="plan_create"),
    path("ke-hoach/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:plan_id>/van-ban/", views.plan_document, name="plan_document"),
    path("ke-hoach/<int:plan_id>/lich/", views.plan_calendar, name="plan_calendar"),
    path("ke-hoach/<int:plan_id>/bao-cao.xlsx", views.plan_report_xlsx, name="plan_report_xlsx"),
    path("ke-hoach/<int:plan_id>/bao-cao.json", views.plan_report_json, name="plan_report_json"),
    path("ke-hoach/<int:plan_id>/sau-dai-hoi/", views.plan_after, name="plan_after"),
    path("ke-hoach/<int:plan_id>/sau-dai-hoi/viec/", views.plan_follow_up_item, name="plan_follow_up_item"),
    path("ke-hoach/<int:plan_id>/khep-lai/", views.plan_close, name="plan_close"),
    path("van-ban/<int:plan_document_id>/", views.plan_document_file, name="plan_document_file"),
    path("cua-toi/", views.my_congress, name="my_congress"),
    path("chi-bo/<int:congress_id>/", views.congress_detail, name="congress_detail"),
    path("chi-bo/<int:congress_id>/lich/", views.congress_schedule, name="congress_schedule"),
    path("chi-bo/<int:congress_id>/buoc/", views.congress_step, name="congress_step"),
    path("chi-bo/<int:congress_id>/van-ban/", views.congress_document, name="congress_document"),
    path("chi-bo/<int:congress_id>/sau-dai-hoi/", views.congress_follow_up, name="congress_follow_up"),
    path("chi-bo/<int:congress_id>/sau-dai-hoi/bo-danh-dau/", views.congress_follow_up_undo, name="congress_follow_up_undo"),
    path("sau-dai-hoi/", views.after_latest, name="after_latest"),
    path("chi-bo/<int:congress_id>/phan-cong/", views.congress_duty, name="congress_duty"),
    path("chi-bo/<int:congress_id>/nhan-su/", views.congress_personnel, name="congress_personnel"),
    path("chi-bo/<int:congress_id>/ket-qua/", views.congress_results, name="congress_results"),
    path("chi-bo/<int:congress_id>/chuan-y/", views.congress_approve, name="congress_approve"),
    path("chi-bo/<int:congress_id>/tra-lai/", views.congress_return, name="congress_return"),
    path("api/openapi.json", api.openapi, name="api_openapi"),
    path("api/plans/", api.plans, name="api_plans"),
    path("api/plans/<int:plan_id>/", api.plan, name="api_plan"),
    path("api/plans/<int:plan_id>/congresses/", api.plan_congresses, name="api_plan_congresses"),
    path("api/congresses/<int:congress_id>/", api.congress, name="api_congress"),
]
