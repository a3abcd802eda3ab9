"""HTTP hardening that Django's own settings do not cover: a Content-Security-Policy on every page.

No page runs inline script (behaviours live in static files: daihoi/static/*/*.js), so scripts
may come from this site only; a stolen page fragment cannot run code. Style *attributes* stay
allowed (``style-src-attr``): the bars and charts size themselves with ``style="width: …"``,
which cannot run code. Nothing loads from another origin (the system runs offline) and no other
site may frame the pages.
"""
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))


class ContentSecurityPolicyMiddleware:
    """Adds the policy to HTML responses (files and PDFs are left to the browser's viewer)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
