"""Scheduling: an article published with a future time stays off every public page until then;
drafts and articles waiting for approval are never public; the editor can preview them."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from daihoi.news import selectors


@pytest.fixture
def scheduled(make_article):
    return make_article("Tin hẹn giờ", publish=timezone.now() + timedelta(hours=2))


def _public_pages(client) -> str:
    return "".join(client.get(reverse(name)).content.decode() for name in ["news:home", "news:feed", "news:sitemap"])


def test_a_scheduled_article_is_hidden_everywhere_until_its_time(client, scheduled) -> None:
    assert "Tin hẹn giờ" not in _public_pages(client) and scheduled.get_absolute_url() not in _public_pages(client)
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get(reverse("news:search"), {"q": "hen gio"}).content.decode().count("Tin hẹn giờ") == 0


def test_a_scheduled_article_appears_when_its_time_comes(client, scheduled, monkeypatch) -> None:
    later = timezone.now() + timedelta(hours=3)
    monkeypatch.setattr(selectors.timezone, "now", lambda: later)
    assert "Tin hẹn giờ" in _public_pages(client)
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_a_draft_is_not_public_but_its_editor_can_preview_it(client, client_for, make_article, ward_office_user) -> None:
    draft = make_article("Bản nháp bí mật", publish=False)
    assert client.get(reverse("news:article", args=[draft.pk, draft.slug])).status_code == 404
    assert "Bản nháp bí mật" not in _public_pages(client)
    preview = client_for(ward_office_user).get(reverse("news:preview", args=[draft.pk])).content.decode()
    assert "Bản xem trước" in preview and "Bản nháp bí mật" in preview and 'content="noindex"' in preview
