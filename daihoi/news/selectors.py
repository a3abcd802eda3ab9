"""Reads of the news portal: what the public may see, the editor's lists, and the facts of a
season for the drafted article."""
from datetime import date, datetime
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from daihoi.accounts.models import User
from daihoi.lib.text import fold
from daihoi.news.drafting import FollowUpCount, SeasonFacts
from daihoi.news.models import Article, ArticleStatus, Category, Photo
from daihoi.news.richtext import place_photos
from daihoi.organizations.selectors import installation_ward
from daihoi.plans.models import Congress, Plan
from daihoi.plans.selectors import HELD_STATUSES, season_report
from daihoi.rules.names import sort_key

PAGE_SIZE = 10
RELATED_COUNT = 5


def public_articles() -> QuerySet[Article]:
    """Published articles whose time has come, newest first; a scheduled one stays out until then."""
    return (Article.objects.filter(status=ArticleStatus.PUBLISHED, publish_at__lte=timezone.now())
            .select_related("category").order_by("-publish_at", "-id"))


def public_view_count(article_id: int) -> int | None:
    """The view count of a public article (None: no such public article). Asked by every
    reader's beacon, so one plain query: no join, no ordering."""
    counts = public_articles().filter(pk=article_id).select_related(None).order_by()
    return next(iter(counts.values_list("view_count", flat=True)), None)


def next_publication() -> datetime | None:
    """When the next scheduled article goes public: until then the public lists cannot change by
    themselves (pages.py keeps no page past it)."""
    return (Article.objects.filter(status=ArticleStatus.PUBLISHED, publish_at__gt=timezone.now())
            .order_by("publish_at").values_list("publish_at", flat=True).first())


def search_articles(query: str) -> QuerySet[Article]:
    """Every word of the query, with or without diacritics, in the title, summary or body."""
    articles = public_articles()
    for word in fold(query).split():
        articles = articles.filter(search_text__contains=word)
    return articles


def related_articles(article: Article) -> QuerySet[Article]:
    """Latest other public articles, from the same category first."""
    others = public_articles().exclude(pk=article.pk).defer("body", "search_text")
    if article.category_id:
        same = others.filter(category_id=article.category_id)
        if same.exists():
            return same[:RELATED_COUNT]
    return others[:RELATED_COUNT]


def categories() -> QuerySet[Category]:
    return Category.objects.all()


def portal_name() -> str:
    """The ward shown in the portal's masthead: the (single) party committee of this install.
    Kept a minute in the cache: it is on every public page and changes once in years."""
    def read() -> str:
        committee = installation_ward()
        return committee.name if committee else "Tin tức"

    return cache.get_or_set("news:portal_name", read, 60)


def is_public(article: Article) -> bool:
    return article.status == ArticleStatus.PUBLISHED and article.publish_at is not None and article.publish_at <= timezone.now()


def article_content(article: Article, *, preview: bool) -> dict[str, Any]:
    """What the article page shows besides its title and counter. The page template asks for it
    only when its cached fragment has expired (the fragment is keyed on the article's updated_at)."""
    photos = article_photos(article)
    body, extra_figures = article_body(article, photos, preview=preview)
    return {"photos": photos, "body": body, "extra_figures": extra_figures}


def article_photos(article: Article) -> list[Photo]:
    return list(article.photos.all())


def article_body(article: Article, photos: list[Photo], *, preview: bool) -> tuple[SafeString, list[SafeString]]:
    """The stored (already sanitized) body with its photo slots filled, and the photos left over."""
    figures = [render_to_string("news/_figure.html", {"photo": photo}) for photo in photos]
    body, rest = place_photos(article.body, figures, show_empty_slots=preview)
    return mark_safe(body), [mark_safe(figure) for figure in rest]  # noqa: S308 - sanitized on save


def editor_articles() -> QuerySet[Article]:
    return Article.objects.select_related("category", "author").defer("body", "search_text").order_by("-updated_at")


def draftable_plans() -> QuerySet[Plan]:
    return Plan.objects.order_by("-window_start")


def season_facts(plan: Plan) -> SeasonFacts:
    """The facts the drafted article states: counts and days from the plans app's season report,
    the attending committee members from the congresses that were held."""
    report = season_report(plan)
    totals: dict[str, int] = report["totals"]  # type: ignore[assignment]
    held_days = sorted(date.fromisoformat(row["date"]) for row in report["branches"]  # type: ignore[attr-defined]
                       if row["status"] in HELD_STATUSES and row["date"])
    previous = (Plan.objects.filter(party_committee=plan.party_committee, window_start__lt=plan.window_start)
                .order_by("-window_start").first())
    return SeasonFacts(
        ward_name=plan.party_committee.name, plan_number=plan.number, plan_issued_on=plan.issued_on, term=plan.term,
        previous_term=previous.term if previous else None,
        window_start=plan.window_start, window_end=plan.window_end,
        first_held_on=held_days[0] if held_days else None, last_held_on=held_days[-1] if held_days else None,
        branches_total=totals["branches"], branches_held=totals["held"], branches_approved=totals["approved"],
        supervisors=_supervisor_names(Congress.objects.filter(plan=plan, status__in=HELD_STATUSES)),
        follow_up=[FollowUpCount(title=item["title"], done=item["done"], applies=item["applies"])
                   for item in report["after"]["items"]],  # type: ignore[index]
        compared=report["after"]["compared"], as_planned=report["after"]["as_planned"],  # type: ignore[index]
    )


def _supervisor_names(congresses: QuerySet[Congress]) -> list[str]:
    """Names in the Vietnamese A-B-C order (given name first), as lists of people are printed."""
    users = User.objects.filter(supervised_congresses__in=congresses).distinct()
    return sorted((user.get_full_name() or user.username for user in users), key=sort_key)

