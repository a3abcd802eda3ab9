"""Reading an uploaded member list (.xlsx or .csv) into rows of cell values, safely.

Every way a file can be bad (empty, too big, not a spreadsheet, a Word file renamed .xlsx,
password-protected, a zip bomb, damaged XML, not UTF-8) ends in ``ImportFileError`` with a
Vietnamese message, never in another exception.

Why our own .xlsx cell reader: openpyxl's read-only mode parses each cell through Python-level
ElementTree events and builds the shared-string table through its rich-text model, about a minute
for a 100,000-row roll on this 2-core machine; even lxml's iterparse spends ~8 µs per cell in
element proxies. openpyxl still reads the workbook's structure (sheet order, date styles, the
1900/1904 epoch); the machine-written cell XML (SpreadsheetML: <row><c r t s><v>…</v></c></row>)
is streamed in chunks and matched with compiled regular expressions, about 1 µs per cell. No
entity is ever expanded (only the five XML escapes and character references are decoded), so
XML bombs do nothing.
"""
import csv
import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.datetime import from_excel
from openpyxl.xml.constants import SHARED_STRINGS

from daihoi.lib.archives import unpacks_too_large

# A ward has a few thousand members, a whole city about 100,000: anything above is not a roll.
MAX_ROWS = 200_000
# Columns beyond this are never read, so a sheet claiming 16,384 columns costs nothing.
MAX_COLUMNS = 80
# Zip-bomb guards for .xlsx: a real roll of 200,000 rows unpacks to well under this.
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 150
MAX_ZIP_ENTRIES = 2_000

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

Row = tuple[int, list[Any]]  # (row number as Excel shows it, cell values from column A)


def _element(tag: str) -> re.Pattern[bytes]:
    """<tag attributes/> or <tag attributes>body</tag>, with any namespace prefix (x:row)."""
    name = rb"(?:\w+:)?" + tag.encode()
    return re.compile(rb"<" + name + rb"\b([^>]*?)(?:/>|>(.*?)</" + name + rb">)", re.S)


_ROW, _CELL, _ITEM = _element("row"), _element("c"), _element("si")
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.S)
_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
_PHONETIC = re.compile(rb"<(?:\w+:)?rPh\b.*?</(?:\w+:)?rPh>", re.S)
_ATTRIBUTE = re.compile(rb"""(?<![\w:])([rts])\s*=\s*(["'])(.*?)\2""", re.S)
_COORDINATE = re.compile(rb"([A-Z]{1,3})(\d*)")
# The usual form of a cell: r, s and t in this order, a plain <v> (Excel, LibreOffice, XlsxWriter).
_PLAIN_CELL_FORM = rb'<c r="([A-Z]{1,3})\d+"(?: s="(\d+)")?(?: t="(s|n|b|e|str)")?(?:/>|></c>|><v>([^<]+)</v></c>)'
_PLAIN_CELL = re.compile(_PLAIN_CELL_FORM)
# A row (or a string item) in the usual form, else any row (item): one match finds the element and
# tells which way to read it (groups 1-2 for the usual form, 3-4 for any other).
_SHEET_ROW = re.compile(rb'<row r="(\d{1,9})"(?: [^>/]*)?>((?:' + re.sub(rb"\((?!\?)", b"(?:", _PLAIN_CELL_FORM)
                        + rb')*)</row>|' + _ROW.pattern, re.S)
_STRING_ITEM = re.compile(rb'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>|' + _ITEM.pattern, re.S)
_CHUNK = 1024 * 1024
# One row or string item larger than this is not a member list.
_MAX_ELEMENT = 16 * 1024 * 1024
# What unpacking and parsing a damaged part can raise (bad CRC, bad deflate data, encrypted or
# unsupported entries, broken XML).
_READ_ERRORS = (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                RuntimeError, NotImplementedError)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is shown to the user as is."""


def _damaged() -> ImportFileError:
    return ImportFileError(_("Tệp Excel bị hỏng, không đọc được. Hãy mở bằng Excel và lưu lại dạng .xlsx."))


def read_sheets(file_name: str, data: bytes) -> Iterator[Iterator[Row]]:
    """The file's sheets (a CSV has one), each as a stream of its non-empty rows."""
    if not data:
        raise ImportFileError(_("Tệp rỗng."))
    if len(data) > settings.MEMBER_IMPORT_MAX_BYTES:
        raise ImportFileError(_("Tệp quá lớn (tối đa %(mb)s MB).")
                              % {"mb": settings.MEMBER_IMPORT_MAX_BYTES // (1024 * 1024)})
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if extension in {"xlsx", "xlsm", "xls"} or data.startswith((ZIP_MAGIC, OLE2_MAGIC)):
        return _xlsx_sheets(data)
    if extension in {"csv", "txt"}:
        return iter([_csv_rows(data)])
    raise ImportFileError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."))


# --- CSV -------------------------------------------------------------------------------------------

def _csv_rows(data: bytes) -> Iterator[Row]:
    """Rows of a UTF-8 CSV (with or without BOM), separated by commas, semicolons (Excel in
    Vietnamese locales) or tabs, whichever the first lines use most."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("Tệp CSV không phải mã UTF-8. Trong Excel hãy chọn Lưu thành → "
                                "“CSV UTF-8 (Comma delimited)”, hoặc lưu dạng .xlsx.")) from error
    head = "\n".join(text[:65536].splitlines()[:10])
    delimiter = max(",;\t", key=head.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cells):
                yield number, cells[:MAX_COLUMNS]
    except csv.Error as error:
        raise ImportFileError(_("Tệp CSV bị hỏng, không đọc được (dấu ngoặc kép không khớp hoặc ô quá dài).")) from error


# --- XLSX ------------------------------------------------------------------------------------------

def _check_zip(data: bytes) -> zipfile.ZipFile:
    """Refuse zip bombs and zips that are not workbooks (a .docx renamed .xlsx) before anything is
    unpacked. Each entry's declared size bounds what zipfile will ever inflate for it."""
    if data.startswith(OLE2_MAGIC):
        raise ImportFileError(_("Tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls). "
                                "Hãy bỏ mật khẩu và lưu lại dạng .xlsx."))
    not_excel = ImportFileError(_("Tệp không phải bảng tính Excel (.xlsx). Hãy tải lên tệp .xlsx hoặc .csv."))
    if not data.startswith(ZIP_MAGIC):
        raise not_excel
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise _damaged() from error
    names = {entry.filename for entry in entries}
    if "word/document.xml" in names:
        raise ImportFileError(_("Đây là tài liệu Word, không phải bảng tính Excel. Hãy tải lên tệp .xlsx hoặc .csv."))
    if "[Content_Types].xml" not in names:
        raise not_excel
    if unpacks_too_large(archive, max_entries=MAX_ZIP_ENTRIES, max_total_bytes=MAX_UNCOMPRESSED_BYTES,
                         max_ratio=MAX_COMPRESSION_RATIO):
        raise ImportFileError(_("Tệp Excel bất thường (giải nén ra quá lớn), không thể đọc an toàn."))
    return archive


def _xlsx_sheets(data: bytes) -> Iterator[Iterator[Row]]:
    """The worksheets in workbook order, as streams of rows."""
    archive = _check_zip(data)
    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        date_styles, epoch = set(reader.wb._date_formats), reader.wb.epoch
        strings_part = reader.package.find(SHARED_STRINGS)
        strings = _shared_strings(archive, strings_part.PartName[1:]) if strings_part is not None else []
        paths = [rel.target for _sheet, rel in reader.parser.find_sheets() if rel.Type.endswith("/worksheet")]
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise _damaged() from error
    for path in paths:
        yield _sheet_rows(archive, path, strings, date_styles, epoch)


def _elements(archive: zipfile.ZipFile, path: str, pattern: re.Pattern[bytes]) -> Iterator[re.Match[bytes]]:
    """Complete elements matching `pattern` in one part, read in chunks: what follows the last
    complete element waits for the next chunk, so memory stays flat whatever the part's size."""
    pending = b""
    try:
        with archive.open(path) as source:
            while chunk := source.read(_CHUNK):
                pending += chunk
                end = 0
                for match in pattern.finditer(pending):
                    yield match
                    end = match.end()
                pending = pending[end:]
                if len(pending) > _MAX_ELEMENT:
                    raise _damaged()
    except _READ_ERRORS as error:
        raise _damaged() from error


def _xml_text(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    return html.unescape(text) if "&" in text else text


def _runs(raw: bytes) -> str:
    """The text of a string item: its <t>, or the <t> of each rich-text run, phonetic hints left out."""
    if b"rPh" in raw:
        raw = _PHONETIC.sub(b"", raw)
    return "".join(_xml_text(match[1] or b"") for match in _TEXT.finditer(raw))


def _shared_strings(archive: zipfile.ZipFile, path: str) -> list[str]:
    """The shared-string table; a plain item (<si><t>text</t></si>) is read by the same match that
    found it."""
    return [_xml_text(item[1]) if item[1] is not None else _runs(item[3] or b"")
            for item in _elements(archive, path, _STRING_ITEM)]


def _sheet_rows(archive: zipfile.ZipFile, path: str, strings: list[str], date_styles: set[int],
                epoch: datetime) -> Iterator[Row]:
    """Non-empty rows of one worksheet with values as Excel shows them: text, numbers, booleans,
    dates for date-formatted numbers, error codes such as #N/A as text."""
    decoder = _Decoder(strings, date_styles, epoch)
    number = 0
    for row in _elements(archive, path, _SHEET_ROW):
        if row[1] is not None:
            number, cells = int(row[1]), decoder.plain_row(row[2])
        else:
            number = _int(_attributes(row[3]).get(b"r"), number + 1)
            cells = _placed(decoder.any_cells(row[4] or b""))
        if any(value is not None and value != "" for value in cells):
            yield number, cells


def _placed(found: Iterable[tuple[int | None, Any]]) -> list[Any]:
    """Cell values by column from (column, value) pairs, None in the gaps; a cell without a
    reference follows the previous one; columns past MAX_COLUMNS, and a column given twice or
    out of order, are left out."""
    cells: list[Any] = []
    for column, value in found:
        if column is None:
            column = len(cells)
        if column >= MAX_COLUMNS or column < len(cells):
            continue
        if column > len(cells):
            cells.extend([None] * (column - len(cells)))
        cells.append(value)
    return cells


class _Decoder:
    """Cell values of one workbook's sheets, as (0-based column or None, value) pairs."""

    def __init__(self, strings: list[str], date_styles: set[int], epoch: datetime) -> None:
        self.strings, self.date_styles, self.epoch = strings, date_styles, epoch

    def plain_row(self, body: bytes) -> list[Any]:
        """The cells of a row written the way Excel, LibreOffice and XlsxWriter write them (see
        _PLAIN_CELL), all matched by one expression; a shared string, by far the most common
        cell, is looked up directly, and columns in order (the usual case) are placed without
        checks."""
        cells = _PLAIN_CELL.findall(body)
        columns = [_letters_index(cell[0]) for cell in cells]
        try:
            values = [self.strings[int(raw)] if kind == b"s" else self.value(kind or b"n", int(style or 0), raw or None)
                      for _, style, kind, raw in cells]
        except (ValueError, IndexError):  # a broken string index: read as text, as any_cells does
            values = [self.value(kind or b"n", int(style or 0), raw or None) for _, style, kind, raw in cells]
        if not columns or columns[-1] >= MAX_COLUMNS or columns != sorted(set(columns)):
            return _placed(zip(columns, values))
        if len(columns) == columns[-1] + 1:
            return values
        placed: list[Any] = [None] * (columns[-1] + 1)
        for column, value in zip(columns, values):
            placed[column] = value
        return placed

    def any_cells(self, body: bytes) -> Iterator[tuple[int | None, Any]]:
        """The cells of any other row: attributes in any order, namespace prefixes, inline strings,
        formulas with their cached value."""
        for cell in _CELL.finditer(body):
            attributes = _attributes(cell[1])
            kind, content = attributes.get(b"t", b"n"), cell[2] or b""
            column = _column(attributes.get(b"r"))
            if kind == b"inlineStr":
                yield column, _runs(content)
                continue
            value = _VALUE.search(content)
            yield column, self.value(kind, _int(attributes.get(b"s"), 0), value[1]) if value else None

    def value(self, kind: bytes, style: int, raw: bytes | None) -> Any:
        if raw is None:
            return None
        try:
            if kind == b"s":
                return self.strings[int(raw)]
            if kind == b"b":
                return raw.strip() == b"1"
            if kind == b"n":
                number = float(raw) if any(mark in raw for mark in b".eE") else int(raw)
                if style in self.date_styles:
                    return from_excel(number, self.epoch)
                return number
            if kind == b"d":
                return datetime.fromisoformat(raw.decode("ascii"))
        except (ValueError, IndexError, OverflowError, UnicodeDecodeError):
            return _xml_text(raw)
        return _xml_text(raw)  # "str" (formula result), "e" (error such as #N/A)


def _attributes(raw: bytes) -> dict[bytes, bytes]:
    return {match[1]: match[3] for match in _ATTRIBUTE.finditer(raw)}


def _int(text: bytes | None, default: int) -> int:
    return int(text) if text and text.isdigit() and len(text) < 10 else default


def _column(reference: bytes | None) -> int | None:
    """0-based column of a reference like "AB12"; None for a cell without one."""
    match = _COORDINATE.match(reference or b"")
    return _letters_index(match[1]) if match else None


@lru_cache(maxsize=1024)
def _letters_index(letters: bytes) -> int:
    """0-based column of letters like b"AB"; cached, since every row repeats the same few."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1
