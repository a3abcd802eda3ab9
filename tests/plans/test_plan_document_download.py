"""Uploaded papers of a plan or a congress are downloaded through a permission check (the site
serves no /media/ address with DEBUG off): the branch's secretary and the ward read them, another
branch's secretary does not."""
from typing import Any

import pytest
from django.core.files.base import ContentFile

from daihoi.plans.models import PlanDocument


@pytest.fixture
def paper(make_plan: Any, branch: Any, secretary_user: Any) -> Any:
    congress = make_plan().congresses.get(branch=branch)
    return PlanDocument.objects.create(plan=congress.plan, congress=congress, kind="political_report", version=1,
                                       uploaded_by=secretary_user, file=ContentFile(b"%PDF-1.4 bao cao", name="bao-cao.pdf"))


def test_the_branch_secretary_downloads_the_paper_by_its_link(client_for: Any, secretary_user: Any, paper: Any) -> None:
    client = client_for(secretary_user)
    page = client.get(f"/dai-hoi/chi-bo/{paper.congress_id}/").content.decode()
    assert f"/dai-hoi/van-ban/{paper.pk}/" in page and "/media/" not in page
    response = client.get(f"/dai-hoi/van-ban/{paper.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 bao cao"
    assert "bao-cao" in response["Content-Disposition"]


def test_another_branch_never_reads_the_paper(client_for: Any, make_user: Any, other_branch: Any, paper: Any) -> None:
    stranger = make_user("bithu2", "branch_secretary", branch=other_branch)
    assert client_for(stranger).get(f"/dai-hoi/van-ban/{paper.pk}/").status_code == 404
