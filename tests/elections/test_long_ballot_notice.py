"""A list too long for one A4 side (issue 11) prints each ballot over two pages: the round page
tells the chair to print both sides and to count at the keyboard stations; a list that fits one
side says nothing."""
from collections.abc import Callable
from typing import Any

from django.urls import reverse

from daihoi.elections import pages, services
from daihoi.elections.ballot_pdf import BallotSpec, layout_for

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]


def _long(spec: BallotSpec) -> BallotSpec:
    names = tuple(f"{name} Hoàng Thượng Phương Trường Quỳnh Nguyệt Hưởng Dưỡng {n}" for n in range(20) for name in SLATE)
    return BallotSpec(spec.party_committee, spec.branch, spec.title, spec.term, spec.seats, names, "strike", spec.code)


def test_the_round_page_asks_for_two_sided_printing_only_when_a_ballot_takes_two_pages(
        client_for: Callable[[Any], Any], adopted_election: Callable[..., Any], chair: Any, monkeypatch: Any) -> None:
    round_ = services.round_open(election=adopted_election("committee", 3, SLATE), user=chair)
    client = client_for(chair)
    assert 'id="ballot-pages"' not in client.get(reverse("elections:round", args=[round_.pk])).content.decode()
    real = pages.ballot_spec
    monkeypatch.setattr(pages, "ballot_spec", lambda round_: _long(real(round_)))
    assert layout_for(pages.ballot_spec(round_)).pages == 2
    page = client.get(reverse("elections:round", args=[round_.pk])).content.decode()
    assert "mỗi phiếu in trên 2 trang" in page and "in hai mặt" in page
    client.cookies["django_language"] = "en"
    assert "Print on both sides" in client.get(reverse("elections:round", args=[round_.pk])).content.decode()
