"""The season report as an Excel workbook (báo cáo kết quả đại hội các chi bộ), from the same
dict as the JSON (selectors.season_report), so the two never disagree."""
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from daihoi.lib.text import follow_up_sentence, planned_sentence
from daihoi.organizations.exporting import escape_formula

HEADERS = ["STT", "Chi bộ", "Ngày đại hội", "ĐV chính thức triệu tập", "Có mặt", "Số tính kết quả (D)",
           "Số chi ủy viên", "Chi ủy viên trúng cử", "Bí thư", "% phiếu bí thư", "Phó bí thư", "% phiếu phó bí thư",
           "Quyết định chuẩn y", "Ngày chuẩn y", "Trạng thái", "Việc sau đại hội"]
WIDTHS = [6, 34, 13, 12, 9, 11, 10, 60, 24, 10, 24, 10, 16, 12, 18, 30]


def _date(iso: str | None) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else ""


def _name(person: dict[str, Any] | None) -> tuple[str, str]:
    return (person["name"], person["percent"]) if person else ("", "")


def _row(number: int, row: dict[str, Any]) -> list[Any]:
    committee = ", ".join(f"{p['name']} ({p['percent']}%)" for p in row["committee"])
    return [number, row["branch"], _date(row["date"]), row["summoned"], row["present"], row["denominator"],
            row["committee_seats"], committee, *_name(row["secretary"]), *_name(row["deputy"]),
            row["decision_number"], _date(row["approved_on"]), row["status_label"], _follow_up(row["follow_up"])]


def _follow_up(done: dict[str, Any]) -> str:
    late = f"; quá hạn: {', '.join(done['overdue'])}" if done["overdue"] else ""
    return f"{done['done']}/{done['total']}{late}"


def season_workbook(report: dict[str, Any]) -> bytes:
    """One sheet: title lines, one row per branch, then the season totals. Written in openpyxl's
    streaming mode, so a city's 5,000 rows take a second, not several."""
    plan, totals = report["plan"], report["totals"]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kết quả đại hội")
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C5"
    sheet.append([_cell(sheet, f"KẾT QUẢ ĐẠI HỘI CÁC CHI BỘ NHIỆM KỲ {plan['term']}", Font(bold=True, size=14))])
    sheet.append([f"{plan['party_committee']} · Kế hoạch số {plan['number']} ngày {_date(plan['issued_on'])} · "
                  f"từ {_date(plan['window_start'])} đến {_date(plan['window_end'])}"])
    sheet.append([])
    sheet.append([_cell(sheet, heading, Font(bold=True), Alignment(wrap_text=True, vertical="top")) for heading in HEADERS])
    for number, row in enumerate(report["branches"], start=1):
        sheet.append([escape_formula(value) for value in _row(number, row)])  # names typed by users (issue 10)
    total = ["", f"Tổng cộng: {totals['held']}/{totals['branches']} chi bộ đã tổ chức, {totals['approved']} đã chuẩn y",
             "", totals["summoned"], totals["present"], "", totals["committee_members"]]
    sheet.append([_cell(sheet, value, Font(bold=True)) for value in total])
    after = report["after"]
    sheet.append(["", f"Sau đại hội: {after['complete']}/{after['branches']} chi bộ hoàn thành, {after['overdue_count']} việc quá hạn"
                      + ("; đợt đã khép lại" if after["closed"] else "")])
    sheet.append(["", planned_sentence(after["as_planned"], after["compared"])])
    for item in after["items"]:  # the ward edits the titles: escaped like the rows
        sheet.append(["", escape_formula(follow_up_sentence(item["title"], item["done"], item["applies"]))])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(sheet: Any, value: Any, font: Font, alignment: Alignment | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    if alignment:
        cell.alignment = alignment
    return cell
