from django.urls import include, path

from daihoi.elections import views

app_name = "elections"
urlpatterns = [
    path("", views.index, name="index"),
    path("dai-hoi/<int:congress_id>/", views.congress_elections, name="congress"),
    path("<int:election_id>/", views.election_detail, name="election"),
    path("<int:election_id>/<slug:action>/", views.election_action, name="election_action"),
    path("ung-vien/<int:candidate_id>/<slug:action>/", views.candidate_action, name="candidate_action"),
    path("lan-bau/<int:round_id>/", views.round_detail, name="round"),
    path("lan-bau/<int:round_id>/phieu.pdf", views.ballots, name="ballots"),
    path("lan-bau/<int:round_id>/ket-qua/", views.results, name="results"),
    path("lan-bau/<int:round_id>/may/<int:station>/", views.station, name="station"),
    path("lan-bau/<int:round_id>/may/<int:station>/phieu/", views.entry, name="entry"),
    path("lan-bau/<int:round_id>/quet/", include("daihoi.elections.scanning.urls")),
    path("lan-bau/<int:round_id>/<slug:action>/", views.round_action, name="round_action"),
]
