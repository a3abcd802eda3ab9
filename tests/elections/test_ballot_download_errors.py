"""A list that cannot be printed readably on one A4 side gets a Vietnamese message, not a server
error (the layout sweep pins which lists those are)."""
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from daihoi.elections import views
from daihoi.elections.models import Election

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


def _post(client: Any, name: str, *args: Any, **data: Any) -> Any:
    return client.post(reverse(name, args=args), data, follow=True)


def test_a_list_too_long_for_the_sheet_gets_a_message_instead_of_a_server_error(
        client_for: Callable[[Any], Any], congress: Any, chair: Any, monkeypatch: Any) -> None:
    client = client_for(chair)
    _post(client, "elections:congress", congress.pk, office="committee", seats="3")
    election = Election.objects.get(congress=congress)
    for name in SLATE:
        member = congress.branch.members.get(full_name=name)
        _post(client, "elections:election_action", election.pk, "add", member=member.pk, source="slate")
    _post(client, "elections:election_action", election.pk, "adopt", agree="12", disagree="0", abstain="0")
    _post(client, "elections:election_action", election.pk, "open_round")

    def too_long(*args: Any) -> bytes:
        raise ValueError("Danh sách 120 người không vừa một trang A4.")

    monkeypatch.setattr(views, "ballots_pdf", too_long)
    response = client.get(reverse("elections:ballots", args=[election.rounds.get().pk]))
    assert response.status_code == 400
    assert "không vừa một trang A4" in response.content.decode()
