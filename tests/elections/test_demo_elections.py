"""`daihoi demo` gives the current congress of the branch of ``bithu1`` a complete election record
(check-in, counting committee, adopted lists, rounds counted ballot by ballot and announced) that
reproduces the results the plans demo approved; a second run changes nothing."""
import io

import pytest
from django.core.management import call_command

from daihoi.documents.selectors import congress_documents
from daihoi.elections import selectors
from daihoi.elections.models import BallotEntry, Round
from daihoi.plans.models import Congress

pytestmark = pytest.mark.django_db


def test_the_demo_congress_has_locked_rounds_matching_its_approved_results_once() -> None:
    call_command("demo", stdout=io.StringIO())
    congress = Congress.objects.filter(branch__users__username="bithu1").order_by("-plan__window_start").first()
    rounds = list(selectors.locked_rounds(congress))
    assert [(r.election.office, r.number) for r in rounds] == [("committee", 1), ("secretary", 1), ("deputy_secretary", 1)]
    assert all(r.result["status"] == "complete" and r.entries.count() == r.collected for r in rounds)
    data = selectors.result_input_from_rounds(congress)
    submitted = congress.result
    assert (data.summoned, data.present, data.denominator) == (submitted.summoned, submitted.present, submitted.denominator)
    elected = [(m.pk, v) for m, v in [*data.committee, data.secretary, data.deputy]]
    assert sorted(elected) == sorted(submitted.elected.values_list("member_id", "votes"))
    assert [e.stem for e in congress_documents(congress) if e.kind == "counting_minutes"] == [
        "bien-ban-kiem-phieu-chi-uy-lan-1", "bien-ban-kiem-phieu-bi-thu-chi-bo-lan-1",
        "bien-ban-kiem-phieu-pho-bi-thu-chi-bo-lan-1"]
    before = (Round.objects.count(), BallotEntry.objects.count())
    call_command("demo", stdout=io.StringIO())
    assert (Round.objects.count(), BallotEntry.objects.count()) == before
