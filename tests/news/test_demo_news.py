"""The demo portal: categories, ward news with drawn photos, and the 2022–2025 season article
written by the generator; a second run changes nothing."""
from daihoi.news import demo
from daihoi.news.models import Article, Photo
from daihoi.news.selectors import public_articles


def test_the_demo_publishes_the_season_article_and_ward_news_once(make_season, ward_office_user) -> None:
    plan = make_season()
    demo.demo_build()
    demo.demo_build()
    season = Article.objects.get(source_plan=plan)
    assert season.title.startswith("Đại hội các chi bộ nhiệm kỳ 2022–2025")
    assert season.publish_at.date().isoformat() == "2022-09-02"  # twelve days after the last congress (21/8)
    assert season.photos.count() == 2 and all(photo.caption for photo in season.photos.all())
    assert public_articles().count() == len(demo.NEWS) + 1
    assert Photo.objects.count() == 2 + sum(1 for entry in demo.NEWS if entry[-1])


def test_the_demo_skips_the_season_article_when_there_is_no_plan(ward_office_user) -> None:
    assert demo.demo_build() == {}
    assert not Article.objects.filter(source_plan__isnull=False).exists()
