"""Writing anywhere outside the rows is extra content, above the list as much as below it (a
name written into the title or the header sends the ballot to review)."""
from collections.abc import Callable

import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate
from daihoi.elections.scanning.geometry import geometry_for


def test_a_name_written_between_the_title_and_the_list_sends_the_ballot_to_review(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    rng = np.random.default_rng(12)
    paper, _ = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0, extra_rate=0)
    ppm = 200 / 25.4
    x, y, _, _ = geometry_for(spec).table
    simulate.Voter(rng, 200).scribble(paper, (x + 15) * ppm, (y - 7) * ppm, 35 * ppm, 4 * ppm)
    _, found = reader.read_image(simulate.scan(rng, paper), lambda code: spec)
    assert found[0].needs_review and found[0].outside_mm2 > reader.OUTSIDE_MM2


def test_the_same_ballot_without_the_writing_is_read(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    rng = np.random.default_rng(12)
    paper, truth = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0, extra_rate=0)
    _, found = reader.read_image(simulate.scan(rng, paper), lambda code: spec)
    assert simulate.verdict(truth, found[0]) == "read"
