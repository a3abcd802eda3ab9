"""Write a corpus of simulated ballot scans with ground truth (issue 9): the real ballot PDF
rendered, marked by simulated voters (pens, colours, widths, angles, wavy, partial, doubled
strikes; X, tick and scribble marks; a few names written in and signatures, ``--ambiguous`` and
``--extra``) and scanned badly
(rotation ±5°, slight perspective, blur, noise, JPEG quality 50–95, uneven light) or
photographed (strong perspective, shadow, dark table). Deterministic for a seed.

    python3 bench/scan_corpus.py --count 2000 --out /tmp/scan-corpus   # pages/*.jpg + truth.json
"""
import argparse
import json
from pathlib import Path

from daihoi.elections.ballot_pdf import BallotSpec
from daihoi.elections.scanning import simulate

HEADER = ("Đảng bộ phường Việt Hưng", "Chi bộ Tổ dân phố số 1")
NAMES = ("Lê Thị Ánh", "Nguyễn Văn Ân", "Phạm Quốc Ấn", "Đỗ Đức Đạt", "Hồ Thị Ỷ", "Trần Thị Ước", "Vũ Văn Bình")
LONG = tuple(f"{family} {middle} {given}" for family, middle, given in zip(
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"] * 3,
    ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thu", "Quốc", "Đức", "Thanh", "Xuân"] * 3,
    ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hằng", "Huy", "Lan", "Long", "Mai", "Nam", "Oanh", "Phúc",
     "Quân", "Sơn", "Tâm", "Uyên", "Việt", "Yến", "Ánh", "Bảo", "Châu", "Đạt", "Hiền", "Khánh", "Linh", "Mỹ",
     "Ngân", "Phương"]))


def specs() -> list[BallotSpec]:
    """The mix of ballots: committee (strike form, 7 names, four per sheet), secretary (one name,
    agree/disagree), deputies (3 names, agree/disagree) and delegates (30 names, a whole page)."""
    def spec(title: str, seats: int, names: tuple[str, ...], form: str, code: str) -> BallotSpec:
        return BallotSpec(*HEADER, title, "2025–2030", seats, names, form, code)

    return [spec("Bầu Chi ủy Chi bộ Tổ dân phố số 1", 5, NAMES, "strike", "BC11-L1-DS1"),
            spec("Bầu Bí thư Chi bộ Tổ dân phố số 1", 1, NAMES[:1], "approve", "BC12-L1-DS1"),
            spec("Bầu Phó Bí thư Chi bộ Tổ dân phố số 1", 3, NAMES[1:4], "approve", "BC13-L2-DS2"),
            spec("Bầu đại biểu dự Đại hội Đảng bộ phường Việt Hưng", 25, tuple(sorted(LONG)), "strike", "BC14-L1-DS1")]


def add_rate_arguments(parser: argparse.ArgumentParser) -> None:
    """How many ballots a person must look at by design (defaults: simulate's, 0.8% each)."""
    parser.add_argument("--ambiguous", type=float, default=simulate.AMBIGUOUS_RATE,
                        help="share of ballots with one row marked ambiguously (partial strike, X over a name, dot)")
    parser.add_argument("--extra", type=float, default=simulate.EXTRA_RATE,
                        help="share of ballots with a name written in or a signature")


def rates(args: argparse.Namespace) -> dict[str, float]:
    return {"ambiguous_rate": args.ambiguous, "extra_rate": args.extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--dpi", type=float, default=300)
    parser.add_argument("--out", type=Path, required=True)
    add_rate_arguments(parser)
    args = parser.parse_args()
    (args.out / "pages").mkdir(parents=True, exist_ok=True)
    truths = []
    for index, page in enumerate(simulate.corpus(args.seed, args.count, specs(), args.dpi, **rates(args))):
        name = f"pages/{index + 1:05}.jpg"
        (args.out / name).write_bytes(page.image)
        truths.append({"file": name, "ballots": [t.as_dict() for t in page.truths]})
    (args.out / "truth.json").write_text(json.dumps(truths, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{sum(len(t['ballots']) for t in truths)} ballots on {len(truths)} pages in {args.out}")


if __name__ == "__main__":
    main()
