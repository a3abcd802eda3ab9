"""The code row identifies election, round and list version only; a damaged row never decodes
into another code; every printed ballot of a round is identical, corner squares included."""
from collections.abc import Callable

import cv2
import numpy as np
import pypdfium2

from daihoi.elections.ballot_pdf import BallotSpec, ballots_pdf
from daihoi.elections.scanning.layout import CODE_BITS, BallotCode, decode, encode


def test_a_code_survives_encoding_and_any_single_flipped_bit_is_refused() -> None:
    code = BallotCode(123456, 3, 17)
    bits = encode(code)
    assert len(bits) == CODE_BITS and decode(bits) == code
    for index in range(CODE_BITS):
        damaged = bits.copy()
        damaged[index] ^= 1
        assert decode(damaged) is None


def test_a_blank_or_solid_row_is_not_a_code() -> None:
    assert decode([0] * CODE_BITS) is None
    assert decode([1] * CODE_BITS) is None


def test_the_printed_code_text_and_the_row_name_the_same_ballot() -> None:
    assert BallotCode.parse("BC7-L1-DS2") == BallotCode(7, 1, 2)
    assert BallotCode(7, 1, 2).text == "BC7-L1-DS2"


def test_every_ballot_on_a_sheet_is_pixel_identical_markers_and_code_included(spec_for: Callable[..., BallotSpec]) -> None:
    pdf = pypdfium2.PdfDocument(ballots_pdf(spec_for(), 4))
    image = pdf[0].render(scale=100 / 72, grayscale=True).to_numpy().astype(int)
    pdf.close()
    h, w = image.shape[:2]
    edge = 4  # the cut marks lie on the cell borders, outside the ballot proper
    cells = [image[r * (h // 2) + edge:(r + 1) * (h // 2) - edge, c * (w // 2) + edge:(c + 1) * (w // 2) - edge]
             for r in range(2) for c in range(2)]
    soft = [cv2.GaussianBlur(cell.astype(np.float32), (0, 0), 2) for cell in cells]  # half-pixel offsets aside
    assert all(abs(cell - soft[0]).mean() < 1.5 for cell in soft)
