from django.urls import path

from daihoi.elections.scanning import views

app_name = "scanning"
urlpatterns = [
    path("", views.scan_round, name="round"),
    path("tien-do/", views.progress, name="progress"),
    path("tai-len/", views.upload, name="upload"),
    path("phieu/<int:ballot_id>/", views.review, name="review"),
    path("phieu/<int:ballot_id>/anh.jpg", views.image, name="image"),
]
