"""Schemathesis against the read-only API's own OpenAPI schema (issue 10, hostile input): for
every operation, generated path parameters (any integer, huge and negative ones too) and the
ids of real plans and congresses, as a logged-in ward officer and anonymously, every answer is
one the schema documents (status code, content type, body shape), never a server error."""
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from daihoi.plans.api import OPENAPI

schema = schemathesis.openapi.from_dict(OPENAPI)
APP = WSGIHandler()  # the site's own WSGI application, called in this thread (the test's transaction)


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """A real WSGI call ends by closing "old" database connections; on PostgreSQL that would
    close the test's own connection, inside its transaction. Django's test client stops this
    the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def session_cookie(client: Any, ward_office_user: Any) -> dict[str, str]:
    client.force_login(ward_office_user)
    return {"sessionid": client.cookies["sessionid"].value}


@pytest.fixture
def season(held_congress: Any) -> Any:
    """A plan whose branch congress has approved results, so the 200 answers carry every field."""
    return held_congress.plan


DEEP = settings.get_current_profile_name() == "deep"  # HYPOTHESIS_PROFILE=deep: every example (README, Testing)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40 if DEEP else 15, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_generated_request_gets_an_answer_the_schema_documents(case: Any, session_cookie: dict[str, str],
                                                                     season: Any) -> None:
    case.call_and_validate(app=APP, cookies=session_cookie)


@pytest.mark.django_db
def test_real_plans_and_congresses_are_answered_as_the_schema_describes(session_cookie: dict[str, str], season: Any) -> None:
    congress = season.congresses.exclude(result=None).get()
    ids = {"plan_id": season.pk, "congress_id": congress.pk}
    for path, item in OPENAPI["paths"].items():
        operation = schema[path]["GET"]
        names = [p["name"] for p in item["get"].get("parameters", [])]
        case = operation.Case(path_parameters={name: ids[name] for name in names})
        response = case.call(app=APP, cookies=session_cookie)
        assert response.status_code == 200, (path, response.text[:300])
        case.validate_response(response)


@pytest.mark.django_db
def test_anonymous_callers_get_the_documented_401_on_every_operation(season: Any) -> None:
    for path, item in OPENAPI["paths"].items():
        names = [p["name"] for p in item["get"].get("parameters", [])]
        case = schema[path]["GET"].Case(path_parameters={name: season.pk for name in names})
        response = case.call(app=APP)
        assert response.status_code == 401 and response.json() == {"error": "Cần đăng nhập."}
        case.validate_response(response)
