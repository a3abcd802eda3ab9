"""Every change to members, plans, congresses, lists, ballot entries, results, documents and
articles leaves an audit entry naming who made it, when, and the values before and after
(issue 10, deliverable 4); a change that rolls back leaves none. (Members changed by an import:
tests/organizations/test_member_import_audit.py.)"""
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from daihoi.audit.models import AuditEntry
from daihoi.audit.tracking import TRACKED, acting_as


@pytest.fixture
def acting(ward_office_user: Any) -> Iterator[Any]:
    """Changes made by the test's set-up and body count as the ward officer's, as a request of
    theirs would (listed first, so that later fixtures are built inside it)."""
    with acting_as(ward_office_user):
        yield ward_office_user


def trail(model: str, object_id: Any = None, action: str | None = None) -> list[AuditEntry]:
    entries = AuditEntry.objects.filter(model=model).order_by("id")
    if object_id is not None:
        entries = entries.filter(object_id=str(object_id))
    return list(entries.filter(action=action) if action else entries)


def test_issuing_a_plan_and_scheduling_a_congress_are_recorded_with_the_values_before_and_after(
        acting: Any, make_plan: Callable[..., Any], branch: Any, make_user: Callable[..., Any]) -> None:
    from daihoi.plans import services

    supervisor = make_user("giamsat-moi", "supervisor")
    plan = make_plan()
    created = trail("plans.Plan", plan.pk, "create")[0]
    assert created.user == acting and created.before is None and created.after["number"] == "74-KH/ĐU"
    congress = plan.congresses.get(branch=branch)
    services.congress_schedule(congress=congress, scheduled_on=date(2022, 8, 26), starts_at=None, ends_at=None,
                               place="Hội trường khu phố", supervisors=[supervisor])
    change = trail("plans.Congress", congress.pk, "change")[0]
    assert change.user == acting and change.at is not None
    assert change.before["scheduled_on"] is None and change.after["scheduled_on"] == "2022-08-26"
    assert change.before["place"] == "" and change.after["place"] == "Hội trường khu phố"
    supervisors = [e for e in trail("plans.Congress", congress.pk, "change") if "supervisors" in (e.after or {})]
    assert supervisors and supervisors[-1].after == {"supervisors": [supervisor.pk]}
    assert {e.after["branch_id"] for e in trail("plans.Congress", action="create")} >= {branch.pk}


def test_approving_results_records_the_result_and_the_status_before_and_after(acting: Any, held_congress: Any) -> None:
    approval = [e for e in trail("plans.Congress", held_congress.pk, "change") if e.after.get("status") == "approved"]
    assert approval and approval[0].before["status"] == "results_submitted" and approval[0].user == acting
    assert approval[0].after["approval_decision_number"] == "201-QĐ/ĐU"
    result = trail("plans.CongressResult", held_congress.result.pk, "create")[0]
    assert result.after["denominator"] == 9
    elected = trail("plans.ElectedPerson")
    assert {e.after["full_name"] for e in elected} == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"}


def test_a_show_of_hands_and_the_bodies_of_a_congress_are_recorded(acting: Any, seated_congress: Callable[..., Any]) -> None:
    from daihoi.congresses import services as hall
    from daihoi.congresses.models import Body, MotionKind

    congress = seated_congress(full=6)
    motion = hall.motion_open(congress=congress, kind=MotionKind.AGENDA, title="Thông qua chương trình")
    hall.motion_record(motion=motion, agree=6, disagree=0, abstain=0)
    vote = trail("congresses.Motion", motion.pk, "change")[0]
    assert vote.before["agree"] == 0 and vote.after["agree"] == 6
    assert vote.before["passed"] is None and vote.after["passed"] is True and vote.user == acting
    members = list(congress.branch.members.order_by("pk").values_list("pk", flat=True)[:2])
    hall.bodies_set(congress=congress, body=Body.PRESIDIUM, member_ids=members, head_id=members[0])
    seats = trail("congresses.BodySeat", action="create")
    assert {e.after["member_id"] for e in seats} == set(members)


def test_an_uploaded_congress_document_and_a_ward_template_are_recorded(
        acting: Any, seated_congress: Callable[..., Any], ward: Any) -> None:
    from daihoi.congresses import services as hall
    from daihoi.documents import services as documents
    from daihoi.documents.render import default_template

    congress = seated_congress(full=3)
    document = hall.document_upload(congress=congress, kind="other", title="Dự thảo báo cáo",
                                    file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 du thao"))
    assert trail("congresses.CongressDocument", document.pk, "create")[0].after["title"] == "Dự thảo báo cáo"
    hall.document_delete(document=document)
    assert trail("congresses.CongressDocument", document.pk, "delete")[0].before["title"] == "Dự thảo báo cáo"
    template = documents.template_upload(party_committee=ward, kind="summons", filename="giay-trieu-tap.docx",
                                         content=default_template("summons"), user=acting)
    uploaded = trail("documents.WardTemplate", template.pk)
    assert [e.action for e in uploaded] == ["template_upload"]  # the save and the named action: one entry
    assert uploaded[0].after["filename"] == "giay-trieu-tap.docx" and uploaded[0].after["kind"] == "summons"
    documents.template_reset(party_committee=ward, kind="summons")
    assert trail("documents.WardTemplate", template.pk, "delete")[0].before["filename"] == "giay-trieu-tap.docx"


def test_writing_editing_and_publishing_an_article_are_recorded(acting: Any, make_article: Callable[..., Any]) -> None:
    from daihoi.news import services

    article = make_article("Tin bản nháp", publish=False)
    assert trail("news.Article", article.pk, "create")[0].after["title"] == "Tin bản nháp"
    services.article_save(article=article, editor=acting, title="Tin đã sửa", summary="", body="Nội dung.", category=None)
    edit = trail("news.Article", article.pk, "change")[0]
    assert edit.before["title"] == "Tin bản nháp" and edit.after["title"] == "Tin đã sửa"
    services.article_publish(article=article, publisher=acting, publish_at=None)
    published = trail("news.Article", article.pk, "article_publish")
    assert len(published) == 1 and published[0].before["status"] == "draft" and published[0].after["status"] == "published"
    assert published[0].after["approved_by_id"] == acting.pk


def test_lists_rounds_results_and_recounts_are_recorded_with_the_result_before_and_after(
        acting: Any, counting_round: Callable[[int], Any]) -> None:
    from daihoi.elections import services

    round_ = counting_round(2)
    assert len(trail("elections.Candidate", action="create")) == 4
    adopted = [e for e in trail("elections.ElectionList", action="change") if "adopted" in json.dumps(e.after)]
    assert adopted, "adopting the list is recorded"
    for station in (1, 2):
        for number in (1, 2):
            services.entry_save(round_=round_, station=station, number=number, struck=[4], marks=[], flags=[], user=round_.chair)
    services.round_lock(round_=round_, user=round_.chair)
    locked = [e for e in trail("elections.Round", round_.pk, "change") if e.after.get("status") == "locked"][0]
    assert locked.before["status"] == "counting" and locked.before["result"] is None
    assert locked.after["result"]["ballots"]["collected"] == 2 and locked.user == acting
    services.round_recount(round_=round_, reason="Một máy nhập nhầm", user=round_.chair)
    reopened = trail("elections.Round", round_.pk, "change")[-1]
    assert reopened.before["result"] == locked.after["result"] and reopened.after["result"] is None
    assert trail("elections.Recount", action="create")[0].after["reason"] == "Một máy nhập nhầm"


def test_a_corrected_ballot_entry_keeps_the_reading_before_it_in_the_elections_trail(
        counting_round: Callable[[int], Any]) -> None:
    from daihoi.elections import services
    from daihoi.elections.models import AuditEntry as ElectionAudit

    round_ = counting_round(2)
    services.entry_save(round_=round_, station=1, number=1, struck=[2], marks=[], flags=[], user=round_.chair)
    services.entry_save(round_=round_, station=1, number=1, struck=[3], marks=[], flags=[], user=round_.chair)
    correction = ElectionAudit.objects.get(round=round_, action="entry_correct")
    assert correction.user == round_.chair and correction.station == 1
    assert correction.detail["before"]["struck"] == [2] and correction.detail["struck"] == [3]


def test_a_change_made_through_a_page_names_the_logged_in_user(client: Any, ward_office_user: Any,
                                                                  make_article: Callable[..., Any]) -> None:
    article = make_article("Tin sẽ gỡ")
    client.force_login(ward_office_user)
    response = client.post(reverse("news:withdraw", kwargs={"pk": article.pk}))
    assert response.status_code == 302
    withdrawn = [e for e in trail("news.Article", article.pk, "change") if e.after.get("status") == "draft"]
    assert withdrawn and withdrawn[0].user == ward_office_user and withdrawn[0].before["status"] == "published"


def test_a_change_that_rolls_back_leaves_no_entry(acting: Any) -> None:
    from daihoi.news import services

    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.article_save(article=None, editor=acting, title="Không lưu", summary="", body="x", category=None)
        raise RuntimeError("a later step of the same change failed")
    assert AuditEntry.objects.count() == before


def test_the_trail_records_no_ballot_or_check_in_next_to_a_person() -> None:
    """Ballot records and check-ins are kept out of the general trail (SECURITY.md §1): the
    elections' own trail names only the operator who typed a reading."""
    for label in ("elections.BallotEntry", "elections.BallotResolution", "congresses.Attendance",
                  "scanning.ScannedBallot", "scanning.ScanPage", "scanning.ScanBatch"):
        assert label not in TRACKED
