"""Whole public pages kept for anonymous readers, so a burst of readers (an article shared in the
ward's Zalo group) costs no database query and no template rendering per request.

Why these choices:

- **Who gets a kept page.** Only a GET with neither a session nor a messages cookie: every
  logged-in user has a session cookie, so the ward office always sees a fresh page (with its
  "Sửa bài" link), and a page can never carry someone's flash message or name to others.
- **What makes a page different.** The address with its query string (``next`` of the language
  switch repeats it), the language chosen by LocaleMiddleware, the scheme and the host (the
  canonical and Open Graph addresses hold them; ``get_host`` refuses hosts outside ALLOWED_HOSTS,
  so nobody can plant a page under a forged host) and the portal's *version*.
- **Invalidation.** Any change to what the public sees (save, publish, withdraw, photo) moves
  the version on once the transaction commits (after, so that no worker can keep a page read from
  the rows of before under the new version). Every kept page of every worker then misses at once:
  a change also moves the related news and the latest-news lists of other pages, and writes come
  a few times a day. A kept page otherwise lives ``PAGE_SECONDS`` (which bounds how late the
  view count shown without JavaScript and the masthead's ward name can be), and never past the
  moment the next scheduled article goes public, so the lists show it on time.
- **Which cache.** Pages live in each gunicorn worker's memory (LocMem, alias ``pages``): no disk
  I/O and no network on the hot path, and a worker renders a page at most once a minute, so
  sharing pages between workers would save nothing worth a dependency. Only the version must be
  the same in every worker; it is one small file in the data folder (FileBasedCache, alias
  ``shared``), read per request in some microseconds. No Redis or memcached: the system runs on
  one laptop, offline.
- **CSRF.** The page's forms (the language switch) need each reader's own token. The kept copy
  holds a placeholder instead of the token of the reader it was rendered for; serving it puts in
  the token of the reader being served (``get_token``, which also sets their CSRF cookie).
"""
import hashlib
import math
import re
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from daihoi.news import selectors

PAGE_SECONDS = 60
VERSION_KEY = "news:pages:version"
TOKEN_PLACEHOLDER = b"__daihoi_csrf_token_of_this_reader__"
# What {% csrf_token %} renders (django.template.defaulttags.CsrfTokenNode).
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


def kept_for_readers(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve anonymous readers the kept page, and keep what the view renders for them."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = _page_key(request) if _anonymous_reader(request) else None
        if key is not None:
            kept = caches["pages"].get(key)
            if kept is not None:
                return _serve(request, *kept)
        response = view(request, *args, **kwargs)
        if key is not None and _may_keep(request, response):
            placeholder = TOKEN_FIELD.sub(rb"\g<1>" + TOKEN_PLACEHOLDER + rb"\g<2>", response.content)
            caches["pages"].set(key, (placeholder, response["Content-Type"]), _seconds_to_keep())
        return response

    return wrapped


def pages_changed() -> None:
    """What the public sees has changed: after the commit, no kept page is served any more."""
    transaction.on_commit(_new_version)


def version() -> str:
    """The portal's version: a cached fragment that lists other articles (related news) is keyed
    on it too, so it changes with the pages."""
    return caches["shared"].get(VERSION_KEY, "")


def _new_version() -> None:
    caches["shared"].set(VERSION_KEY, secrets.token_hex(8), None)


def _anonymous_reader(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (request.method == "GET" and settings.SESSION_COOKIE_NAME not in cookies
            and CookieStorage.cookie_name not in cookies)


def _page_key(request: HttpRequest) -> str:
    what = "\n".join([version(), request.LANGUAGE_CODE, request.scheme, request.get_host(), request.get_full_path()])
    return "news:page:" + hashlib.sha256(what.encode()).hexdigest()


def _may_keep(request: HttpRequest, response: HttpResponse) -> bool:
    """A plain page rendered for nobody in particular: no redirect or error, no cookie of its own."""
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and not request.user.is_authenticated)


def _seconds_to_keep() -> int:
    scheduled = selectors.next_publication()
    if scheduled is None:
        return PAGE_SECONDS
    return max(1, min(PAGE_SECONDS, math.ceil((scheduled - timezone.now()).total_seconds())))


def _serve(request: HttpRequest, content: bytes, content_type: str) -> HttpResponse:
    if TOKEN_PLACEHOLDER in content:
        content = content.replace(TOKEN_PLACEHOLDER, get_token(request).encode())
    return HttpResponse(content, content_type=content_type)
