"""A list too long for one A4 side prints as one ballot over two pages (issue 11). The reader
cannot join the pages of one ballot, so such a page is never read but always sent to a person,
and scans of such a round are refused up front with the way to count them instead."""
from collections.abc import Callable
from typing import Any

import pypdfium2
import pytest
from django.core.exceptions import ValidationError

from daihoi.elections import pages
from daihoi.elections.ballot_pdf import BallotSpec, ballots_pdf, layout_for
from daihoi.elections.scanning import reader
from daihoi.elections.scanning import services as scanning

SYLLABLES = ("Ánh", "Bích", "Cường", "Dũng", "Giang", "Hải", "Hằng", "Huy", "Lan", "Long")


def _two_page_spec() -> BallotSpec:
    names = tuple(f"Nguyễn Thượng Hoàng Phương Trường Quỳnh Nguyệt Hưởng {SYLLABLES[n % 10]} {SYLLABLES[n // 10]}"
                  for n in range(80))
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Tổ dân phố số 1", "Bầu Chi ủy Chi bộ Tổ dân phố số 1",
                      "2025–2030", 79, names, "strike", "BC7-L1-DS2")


def test_each_page_of_a_two_page_ballot_goes_to_review_and_no_row_is_read() -> None:
    spec = _two_page_spec()
    assert layout_for(spec).pages == 2
    pdf = pypdfium2.PdfDocument(ballots_pdf(spec, 1))
    for page in pdf:
        gray = page.render(scale=200 / 72, grayscale=True).to_numpy()
        found = reader.read_page(gray if gray.ndim == 2 else gray[..., 0], lambda code: spec)
        assert len(found) == 1 and found[0].code is not None and found[0].code.text == spec.code
        assert found[0].needs_review and found[0].rows == [] and found[0].struck == []
        assert "2 trang" in found[0].reasons[0]


def test_scans_of_a_round_whose_ballot_takes_two_pages_are_refused(
        counting_round: Callable[[int], Any], monkeypatch: Any) -> None:
    round_ = counting_round(1)
    scanning.check_upload(round_, 2)
    monkeypatch.setattr(pages, "ballot_spec", lambda round_: _two_page_spec())
    with pytest.raises(ValidationError, match="in trên 2 trang"):
        scanning.check_upload(round_, 2)
