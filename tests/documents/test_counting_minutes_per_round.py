"""Every announced round of a congress gets its counting minutes among the congress's documents:
on the page, as .docx and in the zipped file, with the figures of the rules core's RoundResult;
a round still open gets none."""
import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from docx import Document

from daihoi.congresses import services as hall
from daihoi.congresses.models import Body
from daihoi.documents import bundle, pdf
from daihoi.documents.formatting import clock
from daihoi.elections import selectors as elections
from daihoi.elections import services as election_services

SLATE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng"]
STEM = "bien-ban-kiem-phieu-chi-uy-lan-1"


@pytest.fixture
def congress(seated_congress: Callable[..., Any], supervisor_user: Any) -> Any:
    """Twelve full members summoned, eleven present; three on the counting committee."""
    congress = seated_congress(full=12, present=11)
    congress.supervisors.add(supervisor_user)
    counters = congress.branch.members.filter(full_name__in=["Đỗ Thị Giang", "Hoàng Minh Hải", "Vũ Thị Hằng"])
    head = counters.get(full_name="Hoàng Minh Hải")
    hall.bodies_set(congress=congress, body=Body.COUNTING_COMMITTEE, member_ids=[m.pk for m in counters], head_id=head.pk)
    return congress


@pytest.fixture
def locked_committee_round(adopted_election: Callable[..., Any], counted_by_hand: Callable[..., Any]) -> Any:
    election = adopted_election("committee", 3, SLATE)
    return counted_by_hand(election, {"Nguyễn Văn An": 11, "Trần Thị Bích": 9, "Lê Hữu Cường": 7, "Phạm Ngọc Dũng": 3}, valid=11)


def text_of(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    cells = [p.text for t in document.tables for cell in t._cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_locked_round_has_counting_minutes_with_the_rules_cores_figures(
        client_for: Any, secretary_user: Any, congress: Any, locked_committee_round: Any) -> None:
    result = elections.result_from_json(locked_committee_round.result)
    text = text_of(client_for(secretary_user).get(f"/van-ban/dai-hoi/{congress.pk}/{STEM}.docx").content)
    for candidate in result.candidates:
        assert candidate.name in text and str(candidate.votes) in text and candidate.percent in text
    assert (result.denominator, result.ballots.issued, result.ballots.valid) == (12, 11, 11)
    assert "12" in text and "11" in text and "Hoàng Minh Hải" in text
    assert [c.percent for c in result.candidates] == ["91.67", "75.00", "58.33", "25.00"]
    assert f"Biên bản lập xong hồi {clock(timezone.localtime(locked_committee_round.locked_at))}" in text


def test_the_documents_page_and_the_zip_list_one_minutes_per_locked_round(
        client_for: Any, secretary_user: Any, congress: Any, locked_committee_round: Any,
        adopted_election: Callable[..., Any], chair: Any, monkeypatch: Any) -> None:
    secretary = adopted_election("secretary", 1, ["Nguyễn Văn An"])
    election_services.round_open(election=secretary, user=chair)
    page = client_for(secretary_user).get(f"/van-ban/dai-hoi/{congress.pk}/").content.decode()
    assert "Biên bản kiểm phiếu bầu chi ủy, lần 1" in page and f"{STEM}.docx" in page
    assert "bầu bí thư" not in page.lower()
    monkeypatch.setattr(bundle, "docx_batch_to_pdf", lambda docs: (_ for _ in ()).throw(pdf.PdfUnavailable("không có")))
    names = zipfile.ZipFile(io.BytesIO(client_for(secretary_user).get(f"/van-ban/dai-hoi/{congress.pk}/ho-so.zip").content)).namelist()
    assert names[:3] == ["01-giay-trieu-tap.docx", f"02-{STEM}.docx", "03-bien-ban-dai-hoi.docx"]


def test_an_open_round_gives_no_counting_minutes(client_for: Any, secretary_user: Any, congress: Any,
                                                 adopted_election: Callable[..., Any], chair: Any) -> None:
    election = adopted_election("committee", 3, SLATE)
    election_services.round_open(election=election, user=chair)
    assert client_for(secretary_user).get(f"/van-ban/dai-hoi/{congress.pk}/{STEM}.docx").status_code == 404
    page = client_for(secretary_user).get(f"/van-ban/dai-hoi/{congress.pk}/").content.decode()
    assert "Biên bản kiểm phiếu bầu" not in page
