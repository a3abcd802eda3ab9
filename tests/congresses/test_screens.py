"""Every hall screen renders for the people who run the congress, with the current agenda item."""
import pytest

from daihoi.congresses import services

SCREENS = ["", "trieu-tap/", "diem-danh/", "co-quan/", "chuong-trinh/", "bieu-quyet/", "bien-ban/", "tai-lieu/",
           "man-chieu/", "man-chieu/trang-thai/", "so-lieu/", "giay-trieu-tap/"]


@pytest.mark.parametrize("screen", SCREENS)
def test_each_hall_screen_renders_for_the_branch_secretary(congress, summon, secretary_user, client_for, screen):
    summon({}, {"status": "probationary"})
    services.agenda_apply_template(congress=congress)
    assert client_for(secretary_user).get(f"/hoi-truong/{congress.pk}/{screen}").status_code == 200


def test_the_congress_list_links_to_the_hall(congress, secretary_user, client_for):
    html = client_for(secretary_user).get("/hoi-truong/").content.decode()
    assert f"/hoi-truong/{congress.pk}/" in html and "Vào hội trường" in html
