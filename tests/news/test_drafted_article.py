"""The season's article is drafted from the data: plan number and date, window, how many branches
held their congress, who attended, what was adopted, the secret ballot, and slots for photos."""
from datetime import date

from daihoi.news import selectors, services
from daihoi.news.drafting import SeasonFacts, draft_season_article
from daihoi.news.models import ArticleStatus


def _facts(**changes: object) -> SeasonFacts:
    facts = SeasonFacts(
        ward_name="Đảng bộ phường Việt Hưng", plan_number="74-KH/ĐU", plan_issued_on=date(2022, 7, 12), term="2022–2025",
        previous_term="2020–2022", window_start=date(2022, 8, 15), window_end=date(2022, 9, 15),
        first_held_on=date(2022, 8, 20), last_held_on=date(2022, 9, 11), branches_total=23, branches_held=23,
        branches_approved=23, supervisors=["Nguyễn Văn An", "Trần Thị Bình"])
    facts.update(changes)  # type: ignore[typeddict-item]
    return facts


def test_a_completed_season_is_reported_with_its_plan_window_count_and_ballot() -> None:
    draft = draft_season_article(_facts())
    assert draft.title == ("Đại hội các chi bộ nhiệm kỳ 2022–2025, sự kiện chính trị trên địa bàn phường Việt Hưng "
                           "đã thành công tốt đẹp")
    for fact in ["ngày 12/7/2022, Đảng ủy phường Việt Hưng đã ban hành Kế hoạch số 74-KH/ĐU",
                 "từ ngày 20/8 đến hết ngày 11/9/2022, 23/23 chi bộ trực thuộc Đảng bộ phường Việt Hưng",
                 "đồng chí Nguyễn Văn An, đồng chí Trần Thị Bình", "nghị quyết đại hội chi bộ nhiệm kỳ 2020–2022",
                 "thông qua báo cáo chính trị", "báo cáo kiểm điểm của chi ủy", "bầu Ban chi ủy nhiệm kỳ 2022–2025",
                 "Bí thư, Phó Bí thư chi bộ bằng hình thức bỏ phiếu kín", "chuẩn y kết quả bầu cử của 23/23 chi bộ"]:
        assert fact in draft.body, fact
    assert [draft.body.count(f"<p>[ảnh {n}]</p>") for n in (1, 2, 3)] == [1, 1, 1]
    assert draft.summary.startswith("Từ ngày 20/8 đến hết ngày 11/9/2022, 23/23 chi bộ")


def test_an_unfinished_season_says_how_many_held_and_that_the_rest_follow_the_plan() -> None:
    draft = draft_season_article(_facts(branches_held=20, branches_approved=0, previous_term=None))
    assert draft.title == "20/23 chi bộ trực thuộc Đảng bộ phường Việt Hưng đã tổ chức đại hội nhiệm kỳ 2022–2025"
    assert "3 chi bộ còn lại tiếp tục tổ chức theo kế hoạch (đến hết ngày 15/9/2022)" in draft.body
    assert "nhiệm kỳ trước" in draft.body and "thành công tốt đẹp" not in draft.body and "chuẩn y" not in draft.body


def test_a_season_across_new_year_writes_both_years() -> None:
    draft = draft_season_article(_facts(first_held_on=date(2024, 12, 20), last_held_on=date(2025, 1, 10)))
    assert "từ ngày 20/12/2024 đến hết ngày 10/1/2025" in draft.body


def test_the_planned_structure_sentence_says_all_only_when_every_branch_matched() -> None:
    everyone = draft_season_article(_facts(compared=23, as_planned=23)).body
    assert "Bí thư, Phó Bí thư được bầu đều đảm bảo đúng dự kiến về cơ cấu, độ tuổi (23/23 chi bộ)." in everyone
    some = draft_season_article(_facts(compared=23, as_planned=21)).body
    assert "Về nhân sự, 21/23 chi bộ bầu đảm bảo đúng dự kiến về cơ cấu, độ tuổi." in some and "đều đảm bảo" not in some
    assert "dự kiến về cơ cấu" not in draft_season_article(_facts()).body  # no personnel plan compared: no claim


def test_the_facts_are_read_from_the_plan_and_its_congresses(make_season) -> None:
    plan = make_season(held=1)
    facts = selectors.season_facts(plan)
    assert (facts["plan_number"], facts["term"], facts["branches_total"], facts["branches_held"]) == ("74-KH/ĐU", "2022–2025", 2, 1)
    assert (facts["first_held_on"], facts["last_held_on"]) == (date(2022, 8, 20), date(2022, 8, 20))
    assert facts["supervisors"] == ["Giám Sát A"]  # only who attended a congress that was held
    assert facts["ward_name"] == "Đảng bộ phường Thử Nghiệm"


def test_the_draft_from_a_season_matches_its_data_and_waits_for_the_editor(make_season, ward_office_user) -> None:
    plan = make_season()
    article = services.article_draft_from_plan(plan=plan, editor=ward_office_user)
    assert article.status == ArticleStatus.DRAFT and article.source_plan == plan
    assert "2/2 chi bộ trực thuộc Đảng bộ phường Thử Nghiệm" in article.body
    assert "đồng chí Giám Sát A, đồng chí Giám Sát B" in article.body
    assert "[ảnh 1]" in article.body  # sanitizing keeps the photo slots


def test_the_facts_count_the_branches_elected_as_planned(held_congress) -> None:
    facts = selectors.season_facts(held_congress.plan)
    assert (facts["as_planned"], facts["compared"]) == (1, 1)
    assert "đều đảm bảo đúng dự kiến về cơ cấu, độ tuổi (1/1 chi bộ)" in draft_season_article(facts).body
