"""The door's scanner is a form post like any other: without the page's CSRF token it is refused
and nobody is checked in, however cheap the endpoint has become (issue 5)."""
from django.test import Client


def test_a_scan_without_the_csrf_token_is_refused(congress, summon, secretary_user):
    row = summon({})[0]
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary_user)
    response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token}, HTTP_HX_REQUEST="true")
    row.refresh_from_db()
    assert (response.status_code, row.is_present) == (403, False)


def test_a_scan_with_the_page_s_csrf_token_is_counted(congress, summon, secretary_user):
    row = summon({})[0]
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretary_user)
    client.get(f"/hoi-truong/{congress.pk}/diem-danh/")  # the door's page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(f"/hoi-truong/{congress.pk}/diem-danh/ma/", {"token": row.token},
                           HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token)
    assert response["X-Checkin"] == "new"
