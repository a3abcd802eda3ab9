"""The site bench/checkin_floor.py serves: daihoi itself, plus two pages that do nothing, to tell
what a check-in costs from what any request costs on the same machine. Not part of daihoi.

- ``/bench/hello/``: a bare WSGI answer; gunicorn alone, no Django.
- ``/bench/noop/``: a Django POST view behind the site's whole middleware, for a logged-in user
  with a CSRF token (what every scan also passes through), that reads nothing and writes nothing.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")

from django.conf import settings  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

django_application = get_wsgi_application()
settings.ROOT_URLCONF = __name__  # read on the first request, after this module is loaded


@require_POST
@login_required
def noop(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("bench/noop/", noop), path("", include("daihoi.urls"))]


def application(environ: dict, start_response):  # type: ignore[no-untyped-def]
    if environ.get("PATH_INFO") == "/bench/hello/":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]
    return django_application(environ, start_response)
