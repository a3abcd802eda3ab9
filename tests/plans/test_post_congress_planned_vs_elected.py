from daihoi.plans.models import ElectedPerson, Office
from daihoi.plans.selectors import planned_vs_elected


def compare(congress):
    return planned_vs_elected(congress.plan, congress.plan.congresses.all())


def test_a_committee_elected_as_planned_matches(held_congress):
    data = compare(held_congress)
    assert (data["matching"], data["compared"]) == (1, 1)
    assert data["branches"][0]["notes"] == [] and data["branches"][0]["elected_seats"] == 3


def test_a_secretary_other_than_planned_and_someone_off_the_slate_are_named(held_congress):
    members = held_congress.members
    ElectedPerson.objects.filter(result__congress=held_congress, office=Office.SECRETARY).update(member=members[1])
    ElectedPerson.objects.filter(result__congress=held_congress, member=members[2], office=Office.COMMITTEE).update(member=members[8])
    row = compare(held_congress)["branches"][0]
    assert row["as_planned"] is False
    assert "Bí thư được bầu không phải người dự kiến" in row["notes"] and "1 chi ủy viên ngoài danh sách dự kiến" in row["notes"]


def test_a_missed_womens_target_counts_against_the_plan(held_congress):
    plan = held_congress.plan
    plan.min_women_percent = 60
    plan.save()
    row = compare(held_congress)["branches"][0]
    assert (row["structure_ok"], row["targets_ok"]) == (True, False)
    assert any(note.startswith("Tỷ lệ nữ 33") for note in row["notes"])


def test_branches_without_results_are_left_out_of_the_count(make_plan):
    plan = make_plan()
    assert planned_vs_elected(plan, plan.congresses.all())["compared"] == 0


def test_the_ward_page_summarizes_the_season_as_the_article_does(client_for, ward_office_user, held_congress):
    page = client_for(ward_office_user).get(f"/dai-hoi/ke-hoach/{held_congress.plan_id}/sau-dai-hoi/").content.decode()
    assert "1/1 chi bộ đảm bảo đúng dự kiến về cơ cấu, độ tuổi" in page
