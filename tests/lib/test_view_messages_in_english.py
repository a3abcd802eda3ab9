"""The views' flash messages follow the reader's language: English for a reader who chose it (the
`django_language` cookie) or whose browser asks for it, Vietnamese, the message ids, by default.
Names and stored text inside a message (a member's name, a body's label) are placeholders, so an
English sentence never carries Vietnamese words around an English label, nor the reverse."""
import html
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

ENGLISH = {"cookie": True}
ENGLISH_BROWSER = {"headers": {"accept-language": "en-GB,en;q=0.9"}}
VIETNAMESE: dict[str, Any] = {}
FLASH = re.compile(r'<li class="msg msg-\w+">(.*?)</li>', re.S)


@pytest.fixture(autouse=True)
def _vietnamese_afterwards() -> Iterator[None]:
    """Every request activates its reader's language in this thread; leave Vietnamese behind, so
    English never leaks into the tests that run next."""
    with translation.override("vi"):
        yield
    translation.activate(settings.LANGUAGE_CODE)


def _flashes(client: Any, url: str, data: dict[str, Any], how: dict[str, Any]) -> list[str]:
    """Post as this reader, follow the redirect and return the flash messages shown."""
    if how.get("cookie"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    else:
        client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    page = client.post(url, data, follow=True, headers=how.get("headers", {})).content.decode()
    return [html.unescape(found) for found in FLASH.findall(page)]


@pytest.mark.parametrize(("how", "built", "agenda", "created"), [
    (ENGLISH, "Summons list drawn up; 1 member added.", "Standard agenda applied.", "Election created: branch committee."),
    (ENGLISH_BROWSER, "Summons list drawn up; 1 member added.", "Standard agenda applied.",
     "Election created: branch committee."),
    (VIETNAMESE, "Đã lập danh sách triệu tập; thêm mới 1 đồng chí.", "Đã dùng chương trình mẫu.", "Đã tạo cuộc bầu chi ủy."),
], ids=["cookie-en", "browser-en", "vi"])
def test_the_hall_and_election_flashes_speak_the_readers_language(
        how: dict[str, Any], built: str, agenda: str, created: str, seated_congress: Callable[..., Any],
        make_member: Callable[..., Any], branch: Any, chair: Any, client_for: Callable[[Any], Any]) -> None:
    congress = seated_congress(full=12)
    make_member(branch, "Mai Văn Mới")
    client = client_for(chair)

    assert _flashes(client, reverse("congresses:summons_build", args=[congress.pk]), {}, how) == [built]
    assert _flashes(client, reverse("congresses:agenda_edit", args=[congress.pk]), {"template": "1"}, how) == [agenda]
    assert _flashes(client, reverse("elections:congress", args=[congress.pk]), {"office": "committee", "seats": "3"},
                    how) == [created]


@pytest.mark.parametrize(("how", "flash"), [
    (ENGLISH, "Please choose a congress season."), (VIETNAMESE, "Hãy chọn một đợt đại hội.")], ids=["en", "vi"])
def test_a_refusal_on_the_news_desk_speaks_the_readers_language(
        how: dict[str, Any], flash: str, ward_office_user: Any, client_for: Callable[[Any], Any]) -> None:
    assert _flashes(client_for(ward_office_user), reverse("news:draft_from_plan"), {}, how) == [flash]

