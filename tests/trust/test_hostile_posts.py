"""Hostile or empty forms never make a server error: the ward office (who may write everywhere)
posts an empty form and a form of garbage to every URL of branch B, and unknown actions or
template kinds are a 404. Refusals and validation messages are fine; a 500 is not."""
from typing import Any

import pytest
from django.test import Client

GARBAGE = {"seats": "-1", "number": "x", "member": "9999999", "issued": "1e9", "collected": "", "hands": "'; DROP",
           "agree": "-5", "title": "<script>alert(1)</script>" * 50, "token": "\x00" * 20, "kind": "../../etc",
           "file": "not a file", "station": "0", "rows": "1,1,1,999", "flags": "??", "attendance": "abc"}


@pytest.mark.parametrize("form", [{}, GARBAGE], ids=["empty", "garbage"])
def test_no_form_makes_a_server_error(world: Any, url_patterns: Any, form: dict[str, str]) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.users["ward"])
    errors = []
    for name, params in url_patterns:
        if name.startswith("admin:") or name in ("logout", "set_language", "login"):
            continue
        url = world.url(name, params, world.b.kwargs)
        status = client.post(url, form).status_code
        if status >= 500:
            errors.append(f"POST {url} ({name}): {status}")
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("url", ["/bau-cu/{election_id}/khong-co/", "/bau-cu/lan-bau/{round_id}/khong-co/",
                                 "/bau-cu/ung-vien/{candidate_id}/khong-co/", "/van-ban/mau/khong-co/xoa/"])
def test_an_unknown_action_is_not_found(world: Any, url: str) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.users["ward"])
    assert client.post(url.format(**world.a.kwargs)).status_code == 404


@pytest.mark.parametrize("office", ["", "chu-tich", "committee\x00"])
def test_an_election_of_no_known_office_is_refused_and_not_created(world: Any, office: str) -> None:
    """Found by test_hostile_form_properties.py: an empty office made an election no page could
    show again (the next try was a server error)."""
    from daihoi.elections.models import Election

    client = Client(raise_request_exception=False)
    client.force_login(world.users["ward"])
    before = Election.objects.count()
    for _ in range(2):
        response = client.post(f"/bau-cu/dai-hoi/{world.a.kwargs['congress_id']}/", {"office": office, "seats": "2"})
        assert response.status_code < 500
    assert Election.objects.count() == before
