"""Demo hall: the first branch's congress gets its summons list and the usual agenda, ready for
check-in. Deterministic (tokens are only drawn for members not yet summoned) and idempotent."""
from daihoi.congresses import services
from daihoi.plans.models import Congress


def demo_build() -> dict[str, str]:
    """Prepare the current season's congress of the branch whose secretary is ``bithu1``, if the
    plans demo made one; the hall needs no extra login."""
    congresses = Congress.objects.filter(branch__users__username="bithu1")
    congress = congresses.order_by("-plan__window_start", "-id").first()
    if congress is None:
        return {}
    if not congress.attendances.exists():
        services.summons_build(congress=congress)
    if not congress.agenda_items.exists():
        services.agenda_apply_template(congress=congress)
    return {}
