"""Atom feed and sitemap of the public news, for readers' feed apps and for search engines."""
from datetime import datetime

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from daihoi.news import selectors
from daihoi.news.models import Article, Category

FEED_SIZE = 30


class LatestNewsFeed(Feed):
    feed_type = Atom1Feed
    description_template = "news/feed_item.html"

    def title(self) -> str:
        return f"Tin mới nhất · {selectors.portal_name()}"

    def subtitle(self) -> str:
        return f"Tin tức của {selectors.portal_name()}"

    def link(self) -> str:
        return reverse("news:home")

    def items(self) -> QuerySet[Article]:
        return selectors.public_articles()[:FEED_SIZE]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_pubdate(self, item: Article) -> datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Article) -> datetime:
        return item.updated_at

    def item_categories(self, item: Article) -> list[str]:
        return [item.category.name] if item.category else []


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Article]:
        return selectors.public_articles().defer("body", "search_text")

    def lastmod(self, item: Article) -> datetime:
        return item.updated_at


class PortalSitemap(Sitemap):
    """The home page and every category page."""
    changefreq = "daily"

    def items(self) -> list[str | Category]:
        return ["news:home", *selectors.categories()]

    def location(self, item: str | Category) -> str:
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()


SITEMAPS = {"portal": PortalSitemap, "articles": ArticleSitemap}
