"""Whatever bytes or cells a file holds, the importer answers with a report, and writes either
every row or none."""
import io

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook

from daihoi.organizations.models import Member

HEADINGS = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ đảng viên", "Loại đảng viên", "Chi bộ",
            "Ngày chính thức", "Miễn sinh hoạt", "Điện thoại"]
SAFE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=20)  # Cn: U+FFFE, U+FFFF are no XML
CELLS = st.one_of(
    st.none(), SAFE_TEXT, st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(), st.dates(), st.datetimes(), st.sampled_from(["Nam", "Nữ", "dự bị", "chính thức", "có",
                                                                "Tổ dân phố số 1", "01/02/1970", "=1+1", "#N/A"]),
    st.from_regex(r"\d{8}", fullmatch=True), st.from_regex(r"\d{12}", fullmatch=True),
)
DEEP = settings.get_current_profile_name() == "deep"  # HYPOTHESIS_PROFILE=deep: every example (README, Testing)
SETTINGS = settings(max_examples=40 if DEEP else 15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _xlsx(grid):
    workbook = Workbook()
    for cells in grid:
        workbook.active.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _all_or_nothing(roll, data, file_name):
    before = Member.objects.count()
    report = roll.apply(data, file_name=file_name)
    after = Member.objects.count()
    if report.written:
        assert report.errors == [] and after == before + report.new
    else:
        assert report.errors and after == before


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.xlsx", "a.csv", "a", "a.docx"]))
def test_random_bytes_never_crash_and_never_write(roll, data, name):
    _all_or_nothing(roll, data, name)


@SETTINGS
@given(rows=st.lists(st.lists(CELLS, min_size=len(HEADINGS), max_size=len(HEADINGS) + 2), max_size=8),
       as_csv=st.booleans())
def test_random_cell_grids_never_crash_and_write_all_or_nothing(roll, rows, as_csv):
    grid = [HEADINGS, *rows]
    data = roll.csv(grid, delimiter=";") if as_csv else _xlsx(grid)
    _all_or_nothing(roll, data, "a.csv" if as_csv else "a.xlsx")


@SETTINGS
@given(cut=st.integers(0, 4000), flip=st.integers(0, 255))
def test_damaged_workbooks_never_crash(roll, cut, flip):
    data = bytearray(roll.xlsx(roll.grid([roll.row(1), roll.row(2)])))
    position = cut % len(data)
    data[position] ^= flip
    _all_or_nothing(roll, bytes(data), "a.xlsx")
