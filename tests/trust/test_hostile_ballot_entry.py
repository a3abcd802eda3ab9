"""Whatever a counting station's page sends (any JSON, any bytes), the entry endpoint answers 200
with the ballot saved or 400 with a Vietnamese reason: never a server error, and a refused entry
writes nothing (no ballot, no audit line)."""
import json
from typing import Any

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daihoi.elections.models import AuditEntry, BallotEntry

JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                           max_leaves=10)
ROW_TEXT = st.text(alphabet="0123456789 ,;-+xXkK?!\n\t.aáđ", max_size=30)
BODIES = st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda value: json.dumps(value).encode()),
    st.fixed_dictionaries({"number": st.one_of(st.integers(-5, 10), st.integers(), st.text(max_size=5), st.none()),
                           "rows": st.one_of(ROW_TEXT, JSON_VALUES), "flags": st.one_of(ROW_TEXT, JSON_VALUES)})
    .map(lambda value: json.dumps(value).encode()),
)


DEEP = settings.get_current_profile_name() == "deep"  # HYPOTHESIS_PROFILE=deep: every example (README, Testing)


@settings(max_examples=150 if DEEP else 40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=BODIES, station=st.sampled_from([1, 2, 3, 0, 99]))
def test_any_body_is_saved_or_refused_whole(world: Any, body: bytes, station: int) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.users["counting"])
    round_id = world.a.kwargs["round_id"]
    entries, audit = BallotEntry.objects.count(), AuditEntry.objects.count()
    response = client.post(f"/bau-cu/lan-bau/{round_id}/may/{station}/phieu/", body, content_type="application/json")
    assert response.status_code in (200, 400), (response.status_code, body)
    answer = response.json()
    if response.status_code == 400:
        assert answer["ok"] is False and answer["error"]
        assert (BallotEntry.objects.count(), AuditEntry.objects.count()) == (entries, audit)
    else:
        assert BallotEntry.objects.filter(round_id=round_id, station=station, number=answer["number"]).exists()
