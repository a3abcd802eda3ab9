"""A scan at the door stays cheap (issue 5: 50 doors at once): a bounded number of queries
whether the member is new, already present or unknown, so that the cost cannot creep back; so
does the counts poll every open door page makes every 2 s, counted once a second for them all."""
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

HX = {"HTTP_HX_REQUEST": "true"}
# The user, the congress's branch, the conditional update returning the name; a repeated code one
# more read for the time of the first scan. The session is read from its cache, not the database,
# and the counts come from the page's own poll.
NEW_SCAN_QUERIES, MOST_QUERIES = 3, 4


def test_a_new_scan_costs_three_queries_and_a_repeated_one_four(congress, summon, secretary_user, client_for):
    row = summon({}, {})[0]
    client = client_for(secretary_user)
    client.get(f"/hoi-truong/{congress.pk}/so-lieu/")  # the door's page was open before the first scan
    for expected, most in (("new", NEW_SCAN_QUERIES), ("already", MOST_QUERIES)):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)
        assert response["X-Checkin"] == expected
        assert len(queries) <= most, [query["sql"] for query in queries]


def test_an_unknown_code_costs_no_more(congress, summon, secretary_user, client_for):
    summon({})
    client = client_for(secretary_user)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": "ZZZZZZZZZZ"}, **HX)
    assert response["X-Checkin"] == "error"
    assert len(queries) <= MOST_QUERIES, [query["sql"] for query in queries]


def test_the_counts_poll_costs_at_most_three_queries_and_keeps_polling(congress, summon, secretary_user, client_for):
    summon({}, {})
    client = client_for(secretary_user)
    client.get(f"/hoi-truong/{congress.pk}/so-lieu/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/hoi-truong/{congress.pk}/so-lieu/")
    html = response.content.decode()
    assert 'data-count="present">0<small>/2' in html and f'hx-get="/hoi-truong/{congress.pk}/so-lieu/"' in html
    assert len(queries) <= 3, [query["sql"] for query in queries]  # the user, the congress's branch, the counts


def test_doors_polling_within_the_same_second_share_one_count(congress, summon, secretary_user, client_for, monkeypatch):
    from daihoi.congresses import views

    monkeypatch.setattr(views, "COUNTS_FRESH_SECONDS", 0.3)
    row = summon({}, {})[0]
    first, second = client_for(secretary_user), client_for(secretary_user)
    first.get(f"/hoi-truong/{congress.pk}/so-lieu/")
    first.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)
    with CaptureQueriesContext(connection) as queries:
        shared = second.get(f"/hoi-truong/{congress.pk}/so-lieu/").content.decode()
    assert 'data-count="present">0<small>/2' in shared
    assert len(queries) <= 2, [query["sql"] for query in queries]  # the user and the congress's branch: no count
    time.sleep(0.35)
    assert 'data-count="present">1<small>/2' in second.get(f"/hoi-truong/{congress.pk}/so-lieu/").content.decode()
