"""The election screens drive the services end to end: create, build and adopt the list, open a
round, print ballots, enter at a station (JSON), resolve, lock; and who may do what."""
import json
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from daihoi.congresses import services as hall
from daihoi.elections import selectors
from daihoi.elections.models import Election

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


def _post(client: Any, name: str, *args: Any, **data: Any) -> Any:
    return client.post(reverse(name, args=args), data, follow=True)


def test_the_chair_builds_and_adopts_a_list_then_the_head_counts_and_locks(
        client_for: Callable[[Any], Any], congress: Any, chair: Any, make_user: Callable[..., Any]) -> None:
    client = client_for(chair)
    page = _post(client, "elections:congress", congress.pk, office="committee", seats="3")
    assert "Đã tạo cuộc bầu chi ủy." in page.content.decode()
    election = Election.objects.get(congress=congress)
    for name in SLATE:
        member = congress.branch.members.get(full_name=name)
        _post(client, "elections:election_action", election.pk, "add", member=member.pk, source="slate")
    page = _post(client, "elections:election_action", election.pk, "adopt", agree="12", disagree="0", abstain="0")
    assert "Đại hội đã thông qua số lượng và danh sách bầu cử." in page.content.decode()
    _post(client, "elections:election_action", election.pk, "open_round")
    round_ = election.rounds.get()
    pdf = client.get(reverse("elections:ballots", args=[round_.pk]) + "?so=12")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    _post(client, "elections:round_action", round_.pk, "counts", issued="2", collected="2", method="stations", stations="1")
    url = reverse("elections:entry", args=[round_.pk, 1])
    bad = client.post(url, json.dumps({"number": 1, "rows": "9"}), content_type="application/json")
    assert bad.status_code == 400 and "từ 1 đến 4" in bad.json()["error"]
    for number in (1, 2):
        ok = client.post(url, json.dumps({"number": number, "rows": "4", "flags": ""}), content_type="application/json")
        assert ok.json() == {"ok": True, "number": number}
    head_member = congress.branch.members.get(full_name="Lý Văn Nam")
    hall.bodies_set(congress=congress, body="counting_committee", member_ids=[head_member.pk], head_id=head_member.pk,
                    candidate_ids=selectors.candidate_member_ids(congress))
    refused = _post(client, "elections:round_action", round_.pk, "lock")
    assert refused.status_code == 403
    head = make_user("kiemphieu-dh", "counting_committee", branch=congress.branch, member=head_member)
    page = _post(client_for(head), "elections:round_action", round_.pk, "lock")
    assert "Đã công bố kết quả lần bầu." in page.content.decode()
    round_.refresh_from_db()
    assert round_.status == "locked" and round_.result["status"] == "unfilled"


def test_the_projector_slot_shows_the_announced_results(
        adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any], congress: Any,
        client_for: Callable[[Any], Any], chair: Any) -> None:
    election = adopted_election("committee", 3, SLATE)
    counted_by_hand(election, {"Nguyễn Văn An": 11, "Trần Thị Bích": 10, "Lê Hữu Cường": 9, "Phạm Ngọc Dũng": 2}, valid=12)
    page = client_for(chair).get(reverse("congresses:projector", args=[congress.pk])).content.decode()
    assert "Chi ủy · lần bầu 1" in page and page.count("trúng cử</strong>") == 3
    assert "91.67%" in page and "Bầu đủ số lượng" in page


def test_a_member_cannot_open_the_election_screens(client_for: Callable[[Any], Any], congress: Any,
                                                   member_user: Any) -> None:
    assert client_for(member_user).get(reverse("elections:congress", args=[congress.pk])).status_code == 403
