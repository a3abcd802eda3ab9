"""Changes leave an audit entry (who, when, before, after) written in the same transaction, and
the ward office reads them, with the elections' own trail, on one screen with filters."""
from typing import Any

from daihoi.audit.models import AuditEntry


def test_publishing_an_article_is_recorded_with_before_and_after(make_article: Any, ward_office_user: Any) -> None:
    article = make_article("Tin có nhật ký")
    entry = AuditEntry.objects.get(model="news.Article", object_id=str(article.pk), action="article_publish")
    assert entry.user == ward_office_user
    assert entry.before["status"] == "draft" and entry.after["status"] == "published"


def test_the_ward_office_reads_both_trails_and_filters_them(world: Any, client: Any) -> None:
    client.force_login(world.users["ward"])
    page = client.get("/nhat-ky/").content.decode()
    assert "article_publish" in page and "round_open" in page
    only_news = client.get("/nhat-ky/", {"loai": "news.Article"}).content.decode()
    assert "article_publish" in only_news and "round_open" not in only_news
    assert "round_open" not in client.get("/nhat-ky/", {"nguoi": "khong-co-ai"}).content.decode()
    assert client.get("/nhat-ky/", {"ngay": "khong-phai-ngay"}).status_code == 200


def test_the_trail_is_for_the_ward_office_only(world: Any, client: Any) -> None:
    client.force_login(world.users["secretary"])
    assert client.get("/nhat-ky/").status_code == 403
