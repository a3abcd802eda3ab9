"""The view count: once per visitor per article per few hours, bots ignored, and no increment
lost under concurrency (one UPDATE … SET view_count = view_count + 1 per counted view).

The article page is kept for all anonymous readers (pages.py), so the reader's browser counts
itself through the beacon: news/views.js fetches ``news:seen``, a browser without JavaScript
loads the <noscript> image ``news:seen_image``."""
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from daihoi.news import services
from daihoi.news.models import Article

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def _views(article: Article) -> int:
    return Article.objects.get(pk=article.pk).view_count


def _read(client, article: Article, agent: str = BROWSER, *, script: bool = True):
    """A reader opens the article and their browser asks the beacon, as the page tells it to."""
    page = client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent).content.decode()
    name = "news:seen" if script else "news:seen_image"
    beacon = reverse(name, args=[article.pk])
    assert (f'data-view-beacon="{beacon}"' if script else f'<noscript><img class="view-beacon" src="{beacon}"') in page
    return client.get(beacon, HTTP_USER_AGENT=agent)


def test_opening_the_page_alone_counts_nobody(client, make_article) -> None:
    article = make_article()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(article) == 0


def test_the_beacon_counts_a_reader_and_answers_the_count_to_show(client, make_article) -> None:
    article = make_article()
    response = _read(client, article)
    assert response.json() == {"views": 1} and "no-store" in response["Cache-Control"]
    assert _views(article) == 1


def test_a_reader_is_counted_once_even_when_reloading(client, make_article) -> None:
    article = make_article()
    answers = [_read(client, article).json()["views"] for _ in range(3)]
    assert answers == [1, 1, 1] and _views(article) == 1


def test_a_reader_without_javascript_is_counted_once_by_the_image(client, make_article) -> None:
    article = make_article()
    for _ in range(2):
        response = _read(client, article, script=False)
        assert response["Content-Type"] == "image/gif" and response.content.startswith(b"GIF89a")
    assert _views(article) == 1


def test_the_script_and_the_image_of_one_reader_count_once(client, make_article) -> None:
    article = make_article()
    _read(client, article, script=False)
    client.cookies.clear()
    _read(client, article)
    assert _views(article) == 1


def test_a_reader_refusing_cookies_is_still_counted_once(client, make_article) -> None:
    article = make_article()
    for _ in range(3):
        client.cookies.clear()
        _read(client, article)
    assert _views(article) == 1


def test_different_readers_are_each_counted(client, make_article) -> None:
    article = make_article()
    for n in range(3):
        client.cookies.clear()
        _read(client, article, f"{BROWSER} reader/{n}")
    assert _views(article) == 3


@pytest.mark.parametrize("agent", ["Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1",
                                   "curl/8.5.0", "python-requests/2.31", "Mozilla/5.0 (compatible; bingbot/2.0)", ""])
def test_bots_and_scripts_are_not_counted(client, make_article, agent: str) -> None:
    article = make_article()
    assert _read(client, article, agent).json() == {"views": 0}
    _read(client, article, agent, script=False)
    assert _views(article) == 0


def test_the_beacon_of_an_article_that_is_not_public_counts_nothing(client, make_article) -> None:
    draft = make_article(publish=False)
    for name in ["news:seen", "news:seen_image"]:
        assert client.get(reverse(name, args=[draft.pk]), HTTP_USER_AGENT=BROWSER).status_code == 404
    assert _views(draft) == 0


def test_the_beacon_takes_no_post(client, make_article) -> None:
    article = make_article()
    assert client.post(reverse("news:seen", args=[article.pk]), HTTP_USER_AGENT=BROWSER).status_code == 405
    assert _views(article) == 0


def test_the_same_reader_counts_again_in_a_later_window(make_article) -> None:
    article = make_article()
    now = timezone.now()
    visitor = services.visitor_key(address="10.0.0.1", user_agent=BROWSER)
    assert services.article_count_view(article_id=article.pk, visitor=visitor, now=now)
    assert not services.article_count_view(article_id=article.pk, visitor=visitor, now=now)
    later = now + timedelta(seconds=services.VIEW_WINDOW_SECONDS)
    assert services.article_count_view(article_id=article.pk, visitor=visitor, now=later)
    assert _views(article) == 2


@pytest.mark.django_db(transaction=True)
def test_n_concurrent_first_visits_give_exactly_n(make_article) -> None:
    """Threads on PostgreSQL (DATABASE_URL); SQLite serializes writers, so there it runs in turn."""
    article, readers = make_article(), 24
    now = timezone.now()

    def visit(n: int) -> None:
        try:
            services.article_count_view(article_id=article.pk, visitor=f"reader-{n}", now=now)
            services.article_count_view(article_id=article.pk, visitor=f"reader-{n}", now=now)  # a reload
        finally:
            connection.close()

    if connection.vendor == "postgresql":
        threads = [threading.Thread(target=visit, args=(n,)) for n in range(readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        for n in range(readers):
            visit(n)
    assert _views(article) == readers
