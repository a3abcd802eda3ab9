"""A scan at the door stays cheap (issue 5: 50 doors at once): a bounded number of queries
whether the member is new, already present or unknown, so that the cost cannot creep back; so
does the counts poll every open door page makes every 2 s."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

HX = {"HTTP_HX_REQUEST": "true"}
# The user, the congress's branch, the conditional update, the member's name, the grouped counts;
# the session is read from its cache, not the database.
MOST_QUERIES = 5


def test_a_scan_costs_at_most_five_queries_new_or_repeated(congress, summon, secretary_user, client_for):
    row = summon({}, {})[0]
    client = client_for(secretary_user)
    client.get(f"/hoi-truong/{congress.pk}/so-lieu/")  # the door's page was open before the first scan
    for expected in ("new", "already"):
        with CaptureQueriesContext(connection) as queries:
            response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, **HX)
        assert response["X-Checkin"] == expected
        assert len(queries) <= MOST_QUERIES, [query["sql"] for query in queries]


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
