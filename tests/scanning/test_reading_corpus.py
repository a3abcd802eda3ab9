"""A mixed corpus of simulated ballots (strike and agree/disagree forms; scans, uncut sheets of
four and phone photos; pens, angles, waves, doubles, partial strikes, marks, write-ins): no
reading is ever wrong without being flagged, and few ballots need a person."""
from collections import Counter
from collections.abc import Callable

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate


def _read_corpus(specs: list[BallotSpec], count: int, seed: int) -> Counter[str]:
    by_code = {s.code: s for s in specs}
    verdicts: Counter[str] = Counter()
    for page in simulate.corpus(seed, count, specs, dpi=200):
        _, found = reader.read_image(page.image, lambda code: by_code.get(code.text))
        verdicts.update(simulate.page_verdicts(page.truths, found))
    return verdicts


def test_no_silent_error_and_a_small_review_rate_on_a_mixed_corpus(spec_for: Callable[..., BallotSpec]) -> None:
    specs = [spec_for("strike"), spec_for("approve", 2, "BC8-L1-DS1"), spec_for("approve", 1, "BC9-L2-DS1")]
    verdicts = _read_corpus(specs, 120, seed=20250901)
    total = sum(verdicts.values())
    assert verdicts["silent"] == 0, verdicts
    assert verdicts["review"] <= 0.04 * total, verdicts
