"""The agenda starts from the usual branch agenda, is editable per congress, and the current item
set by the secretariat shows on every hall screen and on the projector."""
import pytest
from django.core.exceptions import ValidationError

from daihoi.congresses import selectors, services
from daihoi.congresses.services import DEFAULT_AGENDA


def test_the_template_is_the_usual_branch_agenda(congress):
    services.agenda_apply_template(congress=congress)
    titles = [item.title for item in selectors.agenda(congress)]
    assert titles == DEFAULT_AGENDA
    assert titles[0] == "Khai mạc đại hội" and titles[-1] == "Bế mạc"


def test_editing_keeps_the_current_item_when_its_text_stays(congress):
    services.agenda_set(congress=congress, titles=["Khai mạc", "Thảo luận", "Bế mạc"])
    discussion = congress.agenda_items.get(title="Thảo luận")
    services.agenda_set_current(congress=congress, item_id=discussion.pk)
    services.agenda_set(congress=congress, titles=["Khai mạc", "  Báo cáo  chính trị ", "", "Thảo luận", "Bế mạc"])
    proceedings = selectors.proceedings_of(congress)
    assert proceedings.current_item.title == "Thảo luận" and proceedings.current_item.position == 3
    assert "Báo cáo chính trị" in [item.title for item in selectors.agenda(congress)]


def test_an_empty_agenda_is_refused(congress):
    with pytest.raises(ValidationError, match="ít nhất một mục"):
        services.agenda_set(congress=congress, titles=["", "   "])


def test_an_item_of_another_congress_cannot_become_current(congress, make_season, branch):
    other = make_season(number="99-KH/ĐU", held=0).congresses.get(branch=branch)
    services.agenda_apply_template(congress=other)
    with pytest.raises(ValidationError, match="không có trong chương trình"):
        services.agenda_set_current(congress=congress, item_id=other.agenda_items.first().pk)


def test_the_current_item_shows_on_the_hall_screens_and_the_projector(congress, secretary_user, client_for):
    services.agenda_apply_template(congress=congress)
    item = congress.agenda_items.get(position=6)
    client = client_for(secretary_user)
    client.post(f"/hoi-truong/{congress.pk}/chuong-trinh/hien-tai/", {"item": item.pk})
    for screen in ("", "diem-danh/", "bieu-quyet/", "man-chieu/trang-thai/"):
        assert "Thảo luận" in client.get(f"/hoi-truong/{congress.pk}/{screen}").content.decode()
