"""A 300-dpi scan is read from its half-size decode (about the reader's 6 px/mm already, and
four times fewer pixels); a photo where the ballot is small is decoded again at full size. Both
are read right."""
from collections.abc import Callable

import cv2
import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate


def _full_width(data: bytes) -> int:
    return int(cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE).shape[1])


def test_a_300_dpi_scan_is_read_at_half_size(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    rng = np.random.default_rng(21)
    paper, truth = simulate.mark_ballot(rng, spec, 300, ambiguous_rate=0, extra_rate=0)
    data = simulate.scan(rng, paper)
    gray, found = reader.read_image(data, lambda code: spec)
    assert abs(gray.shape[1] - _full_width(data) / 2) <= 1
    assert simulate.verdict(truth, found[0]) == "read"


def test_a_phone_photo_of_a_small_ballot_is_read_at_full_size(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    rng = np.random.default_rng(22)
    paper, truth = simulate.mark_ballot(rng, spec, 300, ambiguous_rate=0, extra_rate=0)
    data = simulate.scan(rng, paper, phone=True)
    gray, found = reader.read_image(data, lambda code: spec)
    assert gray.shape[1] == _full_width(data)
    assert simulate.verdict(truth, found[0]) == "read"
