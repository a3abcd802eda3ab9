"""Names too long for one line wrap onto a second line inside their row (issue 11); the scanner
reads such ballots from the renderer's own row rectangles: nothing is ever read wrong without
being flagged, and ballots are read, not all sent to a person (review rates with and without
wrapped names: bench/RESULTS.md, issue 11)."""
import numpy as np
import pytest

from daihoi.elections.ballot_pdf import BallotSpec, layout_for
from daihoi.elections.scanning import reader, simulate

SYLLABLES = ("Ánh", "Bích", "Cường", "Dũng", "Giang", "Hải", "Hằng", "Huy", "Lan", "Long")


def _spec(form: str, count: int, long_part: str) -> BallotSpec:
    names = tuple(f"{long_part if n % 2 else 'Lê Thị'} Nguyệt Hưởng {SYLLABLES[n % 10]} {SYLLABLES[n // 10]}"
                  for n in range(count))
    return BallotSpec("Đảng bộ phường Việt Hưng", "Chi bộ Tổ dân phố số 1", "Bầu Chi ủy Chi bộ Tổ dân phố số 1",
                      "2025–2030", count - 1 if form == "strike" else count, names, form, "BC7-L1-DS2")


@pytest.mark.parametrize(("form", "count", "long_part"), [
    ("strike", 8, "Nguyễn Thượng Hoàng Phương Trường Quỳnh"),  # four to a sheet
    ("strike", 44, "Nguyễn Thượng Hoàng Phương Trường Quỳnh"),  # two name columns
    ("approve", 4, "Nguyễn Thượng Hoàng"),  # four to a sheet, beside the mark boxes
])
def test_ballots_with_names_on_two_lines_are_read_right_or_flagged(form: str, count: int, long_part: str) -> None:
    spec = _spec(form, count, long_part)
    layout = layout_for(spec)
    assert layout.pages == 1 and max(len(lines) for lines in layout.lines) == 2
    rng = np.random.default_rng(count)
    verdicts = []
    for _ in range(6):
        paper, truth = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0, extra_rate=0)
        found = reader.read_page(reader.decode_image(simulate.scan(rng, paper)), lambda code: spec)
        verdicts += simulate.page_verdicts([truth], found)
    assert "silent" not in verdicts, verdicts
    assert verdicts.count("read") >= 1, verdicts
