"""Time the documents: `python bench/documents.py [--runs N]`.

Targets (issue 7): the counting minutes of one round as .docx in at most 200 ms; a branch's whole
zipped file (summons, minutes, resolution, request, decision and two rounds' counting minutes,
each as .docx and PDF through LibreOffice) in at most 5 s. Uses the sample data of
daihoi/documents/samples.py and the repository templates; no database needed. Prints the
median and worst of N runs.
"""
import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
os.environ.setdefault("DAIHOI_DATA_DIR", tempfile.mkdtemp(prefix="daihoi-bench-"))
import django  # noqa: E402

django.setup()

from daihoi.documents.bundle import zip_documents  # noqa: E402
from daihoi.documents.kinds import KINDS  # noqa: E402
from daihoi.documents.render import render_docx  # noqa: E402
from daihoi.documents.samples import sample_context  # noqa: E402

BRANCH_FILE = ["summons", "counting_minutes", "counting_minutes", "congress_minutes", "resolution",
               "approval_request", "approval_decision"]


def timed(action, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), max(seconds)


def branch_file() -> bytes:
    docs = {f"{i:02d}-{kind}": render_docx(kind, sample_context(kind)) for i, kind in enumerate(BRANCH_FILE, start=1)}
    return zip_documents(docs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    context = sample_context("counting_minutes")
    render_docx("counting_minutes", context)  # warm the imports
    median, worst = timed(lambda: render_docx("counting_minutes", context), runs * 4)
    print(f"counting minutes .docx: median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms (target ≤ 200 ms)")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    median, worst = timed(branch_file, runs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / runs
    print(f"branch file ({len(BRANCH_FILE)} documents, .docx + PDF, zipped): median {median:.2f} s, "
          f"worst {worst:.2f} s (target ≤ 5 s); LibreOffice CPU {cpu:.2f} s per file")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"document kinds: {len(KINDS)}")


if __name__ == "__main__":
    main()
