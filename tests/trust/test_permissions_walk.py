"""Every URL of the site, requested by every role, against an explicit table of who may read
(GET) and who may write (POST), on branch A's objects and on branch B's. The secretary, the
counting committee and the supervisor belong to branch A: on B's objects only the ward office and
the administrator get through. A URL missing from the table fails the test: whoever adds a page
decides here who may open it."""
from typing import Any

from django.test import Client

ROLES = ("anon", "member", "counting", "secretary", "supervisor", "ward", "admin")
ALL = frozenset(ROLES)
USERS = ALL - {"anon"}
WARD = frozenset({"ward", "admin"})
READERS = WARD | {"supervisor"}
BRANCH = READERS | {"secretary"}
HALL = BRANCH | {"counting"}
CHECK_IN = WARD | {"secretary", "counting"}
RUN = WARD | {"secretary"}
NOBODY: frozenset[str] = frozenset()
LOGIN_PATHS = ("/dang-nhap/", "/quan-tri/login/")

# name: (who may GET, who may POST; None: the view does not write). NOBODY on GET: POST only.
TABLE: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "home": (ALL, None),
    "login": (ALL, None),
    "logout": (NOBODY, None),
    "set_language": (ALL, None),
    "organizations:overview": (READERS, None),
    "organizations:branch_list": (USERS, None),
    "organizations:branch_detail": (BRANCH, None),
    "organizations:member_search": (USERS, None),
    "organizations:member_import": (WARD, WARD),
    "organizations:member_import_preview": (WARD, WARD),
    "organizations:member_import_confirm": (NOBODY, WARD),
    "organizations:member_import_template": (WARD, None),
    "organizations:member_export": (WARD, None),
    "organizations:branch_member_export": (BRANCH, None),
    "plans:plan_list": (USERS, None),
    "plans:plan_create": (WARD, WARD),
    "plans:plan_detail": (BRANCH, None),
    "plans:plan_document": (NOBODY, WARD),
    "plans:plan_calendar": (BRANCH, None),
    "plans:plan_report_xlsx": (READERS, None),
    "plans:plan_report_json": (READERS, None),
    "plans:plan_after": (READERS, None),
    "plans:plan_follow_up_item": (NOBODY, WARD),
    "plans:plan_close": (NOBODY, WARD),
    "plans:my_congress": (USERS, None),
    "plans:congress_detail": (BRANCH, None),
    "plans:congress_schedule": (NOBODY, RUN),
    "plans:congress_step": (NOBODY, RUN),
    "plans:congress_document": (NOBODY, RUN),
    "plans:plan_document_file": (BRANCH, None),
    "plans:congress_follow_up": (NOBODY, RUN),
    "plans:congress_follow_up_undo": (NOBODY, RUN),
    "plans:after_latest": (USERS, None),
    "plans:congress_duty": (NOBODY, RUN),
    "plans:congress_personnel": (RUN, RUN),
    "plans:congress_results": (RUN, RUN),
    "plans:congress_approve": (NOBODY, WARD),
    "plans:congress_return": (NOBODY, WARD),
    "plans:api_openapi": (USERS, None),
    "plans:api_plans": (USERS, None),
    "plans:api_plan": (BRANCH, None),
    "plans:api_plan_congresses": (BRANCH, None),
    "plans:api_congress": (BRANCH, None),
    "congresses:list": (USERS, None),
    "congresses:hall": (HALL, None),
    "congresses:proceedings_mark": (NOBODY, RUN),
    "congresses:summons": (HALL, None),
    "congresses:summons_build": (NOBODY, RUN),
    "congresses:absence": (NOBODY, RUN),
    "congresses:summons_print": (RUN, None),
    "congresses:checkin": (CHECK_IN, None),
    "congresses:checkin_token": (NOBODY, CHECK_IN),
    "congresses:checkin_members": (NOBODY, CHECK_IN),
    "congresses:checkin_search": (CHECK_IN, None),
    "congresses:checkout": (NOBODY, CHECK_IN),
    "congresses:counts": (HALL, None),
    "congresses:bodies": (HALL, None),
    "congresses:bodies_set": (NOBODY, RUN),
    "congresses:agenda": (HALL, None),
    "congresses:agenda_edit": (NOBODY, RUN),
    "congresses:agenda_current": (NOBODY, RUN),
    "congresses:motions": (HALL, None),
    "congresses:motion_open": (NOBODY, RUN),
    "congresses:motion_record": (NOBODY, RUN),
    "congresses:motion_cancel": (NOBODY, RUN),
    "congresses:minutes": (HALL, None),
    "congresses:minutes_save": (NOBODY, RUN),
    "congresses:discussion": (HALL, None),
    "congresses:speaker_add": (NOBODY, RUN),
    "congresses:speaker_change": (NOBODY, RUN),  # speaker 999999: a 404 for everyone
    "congresses:speakers_close": (NOBODY, RUN),
    "congresses:timer": (NOBODY, RUN),
    "congresses:documents": (USERS, None),
    "congresses:document_upload": (NOBODY, RUN),
    "congresses:document_download": (USERS, None),
    "congresses:document_delete": (NOBODY, RUN),
    "congresses:projector": (HALL, None),
    "congresses:projector_state": (HALL, None),
    "elections:index": (USERS, None),
    "elections:congress": (HALL, RUN),
    "elections:election": (HALL, None),
    "elections:election_action": (NOBODY, RUN),
    "elections:candidate_action": (NOBODY, RUN),
    "elections:round": (HALL, None),
    "elections:ballots": (RUN, None),
    "elections:results": (HALL, None),
    "elections:station": (CHECK_IN, None),
    "elections:entry": (NOBODY, CHECK_IN),
    "elections:scanning:round": (CHECK_IN, None),
    "elections:scanning:progress": (CHECK_IN, None),
    "elections:scanning:upload": (NOBODY, CHECK_IN),
    "elections:scanning:review": (NOBODY, CHECK_IN),  # ballot 999999: a 404 for everyone
    "elections:scanning:image": (NOBODY, None),
    "elections:round_action": (NOBODY, CHECK_IN),
    "documents:congress_documents": (BRANCH, None),
    "documents:congress_file": (BRANCH, None),
    "documents:congress_document": (BRANCH, None),
    "documents:congress_number": (NOBODY, RUN),
    "documents:season_documents": (WARD, None),
    "documents:season_number": (NOBODY, WARD),
    "documents:ward_signer": (NOBODY, WARD),
    "documents:season_report": (READERS, None),
    "documents:templates": (WARD, None),
    "documents:template_download": (WARD, None),
    "documents:template_upload": (NOBODY, WARD),
    "documents:template_reset": (NOBODY, WARD),
    "audit:trail": (WARD, None),
    "audit:round_file": (NOBODY, None),  # an open round has no file yet: a 404 for everyone
    "news:home": (ALL, None),
    "news:category": (ALL, None),
    "news:search": (ALL, None),
    "news:article_by_id": (ALL, None),
    "news:article": (ALL, None),
    "news:seen": (ALL, None),  # the view counter's beacon: every reader, signed in or not
    "news:seen_image": (ALL, None),
    "news:feed": (ALL, None),
    "news:photo_file": (ALL, None),
    "news:sitemap": (ALL, None),
    "news:desk": (WARD, None),
    "news:new": (WARD, WARD),
    "news:draft_from_plan": (NOBODY, WARD),
    "news:edit": (WARD, WARD),
    "news:preview": (WARD, None),
    "news:publish": (NOBODY, WARD),
    "news:submit": (NOBODY, WARD),
    "news:withdraw": (NOBODY, WARD),
    "news:photo_add": (NOBODY, WARD),
    "news:photo_caption": (NOBODY, WARD),
    "news:photo_delete": (NOBODY, WARD),
}
# Django's admin: the administrator only; its login page is open to all; these need a POST or
# query arguments the walk does not give (a refusal for everyone; the admin's logout sends
# everyone else to the admin's login page).
ADMIN_EXCEPTIONS = {"admin:login": ALL, "admin:logout": ALL - {"admin"}, "admin:autocomplete": NOBODY, "admin:view_on_site": NOBODY}
# Pages whose output takes seconds (PDF through LibreOffice, whole zip files): only refusals are
# requested, so the walk stays fast; their content is tested by the documents app.
SLOW = {"documents:congress_file", "documents:season_report"}
SCOPED = {"branch_id", "congress_id", "election_id", "round_id", "candidate_id", "attendance_id", "motion_id", "document_id"}


def outcome(response: Any) -> str:
    """'ok' (the page, or a redirect within the site), 'refused' (403, 404, 405, 401, or sent to
    log in), or the status code of anything else (a 500 is never acceptable)."""
    status = response.status_code
    if status in (401, 403, 404, 405):
        return "refused"
    if status in (301, 302):
        return "refused" if response["Location"].split("?")[0].endswith(LOGIN_PATHS) else "ok"
    return "ok" if status == 200 else str(status)


def expected(name: str, method: str) -> frozenset[str] | None:
    if name.startswith("admin:"):
        return ADMIN_EXCEPTIONS.get(name, frozenset({"admin"})) if method == "GET" else None
    assert name in TABLE, f"URL {name!r} is not in the permission table of {__file__}: decide who may open it"
    reads, writes = TABLE[name]
    return reads if method == "GET" else writes


def _clients(world: Any) -> dict[str, Client]:
    """One client per role, logged in once."""
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if world.users[role] is not None:
            clients[role].force_login(world.users[role])
    return clients


def _walk(world: Any, url_patterns: list[tuple[str, tuple[str, ...]]], method: str) -> list[str]:
    """Request every URL of both branches with every role; return the differences."""
    clients, wrong = _clients(world), []
    for name, params in url_patterns:
        allowed = expected(name, method)
        if allowed is None:
            continue
        sides = (("A", world.a.kwargs, allowed), ("B", world.b.kwargs, allowed & WARD))
        for side, values, may in sides if SCOPED & set(params) else sides[:1]:
            url = world.url(name, params, values)
            for role in ROLES:
                if method == "POST" and role in may or (name in SLOW and role in may):
                    continue  # an allowed write would change the world the next requests see
                client = clients[role]
                got = outcome(client.get(url) if method == "GET" else client.post(url, {}))
                want = "ok" if role in may else "refused"
                if got != want:
                    wrong.append(f"{method} {url} ({name}, branch {side}) as {role}: {got}, expected {want}")
    return wrong


def test_every_url_is_in_the_permission_table_and_reads_follow_it(world: Any, url_patterns: Any) -> None:
    wrong = _walk(world, url_patterns, "GET")
    assert not wrong, "\n".join(wrong)


def test_no_role_writes_outside_its_scope(world: Any, url_patterns: Any) -> None:
    wrong = _walk(world, url_patterns, "POST")
    assert not wrong, "\n".join(wrong)


def test_the_table_has_no_stale_rows(url_patterns: Any) -> None:
    names = {name for name, _ in url_patterns}
    assert set(TABLE) <= names, f"rows for URLs that no longer exist: {sorted(set(TABLE) - names)}"
