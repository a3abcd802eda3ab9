"""Sessions are read from a file cache shared by every gunicorn worker and kept in the database
too (settings.SESSION_ENGINE, issue 5): a login survives the loss of the cache (a restart, a
cleared data folder), and a logout ends the session for every browser holding its cookie."""
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import Client

HALL = "/hoi-truong/"  # the congress list: for logged-in users only


def test_a_login_survives_losing_the_session_cache(secretary_user, client_for):
    client = client_for(secretary_user)
    caches["sessions"].clear()
    assert client.get(HALL).status_code == 200


def test_a_logout_ends_the_session_for_every_holder_of_its_cookie(secretary_user, client_for):
    client = client_for(secretary_user)
    copy = Client()
    copy.cookies = client.cookies  # the same cookie on another worker, say
    assert copy.get(HALL).status_code == 200
    key = client.session.session_key
    client.post("/dang-xuat/")
    assert not Session.objects.filter(session_key=key).exists()
    assert copy.get(HALL).status_code == 302
