"""Time the member import on a generated roll: `python bench/import_members.py [N] [--csv]`.

Builds N synthetic members (default 100,000) across 20 branches as an .xlsx (or .csv; XlsxWriter
from the test extras writes the .xlsx), then runs
the same service the web page uses (member_import_apply: validate, then store in one transaction)
on a fresh SQLite database in a temporary data folder. Prints rows/s, seconds and peak RSS.
Target (issue 2): 100,000 rows in at most 20 s with a peak of at most 500 MB.
"""
import argparse
import csv
import io
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

BRANCHES = 20
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phương", "Ước", "Ánh"]


def _setup_django(data_dir: str) -> None:
    """A throw-away SQLite database: the data folder must be set before Django reads settings."""
    os.environ["DAIHOI_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _grid(count: int) -> list[list[object]]:
    """Heading row and `count` members with every column of the template filled."""
    from daihoi.organizations.importing import COLUMNS

    rng = random.Random(2025)
    rows: list[list[object]] = [[column.heading for column in COLUMNS]]
    for n in range(count):
        born = date(1940, 1, 1) + timedelta(days=rng.randint(0, 45 * 365))
        admitted = born + timedelta(days=365 * rng.randint(18, 30))
        probationary = rng.random() < 0.05
        values = {
            "full_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "date_of_birth": born.strftime("%d/%m/%Y"), "gender": rng.choice(["Nam", "Nữ"]),
            "ethnicity": "Kinh", "religion": "Không", "hometown": "Hà Nội",
            "citizen_id": f"001{born.year % 100:03d}{n:06d}", "party_card_number": f"{10_000_000 + n}",
            "cv_number": f"{n % 1_000_000:06d}HN", "admission_date": admitted.strftime("%d/%m/%Y"),
            "full_membership_date": "" if probationary else (admitted + timedelta(days=365)).strftime("%d/%m/%Y"),
            "status": "Dự bị" if probationary else "Chính thức", "branch": f"Chi bộ số {n % BRANCHES + 1}",
            "attachment": "", "is_excused": "không", "is_suspended": "không", "is_prosecuted_or_detained": "không",
            "education": "12/12", "qualification": "Đại học", "political_theory": "Sơ cấp", "occupation": "Hưu trí",
            "residence": f"Tổ dân phố số {n % BRANCHES + 1}", "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
        }
        rows.append([values[column.field] for column in COLUMNS])
    return rows


def _file(count: int, as_csv: bool) -> bytes:
    """The roll as a file. The .xlsx is written by XlsxWriter, which like Excel keeps text in a
    shared-string table (openpyxl writes inline strings, which no office file has)."""
    grid = _grid(count)
    if as_csv:
        text = io.StringIO()
        csv.writer(text).writerows(grid)
        return text.getvalue().encode()
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet("Đảng viên")
    for number, cells in enumerate(grid):
        sheet.write_row(number, 0, cells)
    workbook.close()
    return buffer.getvalue()


def _file_in_child(count: int, as_csv: bool) -> bytes:
    """Build the file in a child process, so that its memory is not counted in the peak RSS."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(_file, (count, as_csv))


def _reference_seconds() -> float:
    """CPU seconds of a fixed pure-Python loop (5 million additions), printed with the result: on
    a machine shared with other engineers CPU time itself stretches (shared cores and caches), so
    this says how fast the CPU was during the run, to compare runs made under different loads."""
    started = time.process_time()
    total = 0
    for n in range(5_000_000):
        total += n
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--csv", action="store_true", help="import a CSV instead of an .xlsx")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="daihoi-bench-") as data_dir:
        _setup_django(data_dir)
        from daihoi.organizations.importing import member_import_apply
        from daihoi.organizations.models import Branch, Member, PartyCommittee

        committee = PartyCommittee.objects.create(name="Đảng bộ phường Đo Tốc Độ")
        Branch.objects.bulk_create(Branch(party_committee=committee, name=f"Chi bộ số {n}") for n in range(1, BRANCHES + 1))
        data = _file_in_child(args.count, args.csv)
        reference = _reference_seconds()
        started, cpu_started = time.perf_counter(), time.process_time()
        report = member_import_apply(committee=committee, file_name="bench.csv" if args.csv else "bench.xlsx", data=data)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
        stored = Member.objects.count()
    if not report.written or stored != args.count:
        sys.exit(f"import failed: stored {stored} of {args.count}; {report.errors[:5]}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kind = "csv" if args.csv else "xlsx"
    load = os.getloadavg()[0]
    print(f"{args.count} rows ({kind}, {len(data) / 1e6:.1f} MB): {seconds:.2f} s ({cpu_seconds:.2f} s CPU), "
          f"{args.count / seconds:,.0f} rows/s, peak RSS {peak_mb:.0f} MB, load average {load:.1f} "
          f"on {os.cpu_count()} CPUs, reference loop {reference:.2f} s CPU")


if __name__ == "__main__":
    main()
