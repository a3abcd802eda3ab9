"""Bytes that are no image (an empty file, a truncated PNG, text named .png) are refused with a
Vietnamese reason; OpenCV raising on some of them is never a server error (found by the hostile
form property test)."""
import pytest

from daihoi.elections.scanning.reader import decode_image


@pytest.mark.parametrize("data", [b"", b"x", b"\x89PNG\r\n\x1a\n" + bytes(10), b"\xff\xd8\xff" + bytes(5)])
def test_bytes_that_are_no_image_are_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(ValueError, match="không phải ảnh JPEG/PNG"):
        decode_image(data)
