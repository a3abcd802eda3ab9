"""Every list prints (issue 11: the layout sweep); what still cannot be printed, a ballot code
beyond what the code row carries (list version over 127), gets a Vietnamese message, not a
server error."""
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from daihoi.elections import services
from daihoi.elections.models import ElectionList

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


def test_the_ballots_of_an_open_round_download_as_a_pdf(
        client_for: Callable[[Any], Any], adopted_election: Callable[..., Any], chair: Any) -> None:
    round_ = services.round_open(election=adopted_election("committee", 3, SLATE), user=chair)
    response = client_for(chair).get(reverse("elections:ballots", args=[round_.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_a_code_the_ballot_cannot_carry_gets_a_message_instead_of_a_server_error(
        client_for: Callable[[Any], Any], adopted_election: Callable[..., Any], chair: Any) -> None:
    round_ = services.round_open(election=adopted_election("committee", 3, SLATE), user=chair)
    ElectionList.objects.filter(pk=round_.election_list_id).update(version=200)
    response = client_for(chair).get(reverse("elections:ballots", args=[round_.pk]))
    assert response.status_code == 400
    assert "vượt giới hạn in được" in response.content.decode()
