"""A small ward with two branches, A (``branch``) and B (``other_branch``), each with a congress
in session, an election with an open round counted at stations, a motion, an uploaded document;
a published article with a photo; and one user of every role (the secretary, counting committee
and supervisor belong to branch A). The permission walk requests every URL with these."""
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, get_resolver, reverse

# Parameters that mean different objects on different pages.
OVERRIDES: dict[str, dict[str, Any]] = {
    "news:category": {"slug": "dai-hoi"},
    "elections:round_action": {"action": "lock"},
    "elections:candidate_action": {"action": "remove"},
    "elections:election_action": {"action": "open_round"},
}


@dataclass
class Side:
    """The objects of one branch's congress, by URL parameter name."""

    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass
class World:
    a: Side
    b: Side
    users: dict[str, Any]
    common: dict[str, Any]

    def url(self, name: str, params: tuple[str, ...], side: dict[str, Any]) -> str:
        """The URL ``name`` pointing at one branch's objects (``side``: ``a.kwargs`` or ``b.kwargs``)."""
        values = {"app_label": "news", "model_name": "article", "object_id": "1", "content_type_id": 1,
                  **self.common, **side, **OVERRIDES.get(name, {})}
        return reverse(name, kwargs={param: values[param] for param in params})


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def _side(congress: Any, members: list[Any], user: Any) -> Side:
    """An election with an adopted list and an open round counted at two stations, a motion, a
    document: the objects each scoped URL of the congress points at."""
    from daihoi.congresses import services as hall
    from daihoi.congresses.models import CongressDocument, MotionKind
    from daihoi.elections import services
    from daihoi.plans.models import PlanDocument

    election = services.election_create(congress=congress, office="secretary", seats=1, user=user)
    for member in members[:2]:
        services.candidate_add(election=election, member_id=member.pk, source="slate", user=user)
    present = congress.attendances.filter(is_present=True).count()
    services.list_adopt(election=election, hands=(present, 0, 0), user=user)
    round_ = services.round_open(election=election, user=user)
    services.round_counts_set(round_=round_, issued=present, collected=present, method="stations", station_count=2, user=user)
    motion = hall.motion_open(congress=congress, kind=MotionKind.values[0], title="Biểu quyết thử")
    document = CongressDocument.objects.create(congress=congress, kind="other", title="Tài liệu",
                                               file=ContentFile(b"%PDF-1.4 test", name="tai-lieu.pdf"))
    paper = PlanDocument.objects.create(plan=congress.plan, congress=congress, kind="other", version=1, uploaded_by=user,
                                        file=ContentFile(b"%PDF-1.4 test", name="giay-to.pdf"))
    return Side({
        "plan_document_id": paper.pk, "branch_id": congress.branch_id, "congress_id": congress.pk, "plan_id": congress.plan_id,
        "attendance_id": congress.attendances.first().pk, "motion_id": motion.pk, "document_id": document.pk,
        "election_id": election.pk, "round_id": round_.pk, "station": 1,
        "candidate_id": election.lists.first().candidates.first().pk, "ballot_id": 999_999, "speaker_id": 999_999,
        "key": "summons", "fmt": "docx",
    })


@pytest.fixture
def world(seated_congress: Callable[..., Any], other_branch: Any, branch: Any, make_member: Callable[..., Any],
          make_user: Callable[..., Any], ward_office_user: Any, secretary_user: Any, supervisor_user: Any,
          member_user: Any, make_article: Callable[..., Any], settings: Any) -> World:
    from daihoi.accounts.models import User
    from daihoi.congresses import services as hall
    from daihoi.congresses.models import Body, BodySeat
    from daihoi.news import services as news
    from daihoi.news.models import Category

    settings.DAIHOI_SCAN_WORKER = "inline"
    congress_a = seated_congress(full=6)
    congress_a.supervisors.add(supervisor_user)
    congress_b = congress_a.plan.congresses.get(branch=other_branch)
    members_b = [make_member(other_branch, name) for name in ("Hà Văn Bảo", "Lò Thị Cúc", "Mai Văn Đạt", "Kha Thị Én")]
    hall.summons_build(congress=congress_b)
    hall.attendance_check_in(congress=congress_b, attendance_ids=list(congress_b.attendances.values_list("pk", flat=True)))
    members_a = list(branch.members.order_by("id"))
    counter = make_user("kiemphieu1", "counting_committee", branch=branch, member=members_a[-1])
    BodySeat.objects.create(congress=congress_a, body=Body.COUNTING_COMMITTEE, member=members_a[-1], is_head=True)
    admin = User.objects.create_superuser("admin", "admin@example.org", "mat-khau-thu-nghiem-2025")
    category = Category.objects.create(name="Đại hội", slug="dai-hoi")
    article = make_article("Đại hội chi bộ số 1", category=category)
    photo = news.photo_add(article=article, editor=ward_office_user,
                           upload=SimpleUploadedFile("anh.png", _png(), "image/png"), caption="Ảnh")
    users = {"anon": None, "member": member_user, "counting": counter, "secretary": secretary_user,
             "supervisor": supervisor_user, "ward": ward_office_user, "admin": admin}
    common = {"pk": article.pk, "slug": article.slug, "photo_id": photo.pk, "path": photo.image.name,
              "kind": "summons", "action": "seats"}
    return World(_side(congress_a, members_a, ward_office_user), _side(congress_b, members_b, ward_office_user), users, common)


def patterns(resolver: URLResolver | None = None, namespace: str = "",
             outer: tuple[str, ...] = ()) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every named URL pattern as (``namespace:name``, its parameters), nested includes
    included with their parameters."""
    for entry in (resolver or get_resolver()).url_patterns:
        params = outer + tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}".strip(":") if entry.namespace else namespace
            yield from patterns(entry, inner, params)
        elif entry.name:
            yield f"{namespace}:{entry.name}".strip(":"), params


@pytest.fixture(scope="session")
def url_patterns() -> list[tuple[str, tuple[str, ...]]]:
    return list(patterns())


@pytest.fixture
def announced_round(world: Any, client: Any) -> int:
    """Both stations type the six ballots (five for the first name, one struck out entirely);
    the head of the counting committee announces."""
    round_id = world.a.kwargs["round_id"]
    client.force_login(world.users["counting"])
    for station in (1, 2):
        for number in range(1, 7):
            rows = "2" if number < 6 else "1,2"
            response = client.post(f"/bau-cu/lan-bau/{round_id}/may/{station}/phieu/",
                                   json.dumps({"number": number, "rows": rows, "flags": ""}), content_type="application/json")
            assert response.status_code == 200, response.content
    client.post(f"/bau-cu/lan-bau/{round_id}/lock/")
    return round_id
