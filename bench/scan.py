"""Ballot scanning (issue 9): ballots per second per core on 300-dpi scans, and accuracy on a
generated corpus (bench/scan_corpus.py): read right with no review, sent to review, and silent
errors (wrong and not flagged — must be zero). CPU time of this process only (one core).

    python3 bench/scan.py --count 2000            # generates the corpus in memory
    python3 bench/scan.py --corpus /tmp/scan-corpus
"""
import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from scan_corpus import add_rate_arguments, rates, specs  # noqa: E402

from daihoi.elections.scanning import reader, simulate  # noqa: E402


def _pages(args: argparse.Namespace) -> list[tuple[bytes, list[simulate.Truth]]]:
    if args.corpus:
        truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
        return [((args.corpus / p["file"]).read_bytes(), [simulate.Truth(**b) for b in p["ballots"]]) for p in truth]
    return [(p.image, p.truths) for p in simulate.corpus(args.seed, args.count, specs(), 300, **rates(args))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--corpus", type=Path, help="a corpus written by bench/scan_corpus.py (instead of --count)")
    add_rate_arguments(parser)
    args = parser.parse_args()
    pages = _pages(args)
    by_code = {s.code: s for s in specs()}
    for spec in by_code.values():  # templates rendered once per round, as in a real count
        reader.blank_cell(spec)
    verdicts: Counter[str] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    seconds: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    for image, truths in pages:
        started = time.process_time()
        _, found = reader.read_image(image, lambda code: by_code.get(code.text))
        seconds[truths[0].scan] += time.process_time() - started
        counted[truths[0].scan] += len(truths)
        for truth, verdict in zip(truths, simulate.page_verdicts(truths, found)):
            verdicts[verdict] += 1
            kinds[(truth.scan, verdict)] += 1
    cpu = sum(seconds.values())
    total = sum(verdicts.values())
    expected_review = sum(t.expect_review for _, truths in pages for t in truths)
    print(f"ballots {total} on {len(pages)} pages · CPU {cpu:.1f} s · {total / cpu:.1f} ballots/s per core")
    print(f"read right without review {verdicts['read']} ({100 * verdicts['read'] / total:.2f}%) · "
          f"review {verdicts['review']} ({100 * verdicts['review'] / total:.2f}%, of which {expected_review} must be reviewed: "
          f"written-in, signed or ambiguous) · silent errors {verdicts['silent']}")
    clean = total - expected_review
    print(f"ballots a machine could read: {clean}; read with no review {verdicts['read']} ({100 * verdicts['read'] / max(clean, 1):.2f}%)")
    for kind in ("scan", "sheet", "phone"):
        print(f"  {kind:5}: " + " · ".join(f"{v} {kinds[(kind, v)]}" for v in ("read", "review", "silent"))
              + f" · {counted[kind] / max(seconds[kind], 1e-9):.1f} ballots/s per core")


if __name__ == "__main__":
    main()
