"""The season's news article, drafted from the data (issue 8). Pure: a facts dict in, a title,
a summary and a sanitized-ready HTML body out, so every sentence can be checked against the facts
in a test without a database. The wording follows the ward's own report of a season
(shared/domain/seed-article.txt); the editor rewrites whatever they like before publishing."""
import html
from dataclasses import dataclass
from datetime import date
from typing import NotRequired, TypedDict

from daihoi.lib.text import follow_up_sentence, planned_sentence
from daihoi.news.richtext import photo_slot


class FollowUpCount(TypedDict):
    title: str  # "Xây dựng quy chế làm việc của chi ủy"
    done: int  # branches that did it
    applies: int  # branches it applies to


class SeasonFacts(TypedDict):
    ward_name: str  # "Đảng bộ phường Việt Hưng"
    plan_number: str  # "74-KH/ĐU"
    plan_issued_on: date
    term: str  # "2022–2025"
    previous_term: str | None
    window_start: date
    window_end: date
    first_held_on: date | None
    last_held_on: date | None
    branches_total: int
    branches_held: int
    branches_approved: int
    supervisors: list[str]  # names of the committee members who attended and directed
    follow_up: NotRequired[list[FollowUpCount]]  # the post-congress work, item by item (issue 12)
    compared: NotRequired[int]  # branches with both a personnel plan and results
    as_planned: NotRequired[int]  # of those, branches whose elected committee matches the plan


@dataclass(frozen=True)
class Draft:
    title: str
    summary: str
    body: str


def draft_season_article(facts: SeasonFacts) -> Draft:
    """Title, summary and body of the article reporting a season."""
    ward, term = facts["ward_name"], facts["term"]
    done = facts["branches_total"] > 0 and facts["branches_held"] == facts["branches_total"]
    if done:
        title = f"Đại hội các chi bộ nhiệm kỳ {term}, sự kiện chính trị trên địa bàn {_place(ward)} đã thành công tốt đẹp"
    else:
        title = f"{_held_ratio(facts)} chi bộ trực thuộc {ward} đã tổ chức đại hội nhiệm kỳ {term}"
    summary = f"{_held_sentence(facts)}."
    paragraphs = [
        _p(_intro(facts)), _p(_plan(facts)), _p(f"Theo đó, {_lower_first(summary)}"), _p(_attendance(facts)),
        photo_slot(1), _p(_adopted(facts)), photo_slot(2), _p(_elected(facts)),
    ]
    if facts.get("compared"):
        paragraphs.append(_p(_as_planned(facts)))
    if facts["branches_approved"]:
        paragraphs.append(_p(f"Đến nay, {_executive(ward)} đã chuẩn y kết quả bầu cử của "
                             f"{facts['branches_approved']}/{facts['branches_total']} chi bộ."))
    if any(item["done"] for item in facts.get("follow_up", [])):
        paragraphs.append(_p(_follow_up(facts)))
    if done:
        paragraphs.append(_p(f"Đại hội các chi bộ trực thuộc {ward} nhiệm kỳ {term} đã diễn ra thành công tốt đẹp, "
                             "là cơ sở để tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng, "
                             "tạo động lực thực hiện thắng lợi các nhiệm vụ chính trị của địa phương."))
    paragraphs.append(photo_slot(3))
    return Draft(title=title, summary=summary, body="\n".join(paragraphs))  # one paragraph a line in the editor


def _intro(facts: SeasonFacts) -> str:
    return (f"Đại hội các chi bộ trực thuộc {facts['ward_name']} nhiệm kỳ {facts['term']} có ý nghĩa quan trọng, "
            f"là dịp tổng kết, đánh giá việc thực hiện nghị quyết đại hội chi bộ {_previous(facts)}, xác định mục tiêu, "
            "phương hướng, nhiệm vụ cho nhiệm kỳ mới; kiểm điểm công tác lãnh đạo của chi ủy, đồng thời bầu cấp ủy, "
            "Bí thư và Phó Bí thư chi bộ nhiệm kỳ mới.")


def _plan(facts: SeasonFacts) -> str:
    return (f"Để chuẩn bị cho đại hội, ngày {_day(facts['plan_issued_on'])}, {_executive(facts['ward_name'])} đã ban hành "
            f"Kế hoạch số {facts['plan_number']} về việc tổ chức đại hội chi bộ trực thuộc nhiệm kỳ {facts['term']}, "
            "yêu cầu các chi bộ xây dựng kế hoạch cụ thể, chuẩn bị chu đáo báo cáo chính trị, công tác tuyên truyền, "
            "công tác tổ chức và nhân sự, thực hiện đúng tiến độ đề ra.")


def _held_sentence(facts: SeasonFacts) -> str:
    start, end = facts["first_held_on"] or facts["window_start"], facts["last_held_on"] or facts["window_end"]
    sentence = (f"Từ {_span(start, end)}, {_held_ratio(facts)} chi bộ trực thuộc {facts['ward_name']} đã tổ chức "
                f"{'thành công ' if facts['branches_held'] else ''}đại hội nhiệm kỳ {facts['term']}")
    remaining = facts["branches_total"] - facts["branches_held"]
    if remaining > 0:
        sentence += f"; {remaining} chi bộ còn lại tiếp tục tổ chức theo kế hoạch (đến hết ngày {_day(facts['window_end'])})"
    return sentence


def _attendance(facts: SeasonFacts) -> str:
    sentence = "Tới dự và chỉ đạo đại hội các chi bộ có các đồng chí trong Ban Thường vụ Đảng ủy, các đồng chí Đảng ủy viên phụ trách chi bộ"
    if facts["supervisors"]:
        sentence += ": " + ", ".join(f"đồng chí {name}" for name in facts["supervisors"])
    return sentence + "."


def _adopted(facts: SeasonFacts) -> str:
    return ("Đại hội các chi bộ diễn ra trong không khí trang trọng, dân chủ, thực hiện đúng nguyên tắc, thủ tục, "
            "quy định của Điều lệ Đảng. Tại đại hội, các chi bộ đã thông qua báo cáo chính trị tổng kết thực hiện "
            f"nghị quyết đại hội chi bộ {_previous(facts)}, xác định mục tiêu, phương hướng, nhiệm vụ, giải pháp "
            f"lãnh đạo nhiệm kỳ {facts['term']}; thông qua báo cáo kiểm điểm của chi ủy và nghị quyết đại hội.")


def _elected(facts: SeasonFacts) -> str:
    return ("Với tinh thần tập trung dân chủ, đoàn kết, đại hội các chi bộ đã bầu Ban chi ủy nhiệm kỳ "
            f"{facts['term']}, đồng thời bầu trực tiếp Bí thư, Phó Bí thư chi bộ bằng hình thức bỏ phiếu kín, "
            "bảo đảm tiêu chuẩn, cơ cấu hợp lý để lãnh đạo toàn diện nhiệm vụ chính trị của chi bộ.")


def _as_planned(facts: SeasonFacts) -> str:
    """The seed article's "đều đảm bảo đúng dự kiến về cơ cấu, độ tuổi", said only as far as the
    data bears it out (plans.selectors.planned_vs_elected), in the season reports' own words."""
    matching, compared = facts.get("as_planned", 0), facts.get("compared", 0)
    if matching == compared:
        return ("Nhân sự chi ủy, chức danh Bí thư, Phó Bí thư được bầu đều đảm bảo đúng dự kiến về cơ cấu, độ tuổi "
                f"({matching}/{compared} chi bộ).")
    return f"Về nhân sự, {planned_sentence(matching, compared)}."


def _follow_up(facts: SeasonFacts) -> str:
    """The seed article's last paragraph, with the figures: what the ward asked of each branch
    after its congress and how many have done each item so far."""
    counts = "; ".join(follow_up_sentence(item["title"], item["done"], item["applies"]) for item in facts.get("follow_up", []))
    return f"Sau đại hội, thực hiện yêu cầu của {_executive(facts['ward_name'])}, đến nay {counts}."


def _held_ratio(facts: SeasonFacts) -> str:
    return f"{facts['branches_held']}/{facts['branches_total']}"


def _previous(facts: SeasonFacts) -> str:
    return f"nhiệm kỳ {facts['previous_term']}" if facts["previous_term"] else "nhiệm kỳ trước"


def _place(ward_name: str) -> str:
    """"Đảng bộ phường Việt Hưng" → "phường Việt Hưng": where the event took place."""
    return ward_name.removeprefix("Đảng bộ ").strip()


def _executive(ward_name: str) -> str:
    """"Đảng bộ phường Việt Hưng" → "Đảng ủy phường Việt Hưng": the body that issues the plan."""
    return f"Đảng ủy {_place(ward_name)}"


def _day(day: date) -> str:
    """Dates as the ward writes them in prose: 12/7/2022."""
    return f"{day.day}/{day.month}/{day.year}"


def _span(start: date, end: date) -> str:
    """"ngày 20/8 đến hết ngày 11/9/2022", the year said once when both days share it."""
    first = f"{start.day}/{start.month}" if start.year == end.year else _day(start)
    return f"ngày {first} đến hết ngày {_day(end)}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _p(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"
