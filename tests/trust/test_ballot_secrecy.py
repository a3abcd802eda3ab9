"""Secrecy by design (SECURITY.md): nothing stored links a member (or their check-in) to a ballot
or a station's reading of it; the printed ballots of a round are all alike; logging holds no
ballot content."""
import json
import logging
from typing import Any

import pypdfium2
from django.apps import apps

from daihoi.elections import pages
from daihoi.elections.ballot_pdf import ballots_pdf

# What a counting station or the scanner records about a paper ballot.
BALLOT_MODELS = ["elections.BallotEntry", "elections.BallotResolution", "elections.ScannedBallot",
                 "elections.ScanPage", "elections.ScanBatch"]
# A user on these rows is the counting-committee member or ward officer who typed, decided or
# uploaded: never the voter.
OPERATOR_FIELDS = {"entered_by", "decided_by", "uploaded_by"}
PERSON_MODELS = {"organizations.Member", "congresses.Attendance", "accounts.User"}


def _relations(model: Any) -> list[Any]:
    return [f for f in model._meta.get_fields() if f.is_relation and f.related_model is not None]


def test_no_ballot_record_points_at_a_person_except_the_operator() -> None:
    for label in BALLOT_MODELS:
        for field in _relations(apps.get_model(label)):
            target = field.related_model._meta.label
            assert target not in PERSON_MODELS or field.name in OPERATOR_FIELDS, f"{label}.{field.name} → {target}"


def test_no_person_record_points_at_a_ballot() -> None:
    for label in PERSON_MODELS:
        for field in _relations(apps.get_model(label)):
            assert field.related_model._meta.label not in BALLOT_MODELS, f"{label}.{field.name}"


def test_attendance_holds_no_ballot_number() -> None:
    names = {f.name for f in apps.get_model("congresses.Attendance")._meta.get_fields()}
    assert not {n for n in names if "ballot" in n or n == "number"}, names


def test_every_printed_ballot_of_a_round_is_identical(world: Any) -> None:
    from daihoi.elections.models import Round

    round_ = Round.objects.get(pk=world.a.kwargs["round_id"])
    spec = pages.ballot_spec(round_)
    pdf = pypdfium2.PdfDocument(ballots_pdf(spec, 12))
    images = [page.render(scale=1).to_pil().tobytes() for page in pdf]
    assert len(images) >= 2 and len(set(images)) == 1, "the sheets of one round differ"
    texts = [page.get_textpage().get_text_range() for page in pdf]
    assert len(set(texts)) == 1


def test_logging_holds_no_ballot_content_when_a_station_enters_a_ballot(world: Any, client: Any, caplog: Any) -> None:
    from daihoi.elections.models import BallotEntry

    caplog.set_level(logging.DEBUG)
    client.force_login(world.users["counting"])
    url = f"/bau-cu/lan-bau/{world.a.kwargs['round_id']}/may/1/phieu/"
    response = client.post(url, json.dumps({"number": 1, "rows": "1", "flags": ""}), content_type="application/json")
    assert response.status_code == 200, response.content
    assert BallotEntry.objects.filter(round_id=world.a.kwargs["round_id"]).count() == 1
    names = [c.full_name for c in BallotEntry.objects.get().round.election_list.candidates.all()]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(name in logged for name in names) and "struck" not in logged
