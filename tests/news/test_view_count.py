"""The view count: once per visitor per article per few hours, bots ignored, and no increment
lost under concurrency (one UPDATE … SET view_count = view_count + 1 per counted view)."""
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from daihoi.news import services
from daihoi.news.models import Article

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def _views(article: Article) -> int:
    return Article.objects.get(pk=article.pk).view_count


def test_a_reader_is_counted_once_even_when_reloading(client, make_article) -> None:
    article = make_article()
    for _ in range(3):
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(article) == 1


def test_a_reader_refusing_cookies_is_still_counted_once(client, make_article) -> None:
    article = make_article()
    for _ in range(3):
        client.cookies.clear()
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(article) == 1


def test_different_readers_are_each_counted(client, make_article) -> None:
    article = make_article()
    for n in range(3):
        client.cookies.clear()
        client.get(article.get_absolute_url(), HTTP_USER_AGENT=f"{BROWSER} reader/{n}")
    assert _views(article) == 3


@pytest.mark.parametrize("agent", ["Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1",
                                   "curl/8.5.0", "python-requests/2.31", "Mozilla/5.0 (compatible; bingbot/2.0)", ""])
def test_bots_and_scripts_are_not_counted(client, make_article, agent: str) -> None:
    article = make_article()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent)
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
