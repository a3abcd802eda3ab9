"""Members are listed A-B-C by given name, then family name, then middle name, with the
Vietnamese alphabet, identically on SQLite and PostgreSQL."""
import pytest
from django.db import connection

from daihoi.organizations.models import Member
from daihoi.rules.names import sort_key

pytestmark = pytest.mark.django_db

SHUFFLED = ["Nguyễn Văn Đức", "Trần Thị Ánh", "Lê Văn Dũng", "Nguyễn Thị Anh", "Phạm Văn Ước", "Bùi Thị Ấn",
            "Hoàng Văn An", "Nguyễn Văn An", "Đỗ Thị Ánh", "Nguyễn Thị Ẩn", "Vũ Thị Ân", "Lê Minh Anh"]
EXPECTED = ["Hoàng Văn An", "Nguyễn Văn An", "Lê Minh Anh", "Nguyễn Thị Anh", "Đỗ Thị Ánh", "Trần Thị Ánh",
            "Vũ Thị Ân", "Nguyễn Thị Ẩn", "Bùi Thị Ấn", "Lê Văn Dũng", "Nguyễn Văn Đức", "Phạm Văn Ước"]


def test_database_orders_members_by_given_name_then_family_then_middle(branch, make_member):
    for name in SHUFFLED:
        make_member(branch, name)
    assert [m.full_name for m in Member.objects.all()] == EXPECTED


def test_decomposed_unicode_names_are_stored_in_nfc(branch, make_member):
    member = make_member(branch, "Nguye\u0302\u0303n  Văn   An")
    assert member.full_name == "Nguyễn Văn An"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the ICU collation exists on PostgreSQL only")
def test_sort_key_agrees_with_postgresql_icu_collation_for_given_names():
    given = sorted({name.split()[-1] for name in SHUFFLED})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n FROM unnest(%s::text[]) AS n ORDER BY n COLLATE \"vi-VN-x-icu\"", [given])
        icu_order = [row[0] for row in cursor.fetchall()]
    assert icu_order == sorted(given, key=sort_key)
