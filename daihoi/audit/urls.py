from django.urls import path

from daihoi.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.trail, name="trail"),
    path("lan-bau/<int:round_id>.json", views.round_file, name="round_file"),
]
