"""The public pages need no login: latest news (paginated), categories, the article page, search,
the Atom feed, the sitemap and the social/SEO tags; anonymous visitors land on the news."""
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from daihoi.news.models import Category
from daihoi.news.selectors import PAGE_SIZE

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_an_anonymous_visitor_of_the_site_root_lands_on_the_latest_news(client, db) -> None:
    response = client.get("/")
    assert response.status_code == 302 and response.url == reverse("news:home")


def test_a_logged_in_user_still_starts_from_their_own_screen(client_for, member_user) -> None:
    assert client_for(member_user).get("/").status_code == 200


def test_the_latest_news_are_paginated_newest_first(client, make_article) -> None:
    for day in range(1, PAGE_SIZE + 3):
        make_article(f"Tin ngày {day:02d}", publish=datetime(2024, 3, day, 8, 0, tzinfo=HANOI))
    first = client.get(reverse("news:home")).content.decode()
    assert "Tin mới nhất" in first and "Tin ngày 12" in first and "Tin ngày 02" not in first
    assert first.index("Tin ngày 12") < first.index("Tin ngày 11")
    second = client.get(reverse("news:home"), {"trang": 2}).content.decode()
    assert "Tin ngày 02" in second and "Tin ngày 01" in second and "Trang 2/2" in second


def test_a_category_page_lists_only_its_articles(client, make_article) -> None:
    party = Category.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")
    make_article("Hội nghị chi bộ", category=party)
    make_article("Ngày hội thể thao")
    page = client.get(party.get_absolute_url()).content.decode()
    assert "Hội nghị chi bộ" in page and "Ngày hội thể thao" not in page


def test_the_article_page_shows_date_views_body_photos_and_related_news(client, make_article) -> None:
    make_article("Tin cũ hơn", publish=datetime(2022, 9, 1, 9, 0, tzinfo=HANOI))
    article = make_article("Đại hội thành công", "<p>Nội dung chính.</p>", summary="Tóm tắt ngắn.",
                           publish=datetime(2022, 9, 23, 16, 58, tzinfo=HANOI))
    client.get(reverse("news:seen", args=[article.pk]), HTTP_USER_AGENT="Mozilla/5.0")  # one reader before
    page = client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0").content.decode()
    assert "Ngày đăng" in page and "23/09/2022 | 16:58" in page
    assert re.search(r"Lượt xem:\s*<span class=\"view-count\" data-view-beacon=\"[^\"]+\">1</span>", page)
    assert "<p>Nội dung chính.</p>" in page and "Tin liên quan" in page and "Tin cũ hơn" in page


def test_an_article_address_without_its_slug_redirects_to_the_full_one(client, make_article) -> None:
    article = make_article("Tin có địa chỉ")
    response = client.get(reverse("news:article_by_id", args=[article.pk]))
    assert response.status_code == 301 and response.url == article.get_absolute_url() == f"/tin-tuc/{article.pk}/tin-co-dia-chi/"


def test_the_article_page_carries_social_and_seo_tags(client, make_article) -> None:
    article = make_article("Tin chia sẻ", summary="Mô tả cho mạng xã hội.")
    page = client.get(article.get_absolute_url()).content.decode()
    for tag in ['property="og:title" content="Tin chia sẻ"', 'property="og:type" content="article"',
                'property="og:description" content="Mô tả cho mạng xã hội."', 'name="description"',
                'rel="canonical"', 'property="article:published_time"', 'type="application/atom+xml"']:
        assert tag in page, tag


def test_search_finds_words_with_or_without_diacritics(client, make_article) -> None:
    make_article("Đại hội Chi bộ Tổ dân phố số 5")
    make_article("Ngày hội đọc sách")
    for query in ["đại hội", "dai hoi", "DAI HOI to dan pho"]:
        page = client.get(reverse("news:search"), {"q": query}).content.decode()
        assert "Đại hội Chi bộ Tổ dân phố số 5" in page and "Ngày hội đọc sách" not in page, query
    assert "Không tìm thấy" in client.get(reverse("news:search"), {"q": "không có"}).content.decode()


def test_the_atom_feed_lists_public_articles(client, make_article) -> None:
    make_article("Tin trong nguồn cấp", summary="Tóm tắt tin.")
    response = client.get(reverse("news:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Tin trong nguồn cấp" in response.content.decode() and "Tóm tắt tin." in response.content.decode()


def test_the_sitemap_lists_home_categories_and_articles(client, make_article) -> None:
    Category.objects.create(name="An ninh", slug="an-ninh")
    article = make_article("Tin trong sơ đồ")
    xml = client.get(reverse("news:sitemap")).content.decode()
    for path in [reverse("news:home"), "/tin-tuc/chuyen-muc/an-ninh/", article.get_absolute_url()]:
        assert f"http://testserver{path}</loc>" in xml
