"""A partial strike, an X over a name or a dot in a box is never read as a vote either way: the
ballot always goes to a person (the reader bridges a line only where it can hide under print,
and a box is empty only without even a faint mark)."""
from collections.abc import Callable

import cv2
import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate
from daihoi.elections.scanning.geometry import geometry_for


def _verdicts(spec: BallotSpec, count: int, seed: int) -> list[str]:
    """Verdicts of the ballots (of ``count`` marked) that carry an unclear row."""
    rng = np.random.default_rng(seed)
    verdicts = []
    for _ in range(count):
        paper, truth = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0.9, extra_rate=0)
        _, found = reader.read_image(simulate.scan(rng, paper), lambda code: spec)
        if truth.expect_review:
            verdicts.extend(simulate.page_verdicts([truth], found))
    return verdicts


def test_every_ballot_with_a_partial_strike_or_an_x_over_a_name_goes_to_review(spec_for: Callable[..., BallotSpec]) -> None:
    verdicts = _verdicts(spec_for(), 24, seed=41)
    assert len(verdicts) >= 18 and set(verdicts) == {"review"}


def test_every_ballot_with_a_dot_in_a_box_goes_to_review(spec_for: Callable[..., BallotSpec]) -> None:
    verdicts = _verdicts(spec_for("approve", 3, "BC8-L1-DS1"), 10, seed=42)
    assert len(verdicts) >= 7 and set(verdicts) == {"review"}


def test_a_faint_dot_in_a_box_left_empty_is_not_read_as_empty(spec_for: Callable[..., BallotSpec]) -> None:
    """A dot lighter than the ink threshold (a small dot on a phone photo comes out so)."""
    spec = spec_for("approve", 1, "BC8-L1-DS1")
    rng = np.random.default_rng(43)
    paper = simulate.blank_ballot(spec, 200)
    row = geometry_for(spec).rows[0]
    assert row.agree is not None and row.disagree is not None
    simulate.Voter(rng, 200).cross(paper, _pixels(row.agree))
    x0, y0, x1, y1 = _pixels(row.disagree)
    cv2.circle(paper, ((x0 + x1) // 2, (y0 + y1) // 2), 2, (185, 185, 185), -1)
    _, found = reader.read_image(simulate.scan(rng, paper), lambda code: spec)
    assert found[0].uncertain_rows == [1]


def _pixels(box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    ppm = 200 / 25.4
    x, y, w, h = box
    return round(x * ppm), round(y * ppm), round((x + w) * ppm), round((y + h) * ppm)


def test_a_light_thin_x_in_a_box_is_a_mark(spec_for: Callable[..., BallotSpec]) -> None:
    """A pencil X whose few dark pixels stay under MARKED_AT: its faint trace fills the box's
    middle, which a dot never does."""
    spec = spec_for("approve", 1, "BC8-L1-DS1")
    paper = simulate.blank_ballot(spec, 200)
    row = geometry_for(spec).rows[0]
    assert row.agree is not None
    x0, y0, x1, y1 = _pixels(row.agree)
    cx, cy, half = (x0 + x1) // 2, (y0 + y1) // 2, (y1 - y0) // 3
    for dx in (half, -half):
        cv2.line(paper, (cx - dx, cy - half), (cx + dx, cy + half), (150, 150, 150), 2, cv2.LINE_AA)
    _, found = reader.read_image(simulate.scan(np.random.default_rng(44), paper), lambda code: spec)
    assert found[0].marks == ["agree"], found[0].rows
