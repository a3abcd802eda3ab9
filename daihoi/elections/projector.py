"""The election results on the hall's projector (the slot ``daihoi.congresses.selectors.
election_results_html`` fills): the latest announced round of each election, bars with % of D and
those elected highlighted."""
from django.template.loader import render_to_string

from daihoi.elections import pages
from daihoi.elections.models import Round, RoundStatus
from daihoi.plans.models import Congress


def projector_results_html(congress: Congress) -> str:
    latest: dict[int, Round] = {}
    rounds = Round.objects.filter(election__congress=congress, status=RoundStatus.LOCKED).select_related("election")
    for round_ in rounds.order_by("election_id", "number"):
        latest[round_.election_id] = round_
    cards = [pages.result_card(round_) for round_ in latest.values()]
    return render_to_string("elections/_projector_results.html", {"cards": cards}) if cards else ""
