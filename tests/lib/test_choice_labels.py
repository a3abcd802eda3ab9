"""Model choice labels (statuses, steps, kinds, offices, roles…) are translated on screen, while
what is stored, printed or exported keeps the Vietnamese label whatever the reader's language."""
from io import BytesIO
from typing import Any

import pytest
from django.conf import settings
from django.db import models
from django.utils import translation
from openpyxl import load_workbook

import daihoi.accounts.models
import daihoi.congresses.models
import daihoi.documents.models
import daihoi.elections.models
import daihoi.elections.scanning.models
import daihoi.news.models
import daihoi.organizations.models
import daihoi.plans.models
from daihoi.audit.models import AuditEntry
from daihoi.congresses.models import MotionKind
from daihoi.elections.models import Election, Office
from daihoi.lib.i18n import vietnamese

MODULES = (daihoi.accounts.models, daihoi.congresses.models, daihoi.documents.models, daihoi.elections.models,
           daihoi.elections.scanning.models, daihoi.news.models, daihoi.organizations.models, daihoi.plans.models)
CHOICES = sorted({value for module in MODULES for value in vars(module).values()
                  if isinstance(value, type) and issubclass(value, models.Choices) and value.__module__ == module.__name__},
                 key=lambda c: f"{c.__module__}.{c.__qualname__}")


@pytest.fixture(autouse=True)
def _site_language() -> Any:
    """A request in English leaves English active in the test's thread (LocaleMiddleware does not
    reset it): each test here starts and ends in the site's language."""
    translation.deactivate()
    yield
    translation.deactivate()


def test_every_choice_class_of_the_models_is_covered():
    assert len(CHOICES) >= 23


@pytest.mark.parametrize("choices", CHOICES, ids=lambda c: f"{c.__module__.split('.')[-2]}.{c.__name__}")
def test_every_choice_label_is_vietnamese_by_default_and_english_when_asked(choices: Any):
    for label in choices.labels:
        with translation.override("vi"):
            vi = str(label)
        with translation.override("en"):
            en = str(label)
        assert en != vi and en.isascii(), (choices.__name__, vi, en)
        assert vietnamese(label) == vi


def test_the_label_of_a_stored_choice_follows_the_language_and_vietnamese_keeps_it():
    """get_FOO_display() is already a plain string in the reader's language: official text takes
    vietnamese() of the choice's label, or of the object whose __str__ shows it."""
    election = Election(office=Office.COMMITTEE)
    with translation.override("en"):
        assert election.get_office_display() == "Branch committee"
        assert vietnamese(Office(election.office).label) == "Chi ủy"
    assert election.get_office_display() == "Chi ủy"


@pytest.mark.django_db
def test_the_dashboard_in_english_shows_each_congress_status_in_english(client_for: Any, ward_office_user: Any, make_season: Any):
    plan = make_season(held=1)
    client = client_for(ward_office_user)
    vietnamese_page = client.get(f"/dai-hoi/ke-hoach/{plan.pk}/").content.decode()
    assert ">Đã chuẩn y</span>" in vietnamese_page and ">Đã xếp lịch</span>" in vietnamese_page

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/dai-hoi/ke-hoach/{plan.pk}/").content.decode()
    assert ">Approved</span>" in page and ">Scheduled</span>" in page
    assert "Đã chuẩn y" not in page and "Đã xếp lịch" not in page


@pytest.mark.django_db
def test_the_season_report_keeps_the_vietnamese_status_for_an_english_reader(client_for: Any, ward_office_user: Any,
                                                                            make_season: Any):
    plan = make_season(held=1)
    client = client_for(ward_office_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    rows = client.get(f"/dai-hoi/ke-hoach/{plan.pk}/bao-cao.json").json()["branches"]
    assert sorted({row["status_label"] for row in rows}) == ["Đã chuẩn y", "Đã xếp lịch"]

    sheet = load_workbook(BytesIO(client.get(f"/dai-hoi/ke-hoach/{plan.pk}/bao-cao.xlsx").content)).active
    cells = {value for row in sheet.iter_rows(values_only=True) for value in row if isinstance(value, str)}
    assert {"Đã chuẩn y", "Đã xếp lịch"} <= cells
    assert not cells & {"Approved", "Scheduled"}


@pytest.mark.django_db
def test_a_vote_opened_by_an_english_reader_is_titled_and_audited_in_vietnamese(seated_congress: Any):
    from daihoi.congresses import services

    congress = seated_congress()
    with translation.override("en"):
        motion = services.motion_open(congress=congress, kind=MotionKind.AGENDA, title="")
        election = Election.objects.create(congress=congress, office=Office.COMMITTEE, seats=3)
    motion.refresh_from_db()
    assert motion.title == "Thông qua chương trình đại hội"
    entry = AuditEntry.objects.filter(model="elections.Election", object_id=str(election.pk)).get()
    assert entry.object_repr.startswith("Chi ủy · ")


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "english", "vietnamese_label"), [
    ("/dai-hoi/ke-hoach/moi/", "Number and symbol", "Số và ký hiệu"),
    ("/tin-tuc/soan-tin/moi/", "Summary (lead)", "Tóm tắt (sapo)"),
])
def test_form_labels_are_in_english_for_an_english_reader(client_for: Any, ward_office_user: Any, ward: Any,
                                                          url: str, english: str, vietnamese_label: str):
    client = client_for(ward_office_user)
    assert vietnamese_label in client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url).content.decode()
    assert english in page and vietnamese_label not in page
