"""A strike drawn along the foot of the letters disappears under the printed serifs for whole
words; where every column of a gap has print at the line's height the line is taken to run on
underneath, and nowhere else (a gap with blank paper at that height, a row with no line)."""
from collections.abc import Callable

import cv2
import numpy as np

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import reader, simulate
from daihoi.elections.scanning.geometry import geometry_for

DPI = 200
WIDTH, HEIGHT = 240, 24  # a row band: columns 20..220 are the printed name


def _row(line: list[tuple[int, int]], printed: list[tuple[int, int]]) -> reader._RowInk:
    """New ink along row 12 over the ``line`` spans, print over rows 10..15 on ``printed``."""
    ink, print_ = np.zeros((HEIGHT, WIDTH), np.uint8), np.zeros((HEIGHT, WIDTH), np.uint8)
    for a, b in line:
        ink[11:14, a:b] = 1
    for a, b in printed:
        print_[10:16, a:b] = 1
    return reader._RowInk(ink, print_, 0, 0)


def _coverage(row: reader._RowInk) -> float:
    return reader._coverage(row, 20, 0, 220, HEIGHT)


def test_a_line_that_runs_under_a_whole_printed_word_counts_as_crossing_it() -> None:
    assert _coverage(_row([(15, 80), (150, 225)], [(80, 150)])) == 1.0


def test_the_same_gap_with_blank_paper_at_the_lines_height_is_a_real_gap() -> None:
    covered = _coverage(_row([(15, 80), (150, 225)], [(80, 112), (116, 150)]))
    assert covered < reader.STRUCK_AT


def test_specks_on_a_clean_row_are_never_joined_through_the_print() -> None:
    assert _coverage(_row([(40, 43), (200, 203)], [(43, 200)])) < reader.CLEAN_BELOW * 2


def _name_lines(paper: np.ndarray, spec: BallotSpec) -> list[tuple[int, int, int]]:
    """Each printed name's ink extent (x0, x1) and the pixel row just above its letters' foot."""
    ppm = DPI / 25.4
    lines = []
    for row in geometry_for(spec).rows:
        x, y, w, h = (round(v * ppm) for v in row.name)
        ink = paper[y + 3:y + h - 3, x + 3:x + w - 3].min(axis=2) < 128
        columns, counts = np.flatnonzero(ink.any(axis=0)), ink.sum(axis=1)
        lower = len(counts) // 2
        lines.append((x + 3 + int(columns[0]), x + 3 + int(columns[-1]), y + 3 + lower + int(np.argmax(counts[lower:])) - 2))
    return lines


def test_a_low_line_over_half_of_a_printed_name_stays_uncertain(spec_for: Callable[..., BallotSpec]) -> None:
    spec = spec_for()
    paper = simulate.blank_ballot(spec, DPI)
    x0, x1, y = _name_lines(paper, spec)[1]
    cv2.line(paper, (x0 - 4, y), (x0 + (x1 - x0) // 2, y), (40, 40, 40), 2, cv2.LINE_AA)
    _, found = reader.read_image(simulate.scan(np.random.default_rng(4), paper), lambda code: spec)
    assert found[0].uncertain_rows == [2]
