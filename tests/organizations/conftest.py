"""Member-list files for the import tests: build a sheet from rows, save it as .xlsx or .csv, and run
the import service on it for the test ward."""
import csv
import io
from typing import Any

import pytest
from openpyxl import Workbook

BASIC_HEADINGS = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Ngày vào Đảng",
                  "Ngày chính thức", "Loại đảng viên", "Chi bộ"]
GIVEN_NAMES = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Minh", "Nga"]


class RollFiles:
    """Rows are dicts keyed by heading; a grid is the list of lists a sheet holds."""

    def __init__(self, committee: Any) -> None:
        self.committee = committee

    @staticmethod
    def row(n: int, **changes: Any) -> dict[str, Any]:
        """A valid full member numbered n (distinct name, CCCD and card number)."""
        row = {
            "Họ và tên": f"Nguyễn Văn {GIVEN_NAMES[n % len(GIVEN_NAMES)]} {n}" if n >= len(GIVEN_NAMES)
            else f"Nguyễn Văn {GIVEN_NAMES[n]}",
            "Ngày sinh": "15/04/1970", "Giới tính": "Nam", "Số CCCD": f"0010700{n:05d}",
            "Số thẻ đảng viên": f"{10_000_000 + n}", "Ngày vào Đảng": "03/02/1995", "Ngày chính thức": "03/02/1996",
            "Loại đảng viên": "Chính thức", "Chi bộ": "Chi bộ Tổ dân phố số 1",
        }
        row.update(changes)
        return row

    @staticmethod
    def grid(rows: list[dict[str, Any]], headings: list[str] | None = None,
             above: list[list[Any]] | None = None) -> list[list[Any]]:
        if headings is None:
            headings = list(rows[0]) if rows else BASIC_HEADINGS
        return [*(above or []), headings, *([row.get(h) for h in headings] for row in rows)]

    @staticmethod
    def xlsx(grid: list[list[Any]]) -> bytes:
        workbook = Workbook()
        sheet = workbook.active
        for cells in grid:
            sheet.append(cells)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    @staticmethod
    def csv(grid: list[list[Any]], delimiter: str = ",", bom: bool = False) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter).writerows(["" if c is None else c for c in cells] for cells in grid)
        return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode()

    def preview(self, data: bytes, file_name: str = "danh-sach.xlsx") -> Any:
        from daihoi.organizations.importing import member_import_preview

        return member_import_preview(committee=self.committee, file_name=file_name, data=data)

    def apply(self, data: bytes, file_name: str = "danh-sach.xlsx", **options: Any) -> Any:
        from daihoi.organizations.importing import member_import_apply

        return member_import_apply(committee=self.committee, file_name=file_name, data=data, **options)

    def messages(self, report: Any) -> list[str]:
        return [issue.message for issue in report.errors]


@pytest.fixture
def roll(ward: Any) -> RollFiles:
    return RollFiles(ward)
