from django.contrib.sitemaps.views import sitemap
from django.urls import path

from daihoi.news import views
from daihoi.news.feeds import SITEMAPS, LatestNewsFeed

app_name = "news"
urlpatterns = [
    path("", views.home, name="home"),
    path("chuyen-muc/<slug:slug>/", views.category, name="category"),
    path("tim-kiem/", views.search, name="search"),
    path("<int:pk>/", views.article_by_id, name="article_by_id"),
    path("<int:pk>/<slug:slug>/", views.article, name="article"),
    # A dot is never in a slug, so no article's address can take these.
    path("<int:pk>/luot-xem.json", views.article_seen, name="seen"),
    path("<int:pk>/luot-xem.gif", views.article_seen, {"image": True}, name="seen_image"),
    path("atom.xml", LatestNewsFeed(), name="feed"),
    path("anh/<path:path>", views.photo_file, name="photo_file"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("soan-tin/", views.desk, name="desk"),
    path("soan-tin/moi/", views.article_new, name="new"),
    path("soan-tin/tu-dot-dai-hoi/", views.draft_from_plan, name="draft_from_plan"),
    path("soan-tin/<int:pk>/", views.article_edit, name="edit"),
    path("soan-tin/<int:pk>/xem-truoc/", views.article_preview, name="preview"),
    path("soan-tin/<int:pk>/dang/", views.article_publish, name="publish"),
    path("soan-tin/<int:pk>/gui-duyet/", views.article_submit, name="submit"),
    path("soan-tin/<int:pk>/go-bai/", views.article_withdraw, name="withdraw"),
    path("soan-tin/<int:pk>/anh/", views.photo_add, name="photo_add"),
    path("soan-tin/anh/<int:photo_id>/", views.photo_caption, name="photo_caption"),
    path("soan-tin/anh/<int:photo_id>/xoa/", views.photo_delete, name="photo_delete"),
]
