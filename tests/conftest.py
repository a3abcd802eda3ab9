"""Fixtures shared by the whole suite: a small ward, users of every role, and a Chromium page.

Browser tests drive Debian's /usr/bin/chromium through Playwright (never `playwright install`).
"""
import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

# Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM calls
# made by the test itself. The test thread never shares a connection with the live server.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("DAIHOI_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "mat-khau-thu-nghiem-2025"

# Hypothesis (README, Testing): the everyday suite runs the property tests whose examples are web
# requests on a fraction of their examples; HYPOTHESIS_PROFILE=deep runs each one's full count
# (those tests read the profile's name) and 500 examples for the tests that name no count. Both
# build on Hypothesis's own profile ("ci" where CI is set) without its 200 ms deadline, which a
# busy shared machine overran at random, as CI's profile already does.
hypothesis_settings.register_profile(
    "everyday", hypothesis_settings.get_profile(hypothesis_settings.get_current_profile_name()), deadline=None)
hypothesis_settings.register_profile("deep", hypothesis_settings.get_profile("everyday"), max_examples=500)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "everyday")


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher(django_test_environment: None) -> Iterator[None]:
    """The site hashes passwords with Argon2, slow on purpose (about half a second a password on
    this machine, and every user a fixture makes has one). The suite hashes with MD5 instead;
    tests/trust/test_login_throttling.py checks that the site's own setting is Argon2."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _file_caches_in_tmp(django_test_environment: None, tmp_path_factory: Any) -> Iterator[None]:
    """The file-based caches (the shared state, the sessions) in a folder of this run, not the
    data folder: another run at the same time (another developer's, the other database's)
    neither reads them nor empties them between its tests (_fresh_cache), which broke the login
    throttling tests at random."""
    from django.conf import settings
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("caches")
    caches = {alias: {**config, "LOCATION": str(folder / alias)} if config["BACKEND"].endswith("FileBasedCache") else config
              for alias, config in settings.CACHES.items()}
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ward(db: Any) -> Any:
    from daihoi.organizations.models import Branch, BranchKind, PartyCommittee

    committee = PartyCommittee.objects.create(name="Đảng bộ phường Thử Nghiệm", upper_body="Đảng bộ quận Mẫu", place="Hà Nội")
    Branch.objects.create(party_committee=committee, name="Chi bộ Tổ dân phố số 1", kind=BranchKind.RESIDENTIAL_GROUP)
    Branch.objects.create(party_committee=committee, name="Chi bộ Công an phường", kind=BranchKind.POLICE)
    return committee


@pytest.fixture
def branch(ward: Any) -> Any:
    return ward.branches.get(name="Chi bộ Tổ dân phố số 1")


@pytest.fixture
def other_branch(ward: Any) -> Any:
    return ward.branches.get(name="Chi bộ Công an phường")


@pytest.fixture
def make_member(db: Any) -> Callable[..., Any]:
    from daihoi.organizations.models import Member

    counter = iter(range(10_000_000, 99_999_999))

    def make(branch: Any, full_name: str = "Nguyễn Văn An", **fields: Any) -> Any:
        fields.setdefault("party_card_number", str(next(counter)))
        fields.setdefault("date_of_birth", date(1970, 1, 1))
        return Member.objects.create(branch=branch, full_name=full_name, **fields)

    return make


@pytest.fixture
def make_user(db: Any) -> Callable[..., Any]:
    from daihoi.accounts.models import User

    def make(username: str, role: str, **fields: Any) -> Any:
        return User.objects.create_user(username=username, password=PASSWORD, role=role, **fields)

    return make


@pytest.fixture
def ward_office_user(make_user: Callable[..., Any]) -> Any:
    return make_user("vanphong", "ward_office", first_name="Văn phòng")


@pytest.fixture
def secretary_user(make_user: Callable[..., Any], branch: Any) -> Any:
    return make_user("bithu1", "branch_secretary", branch=branch)


@pytest.fixture
def supervisor_user(make_user: Callable[..., Any], branch: Any) -> Any:
    user = make_user("dauyvien1", "supervisor")
    branch.supervisors.add(user)
    return user


@pytest.fixture
def member_user(make_user: Callable[..., Any], branch: Any) -> Any:
    return make_user("dangvien1", "member", branch=branch)


@pytest.fixture
def client_for(client: Any) -> Callable[[Any], Any]:
    """A test client logged in as the given user."""

    def login(user: Any) -> Any:
        client.force_login(user)
        return client

    return login


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def login_page(page: Any) -> Callable[[Any], Any]:
    """Log a user in through the real login form and return the page."""

    def login(user: Any) -> Any:
        page.goto("/dang-nhap/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    return login


@pytest.fixture
def make_article(db: Any, ward_office_user: Any) -> Callable[..., Any]:
    """A news article through the real services; published now unless ``publish`` says otherwise
    (False: a draft; a datetime: published at that moment)."""
    from daihoi.news import services

    def make(title: str = "Tin thử nghiệm", body: str = "Đoạn thứ nhất.\n\nĐoạn thứ hai.", *, summary: str = "",
             category: Any = None, publish: Any = True) -> Any:
        article = services.article_save(article=None, editor=ward_office_user, title=title, summary=summary,
                                        body=body, category=category)
        if publish is not False:
            article = services.article_publish(article=article, publisher=ward_office_user,
                                               publish_at=None if publish is True else publish)
        return article

    return make


@pytest.fixture
def make_season(ward: Any, make_user: Callable[..., Any]) -> Callable[..., Any]:
    """A plan (74-KH/ĐU, 2022–2025, window 20/8–11/9/2022) with one congress per branch of the
    ward, the first ``held`` of them held (and approved), each supervised by its own supervisor."""
    from daihoi.plans.models import Congress, CongressStatus, Plan

    def make(held: int | None = None, number: str = "74-KH/ĐU") -> Any:
        plan = Plan.objects.create(party_committee=ward, number=number, issued_on=date(2022, 7, 12),
                                   term_start_year=2022, term_end_year=2025,
                                   window_start=date(2022, 8, 20), window_end=date(2022, 9, 11))
        branches = list(ward.branches.order_by("id"))
        for index, branch in enumerate(branches):
            is_held = held is None or index < held
            congress = Congress.objects.create(
                plan=plan, branch=branch, status=CongressStatus.APPROVED if is_held else CongressStatus.SCHEDULED,
                held_on=date(2022, 8, 20 + index) if is_held else None)
            congress.supervisors.add(make_user(f"giamsat{plan.pk}-{index}", "supervisor",
                                               first_name=f"Giám Sát {chr(65 + index)}"))
        return plan

    return make


@pytest.fixture
def make_plan(ward: Any, ward_office_user: Any) -> Callable[..., Any]:
    """A plan issued through plans.services.plan_create (one congress per active branch); the
    defaults are those of the seed article (74-KH/ĐU, 2022–2025, 20/8–11/9/2022)."""
    from daihoi.plans.services import PlanInput, plan_create

    def make(**overrides: Any) -> Any:
        fields = {"number": "74-KH/ĐU", "issued_on": date(2022, 7, 12), "term_start_year": 2022,
                  "term_end_year": 2025, "window_start": date(2022, 8, 20), "window_end": date(2022, 9, 11)}
        return plan_create(party_committee=ward, data=PlanInput(**{**fields, **overrides}), file=None, by=ward_office_user)

    return make


ELECTION_TEST_NAMES = [
    "Nguyễn Văn An", "Trần Thị Bích", "Lê Hữu Cường", "Phạm Ngọc Dũng", "Đỗ Thị Giang", "Hoàng Minh Hải",
    "Vũ Thị Hằng", "Bùi Quang Huy", "Đặng Thu Lan", "Ngô Đức Long", "Dương Thị Mai", "Lý Văn Nam",
]


@pytest.fixture
def seated_congress(make_season: Callable[..., Any], branch: Any, make_member: Callable[..., Any]) -> Callable[..., Any]:
    """A congress of ``branch`` in session: ``full`` full members summoned and ``present`` of them
    checked in (names from ELECTION_TEST_NAMES, then numbered), ready for votes and elections."""
    from daihoi.congresses import services

    def make(full: int = 12, present: int | None = None) -> Any:
        congress = make_season(held=0).congresses.get(branch=branch)
        names = ELECTION_TEST_NAMES + [f"Đảng Viên Số {n}" for n in range(len(ELECTION_TEST_NAMES) + 1, full + 1)]
        members = [make_member(branch, name) for name in names[:full]]
        services.summons_build(congress=congress)
        rows = congress.attendances.filter(member__in=members[: full if present is None else present])
        services.attendance_check_in(congress=congress, attendance_ids=list(rows.values_list("pk", flat=True)))
        return congress

    return make


# --- documents (issue 7) ------------------------------------------------------------------------

@pytest.fixture
def documents_congress(ward: Any, branch: Any, make_member: Any, secretary_user: Any, supervisor_user: Any) -> Any:
    """A congress held and counted: plan 74-KH/ĐU, five members summoned (one absent with a
    reason), presidium and secretariat seated, results submitted (3 committee members, secretary)."""
    from datetime import time

    from daihoi.congresses.models import Attendance, Body, BodySeat
    from daihoi.plans.models import Congress, CongressResult, ElectedPerson, Office, Plan

    ward.place = "Việt Hưng"
    ward.save()
    plan = Plan.objects.create(party_committee=ward, number="74-KH/ĐU", issued_on=date(2025, 1, 12),
                               term_start_year=2025, term_end_year=2030,
                               window_start=date(2025, 3, 1), window_end=date(2025, 3, 31))
    congress = Congress.objects.create(plan=plan, branch=branch, ordinal=3, scheduled_on=date(2025, 3, 5),
                                       held_on=date(2025, 3, 5), starts_at=time(7, 30), place="Nhà văn hóa tổ 1")
    congress.supervisors.add(supervisor_user)
    names = ["Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Thị Hằng", "Phạm Quang Vinh", "Đỗ Minh Khoa"]
    members = [make_member(branch, name) for name in names]
    for index, member in enumerate(members):
        Attendance.objects.create(congress=congress, member=member, status="full", attachment="none",
                                  token=f"TOKEN{index}", is_present=index < 4, was_present=index < 4,
                                  absence_reason="" if index < 4 else "ốm, có đơn")
    BodySeat.objects.create(congress=congress, body=Body.PRESIDIUM, member=members[0], is_head=True)
    BodySeat.objects.create(congress=congress, body=Body.SECRETARIAT, member=members[2], is_head=True)
    result = CongressResult.objects.create(congress=congress, summoned=5, present=4, denominator=5,
                                           committee_seats=3, submitted_by=secretary_user)
    for office, member, votes in ((Office.COMMITTEE, members[0], 5), (Office.COMMITTEE, members[1], 4),
                                  (Office.COMMITTEE, members[2], 3), (Office.SECRETARY, members[0], 5)):
        ElectedPerson.objects.create(result=result, office=office, member=member, full_name=member.full_name, votes=votes)
    return congress


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Cached fragments (keyed on ids that a rolled-back test may hand out again) never leak from
    one test into the next."""
    from django.core.cache import caches

    for cache in caches.all():  # the default one, the news portal's kept pages, the shared one
        cache.clear()


@pytest.fixture(autouse=True)
def _vietnamese_after_each_test() -> Iterator[None]:
    """A request in English leaves English active in its thread (LocaleMiddleware does not switch
    back); the next test starts in the site's language, Vietnamese, whatever this one did."""
    yield
    from django.utils import translation

    translation.activate("vi")


# --- elections (shared by elections, documents and the results they feed) ----------------------
# These run on the ``congress`` fixture of the test's folder (a seated congress, e.g.
# tests/elections/conftest.py).

@pytest.fixture
def chair(make_user: Callable[..., Any], branch: Any) -> Any:
    return make_user("bithu-dh", "branch_secretary", branch=branch)


@pytest.fixture
def member_named(congress: Any) -> Callable[[str], Any]:
    def find(name: str) -> Any:
        return congress.branch.members.get(full_name=name)

    return find


@pytest.fixture
def adopted_election(congress: Any, chair: Any, member_named: Callable[[str], Any]) -> Callable[..., Any]:
    """An election of ``office`` for ``seats`` with these names as the slate, adopted by all
    present."""
    from daihoi.elections import services

    def make(office: str, seats: int, names: list[str]) -> Any:
        election = services.election_create(congress=congress, office=office, seats=seats, user=chair)
        for name in names:
            services.candidate_add(election=election, member_id=member_named(name).pk, source="slate", user=chair)
        present = congress.attendances.filter(is_present=True).count()
        motion = services.list_adopt(election=election, hands=(present, 0, 0), user=chair)
        assert motion.passed
        return election

    return make


@pytest.fixture
def counted_by_hand(chair: Any) -> Callable[..., Any]:
    """Open a round, enter issued = collected = sum and hand totals {name: votes}; lock it."""
    from daihoi.elections import selectors, services

    def run(election: Any, votes: dict[str, int], valid: int, lock: bool = True) -> Any:
        round_ = services.round_open(election=election, user=chair)
        services.round_counts_set(round_=round_, issued=valid, collected=valid, method="hand", station_count=1, user=chair)
        by_pk = {c.pk: votes.get(c.full_name, 0) for c in selectors.ballot_candidates(round_)}
        services.totals_set(round_=round_, valid=valid, invalid=0, votes=by_pk, invalid_reasons={}, user=chair)
        return services.round_lock(round_=round_, user=chair) if lock else round_

    return run


# --- ballot scanning (issue 9) ------------------------------------------------------------------

@pytest.fixture
def counting_round(seated_congress: Callable[..., Any], make_user: Callable[..., Any], branch: Any) -> Callable[[int], Any]:
    """Issue 9: a committee election (3 seats, 4 names: the strike form) whose first round counts
    ``collected`` ballots at two stations."""
    from daihoi.elections import services

    def make(collected: int) -> Any:
        congress = seated_congress(full=12)
        chair = make_user("bithu-quet", "branch_secretary", branch=branch)
        election = services.election_create(congress=congress, office="committee", seats=3, user=chair)
        for member in congress.branch.members.order_by("pk")[:4]:
            services.candidate_add(election=election, member_id=member.pk, source="slate", user=chair)
        assert services.list_adopt(election=election, hands=(12, 0, 0), user=chair).passed
        round_ = services.round_open(election=election, user=chair)
        services.round_counts_set(round_=round_, issued=collected, collected=collected, method="stations",
                                  station_count=2, user=chair)
        round_.refresh_from_db()
        round_.chair = chair
        return round_

    return make


@pytest.fixture
def zip_of() -> Callable[[list[bytes]], bytes]:
    return _zip


def _zip(images: list[bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, data in enumerate(images, start=1):
            archive.writestr(f"quet-{index:03}.jpg", data)
    return buffer.getvalue()


@pytest.fixture
def scanned_ballots() -> Callable[..., tuple[list[bytes], list[Any]]]:
    """``count`` ballots of a spec marked and scanned (JPEG bytes) with their truths; the last
    ``with_writing`` carry a name written in."""
    import numpy as np

    from daihoi.elections.scanning import simulate

    def make(spec: Any, count: int, with_writing: int = 0, seed: int = 9) -> tuple[list[bytes], list[Any]]:
        rng = np.random.default_rng(seed)
        images, truths = [], []
        for index in range(count):
            paper, truth = simulate.mark_ballot(rng, spec, 200, ambiguous_rate=0, extra_rate=float(index >= count - with_writing))
            images.append(simulate.scan(rng, paper))
            truths.append(truth)
        return images, truths

    return make


@pytest.fixture
def held_congress(make_plan: Callable[..., Any], branch: Any, make_member: Callable[..., Any],
                  secretary_user: Any, ward_office_user: Any) -> Any:
    """The residential-group branch's congress of 26/8/2022 under 74-KH/ĐU, held and approved:
    9 full members, a personnel plan of 3 seats (slate of 4: An, Bình, Cường, Dung; An secretary,
    Bình deputy), and An, Bình, Cường elected as planned. ``congress.members`` lists the 9."""
    from daihoi.plans import services

    plan = make_plan(min_women_percent=30)
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
             "Đặng Văn Hải", "Bùi Thị Lan", "Đỗ Văn Minh"]
    members = [make_member(branch, name, gender="female" if " Thị " in name else "male") for name in names]
    congress = services.congress_schedule(congress=plan.congresses.get(branch=branch), scheduled_on=date(2022, 8, 26),
                                          starts_at=None, ends_at=None, place="", supervisors=[])
    services.personnel_plan_save(congress=congress, seats=3, slate=members[:4], secretary=members[0], deputy=members[1],
                                 by=secretary_user, on=date(2022, 8, 10))
    services.result_submit(congress=congress, by=secretary_user, on=date(2022, 8, 27), data=services.ResultInput(
        summoned=9, present=9, denominator=9, committee_seats=3, committee=[(m, 8) for m in members[:3]],
        secretary=(members[0], 9), deputy=(members[1], 8)))
    congress = services.result_approve(congress=congress, decision_number="201-QĐ/ĐU", decided_on=date(2022, 9, 2),
                                       by=ward_office_user)
    congress.members = members
    return congress
