"""Every user who works on the post-congress tasks reaches them from the navigation (issue 12)."""
from datetime import date


def test_the_ward_goes_from_the_navigation_to_the_latest_seasons_post_congress_page(held_congress, ward_office_user, make_plan, client_for):
    newer = make_plan(number="12-KH/ĐU", issued_on=date(2025, 3, 1), term_start_year=2025, term_end_year=2030,
                      window_start=date(2025, 4, 1), window_end=date(2025, 5, 15))
    client = client_for(ward_office_user)
    assert 'href="/dai-hoi/sau-dai-hoi/"' in client.get("/dai-hoi/").content.decode()
    response = client.get("/dai-hoi/sau-dai-hoi/")
    assert response.status_code == 302 and response["Location"] == f"/dai-hoi/ke-hoach/{newer.pk}/sau-dai-hoi/"


def test_a_supervisor_reaches_the_post_congress_page_of_the_season(held_congress, supervisor_user, client_for):
    held_congress.supervisors.add(supervisor_user)
    response = client_for(supervisor_user).get("/dai-hoi/sau-dai-hoi/")
    assert response["Location"] == f"/dai-hoi/ke-hoach/{held_congress.plan_id}/sau-dai-hoi/"


def test_a_branch_secretary_goes_to_their_congress_checklist(held_congress, secretary_user, client_for):
    client = client_for(secretary_user)
    assert 'href="/dai-hoi/sau-dai-hoi/"' in client.get(f"/dai-hoi/chi-bo/{held_congress.pk}/").content.decode()
    response = client.get("/dai-hoi/sau-dai-hoi/")
    assert response["Location"] == f"/dai-hoi/chi-bo/{held_congress.pk}/#after-h"
