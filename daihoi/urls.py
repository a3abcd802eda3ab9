from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from daihoi.accounts.login import login_view
from daihoi.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("dang-nhap/", login_view, name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    path("", include("daihoi.organizations.urls")),
    path("dai-hoi/", include("daihoi.plans.urls")),
    path("hoi-truong/", include("daihoi.congresses.urls")),
    path("bau-cu/", include("daihoi.elections.urls")),
    path("van-ban/", include("daihoi.documents.urls")),
    path("tin-tuc/", include("daihoi.news.urls")),
    path("nhat-ky/", include("daihoi.audit.urls")),
] + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
