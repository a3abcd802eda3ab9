"""Every list prints (issue 11: the layout sweep); what still cannot be printed, a ballot code
beyond what the code row carries (list version over 127), gets a Vietnamese message, not a
server error."""
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from daihoi.elections.models import Election, ElectionList

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


def _post(client: Any, name: str, *args: Any, **data: Any) -> Any:
    return client.post(reverse(name, args=args), data, follow=True)


def _opened_round(client: Any, congress: Any) -> Any:
    _post(client, "elections:congress", congress.pk, office="committee", seats="3")
    election = Election.objects.get(congress=congress)
    for name in SLATE:
        member = congress.branch.members.get(full_name=name)
        _post(client, "elections:election_action", election.pk, "add", member=member.pk, source="slate")
    _post(client, "elections:election_action", election.pk, "adopt", agree="12", disagree="0", abstain="0")
    _post(client, "elections:election_action", election.pk, "open_round")
    return election.rounds.get()


def test_the_ballots_of_an_open_round_download_as_a_pdf(client_for: Callable[[Any], Any], congress: Any, chair: Any) -> None:
    client = client_for(chair)
    response = client.get(reverse("elections:ballots", args=[_opened_round(client, congress).pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_code_the_ballot_cannot_carry_gets_a_message_instead_of_a_server_error(
        client_for: Callable[[Any], Any], congress: Any, chair: Any) -> None:
    client = client_for(chair)
    round_ = _opened_round(client, congress)
    ElectionList.objects.filter(pk=round_.election_list_id).update(version=200)
    response = client.get(reverse("elections:ballots", args=[round_.pk]))
    assert response.status_code == 400
    assert "vượt giới hạn in được" in response.content.decode()
