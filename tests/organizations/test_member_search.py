"""Member search finds by name with or without diacritics, by card number and by citizen ID."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_with_members(client_for, ward_office_user, branch, make_member):
    make_member(branch, "Nguyễn Văn Đức", party_card_number="12345678", citizen_id="001080000001")
    make_member(branch, "Trần Thị Bình", party_card_number="87654321")
    return client_for(ward_office_user)


@pytest.mark.parametrize("query", ["Đức", "duc", "nguyen van duc", "1234", "001080000001"])
def test_search_finds_member(client_with_members, query):
    page = client_with_members.get(reverse("organizations:member_search"), {"q": query}).content.decode()
    assert "Nguyễn Văn Đức" in page
    assert "Trần Thị Bình" not in page


def test_htmx_search_returns_only_rows(client_with_members):
    response = client_with_members.get(reverse("organizations:member_search"), {"q": "bình"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Trần Thị Bình" in body
    assert "<html" not in body
