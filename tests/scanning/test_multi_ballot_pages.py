"""An uncut sheet of four ballots is read as four ballots, in reading order, each right; a name
written in below the list sends its ballot to review."""
from collections.abc import Callable

import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate


def test_four_ballots_on_one_scanned_sheet_are_found_and_read_in_order(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    rng = np.random.default_rng(4)
    sheet, truths = simulate.sheet_of_four(rng, spec, 200)
    found = reader.read_page(reader.decode_image(simulate.scan(rng, sheet)), lambda code: spec if code.text == spec.code else None)
    assert len(found) == 4
    assert [simulate.verdict(t, r) for t, r in zip(truths, found)].count("silent") == 0
    assert [r.code.text for r in found if r.code] == [spec.code] * 4


def test_a_name_written_below_the_list_sends_the_ballot_to_review(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    rng = np.random.default_rng(5)
    paper, truth = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0, extra_rate=1)
    found = reader.read_page(reader.decode_image(simulate.scan(rng, paper)), lambda code: spec)
    assert truth.extra and found[0].needs_review
    assert found[0].outside_mm2 > reader.OUTSIDE_MM2


def test_a_ballot_of_another_round_is_never_read_into_this_one(spec_for: Callable[..., BallotSpec]) -> None:
    rng = np.random.default_rng(6)
    paper, _ = simulate.mark_ballot(rng, spec_for(code="BC7-L2-DS3"), 200, ambiguous_rate=0, extra_rate=0)
    found = reader.read_page(reader.decode_image(simulate.scan(rng, paper)), lambda code: None)
    assert len(found) == 1 and found[0].needs_review and found[0].rows == []
