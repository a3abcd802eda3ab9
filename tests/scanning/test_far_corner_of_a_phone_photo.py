"""A phone photo is decoded at half size first; when its corner squares are too small there, it
is decoded again at full size to be read. The far corner of a steep photo can pass the shape
tests at half size (the blur smooths its JPEG edges) and fail them at full size, so nothing was
found (1 of 2,000 ballots, issue 9): the corner squares found at half size are then placed on the
full-size image, where the ballot is read."""
from typing import Any

import numpy as np
import pytest

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate


def _photo(spec: BallotSpec) -> tuple[bytes, simulate.Truth]:
    rng = np.random.default_rng(21)
    paper, truth = simulate.mark_ballot(rng, spec, 300, ambiguous_rate=0, extra_rate=0)
    return simulate.scan(rng, paper, phone=True), truth


def test_a_phone_photo_of_a_whole_page_ballot_is_read_at_full_size(delegates_spec: BallotSpec) -> None:
    image, truth = _photo(delegates_spec)
    gray, found = reader.read_image(image, lambda code: delegates_spec)
    assert gray.shape == reader.decode_image(image, reduced=False).shape
    assert [simulate.verdict(truth, reading) for reading in found] == ["read"]


def test_corners_found_only_at_half_size_still_give_the_ballot_read_right(delegates_spec: BallotSpec,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    image, truth = _photo(delegates_spec)
    full_height = reader.decode_image(image, reduced=False).shape[0]
    find_markers = reader.find_markers

    def squeezed(dark: Any, solidity: float = reader.MARKER_SOLIDITY) -> list[Any]:
        """As at full size on the photo of the corpus: a corner square fails the shape tests."""
        found = find_markers(dark, solidity)
        return found[:3] if dark.shape[0] == full_height else found

    monkeypatch.setattr(reader, "find_markers", squeezed)
    gray, found = reader.read_image(image, lambda code: delegates_spec)
    assert gray.shape[0] == full_height
    assert [simulate.verdict(truth, reading) for reading in found] == ["read"]
