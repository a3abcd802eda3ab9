"""Bold letters of the title (an "o" or "B" filled in by blur) can pass for corner squares. With
the two true bottom corners they make a smaller group of four whose code row still decodes, so
it was tried first and the ballot straightened from it: every row in doubt and hundreds of mm² of
"writing outside the rows" (4 of 2,000 ballots, issue 9). A group whose straightened image does
not show the blank ballot's print is not taken; if no group fits, the ballot goes to a person."""
from collections.abc import Callable

import cv2
import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate
from daihoi.elections.scanning.geometry import geometry_for
from daihoi.elections.scanning.layout import marker_centers

DPI = 200


def _scanned(spec: BallotSpec) -> tuple[np.ndarray, np.ndarray, list[reader._Marker], simulate.Truth]:
    """A marked ballot scanned, its normalised and dark images, and its four corner squares."""
    rng = np.random.default_rng(12)
    paper, truth = simulate.mark_ballot(rng, spec, DPI, ambiguous_rate=0, extra_rate=0)
    norm, dark, markers = reader._detect(reader.decode_image(simulate.scan(rng, paper)))
    assert len(markers) == 4
    return norm, dark, markers, truth


def _title_letters(markers: list[reader._Marker], spec: BallotSpec) -> list[reader._Marker]:
    """Two marker-like blobs in the title, 6 mm in from the top corners and 22 mm down: with the
    bottom corners a slightly narrower group of four, over the same code row."""
    g = geometry_for(spec)
    corners = marker_centers(g.cell_w, g.cell_h)
    quad = reader._clockwise(markers)
    top_left = min(range(4), key=lambda i: quad[i].x + quad[i].y)
    image = np.array([(m.x, m.y) for m in quad[top_left:] + quad[:top_left]], np.float32)
    to_image = cv2.getPerspectiveTransform(np.array(corners, np.float32), image)
    (x0, y0), (x1, _) = corners[0], corners[1]
    letters = cv2.perspectiveTransform(np.array([[(x0 + 6, y0 + 22), (x1 - 6, y0 + 22)]], np.float32), to_image)[0]
    side = 0.55 * markers[0].side
    return [reader._Marker(float(x), float(y), side) for x, y in letters]


def test_a_ballot_is_straightened_from_its_corners_not_from_letters_of_its_title(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for("approve", 3)
    norm, dark, markers, truth = _scanned(spec)
    letters = _title_letters(markers, spec)
    found = reader._read_markers(norm, dark, markers + letters, lambda code: spec)
    assert len(found) == 1
    assert simulate.verdict(truth, found[0]) == "read", found[0].reasons


def test_a_ballot_found_only_through_letters_of_its_title_goes_to_a_person(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for("approve", 3)
    norm, dark, markers, _ = _scanned(spec)
    letters = _title_letters(markers, spec)
    bottom = sorted(markers, key=lambda m: m.y)[2:]
    found = reader._read_markers(norm, dark, bottom + letters, lambda code: spec)
    assert len(found) == 1 and found[0].code is not None
    assert found[0].reasons == [reader.MISFIT]
