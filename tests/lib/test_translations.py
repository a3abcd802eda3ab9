"""The English translation (daihoi/locale/en): complete, compiled, placeholder-safe, and served.

The message ids are the Vietnamese text itself; English is the second language, chosen through
LocaleMiddleware (the `django_language` cookie written by the language switch, or the browser's
Accept-Language header).
"""
import re
from pathlib import Path
from typing import Any

import polib
import pytest
from django.conf import settings
from django.urls import reverse

LC_MESSAGES = Path(__file__).resolve().parents[2] / "daihoi" / "locale" / "en" / "LC_MESSAGES"
PO_PATH = LC_MESSAGES / "django.po"
MO_PATH = LC_MESSAGES / "django.mo"

# %(name)s / %(count)d in Python and {% blocktranslate %}; {{ … }} kept literally in a few texts.
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|\{\{.*?\}\}")


def entries() -> list[polib.POEntry]:
    return [e for e in polib.pofile(str(PO_PATH)) if not e.obsolete]


def placeholders(text: str) -> set[str]:
    return {re.sub(r"\s+", "", found) for found in PLACEHOLDER.findall(text)}


def translations_of(entry: Any) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def key(entry: Any) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def test_the_compiled_mo_file_holds_exactly_the_translations_of_the_po_file():
    po = {key(e): translations_of(e) for e in entries() if not e.fuzzy}
    mo = {key(e): translations_of(e) for e in polib.mofile(str(MO_PATH))}
    assert po, "the English .po file has no entries"
    stale = sorted(k[1] for k, strings in po.items() if mo.get(k) != strings)
    assert not stale, f"django.mo is out of date; run `daihoi compilemessages -l en` ({stale[:5]})"
    assert set(mo) == set(po), "django.mo holds messages that django.po does not"


def test_every_english_message_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO_PATH))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == "en"
    assert po.metadata["Plural-Forms"].startswith("nplurals=2;")


def test_plural_messages_have_a_singular_and_a_plural_english_form():
    for entry in entries():
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e.msgid[:40])
def test_every_translation_keeps_exactly_the_placeholders_of_its_vietnamese_text(entry: Any):
    expected = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
    for translated in translations_of(entry):
        assert placeholders(translated) == expected, (entry.msgid, translated)
    if "python-format" in entry.flags:
        values = {name: 1 for name in re.findall(r"%\((\w+)\)", entry.msgid)}
        for translated in translations_of(entry):
            translated % values  # a stray "%" would raise here, as it would on the page


def test_the_site_speaks_vietnamese_unless_asked_otherwise():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE


@pytest.mark.django_db
def test_the_login_page_is_in_vietnamese_by_default(client: Any):
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in page
    assert "Đăng nhập" in page and "Mật khẩu" in page
    assert "Log in" not in page


@pytest.mark.django_db
def test_the_login_page_is_in_english_with_the_language_cookie(client: Any):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Log in</h1>" in page and "Password" in page and "Username" in page
    assert "Đăng nhập" not in page


@pytest.mark.django_db
def test_the_login_page_is_in_english_for_a_browser_asking_for_english(client: Any):
    page = client.get(reverse("login"), headers={"accept-language": "en-GB,en;q=0.9"}).content.decode()
    assert "<h1>Log in</h1>" in page
    assert "Đăng nhập" not in page


@pytest.mark.django_db
def test_every_page_offers_a_language_switch_posting_to_set_language(client: Any):
    page = client.get(reverse("login")).content.decode()
    form = re.search(r'<form action="([^"]+)" method="post" class="lang-form">(.*?)</form>', page, re.S)
    assert form is not None
    assert form.group(1) == reverse("set_language") == "/i18n/setlang/"
    assert re.findall(r'<option value="(\w+)"', form.group(2)) == ["vi", "en"]
    assert 'name="language"' in form.group(2) and 'name="next"' in form.group(2)


@pytest.mark.django_db
def test_choosing_english_in_the_language_switch_shows_the_next_page_in_english(client: Any):
    response = client.post("/i18n/setlang/", {"language": "en", "next": reverse("login")})
    assert response.status_code == 302 and response.url == reverse("login")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    page = client.get(reverse("login")).content.decode()
    assert "<h1>Log in</h1>" in page
    assert "Đăng nhập" not in page

    client.post("/i18n/setlang/", {"language": "vi", "next": reverse("login")})
    assert "<h1>Đăng nhập</h1>" in client.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_a_signed_in_user_sees_the_navigation_in_english(client: Any, ward_office_user: Any):
    client.force_login(ward_office_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("home"), follow=True).content.decode()
    assert 'aria-label="Main navigation"' in page and "Log out" in page
    assert "Đăng xuất" not in page
