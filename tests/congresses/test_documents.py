"""Congress documents are uploaded by the branch secretary and read by the branch's members on
their phones; members of other branches never see them."""
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.congresses.models import CongressDocument


def _upload(client, congress, name="bao-cao-chinh-tri.pdf", kind="political_report"):
    return client.post(f"/hoi-truong/{congress.pk}/tai-lieu/dang/", {
        "kind": kind, "title": "Báo cáo chính trị nhiệm kỳ 2025–2030",
        "file": SimpleUploadedFile(name, b"%PDF-1.4 thu nghiem", content_type="application/pdf")}, follow=True)


def test_a_member_of_the_branch_reads_the_uploaded_report(congress, secretary_user, member_user, client):
    client.force_login(secretary_user)
    assert "Đã đăng tài liệu" in _upload(client, congress).content.decode()
    document = CongressDocument.objects.get()
    client.force_login(member_user)
    listing = client.get(f"/hoi-truong/{congress.pk}/tai-lieu/").content.decode()
    assert "Báo cáo chính trị nhiệm kỳ 2025–2030" in listing
    download = client.get(f"/hoi-truong/{congress.pk}/tai-lieu/{document.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 thu nghiem"


def test_a_member_of_another_branch_gets_not_found(congress, secretary_user, make_user, other_branch, client):
    client.force_login(secretary_user)
    _upload(client, congress)
    document = CongressDocument.objects.get()
    client.force_login(make_user("dangvien9", "member", branch=other_branch))
    assert client.get(f"/hoi-truong/{congress.pk}/tai-lieu/").status_code == 404
    assert client.get(f"/hoi-truong/{congress.pk}/tai-lieu/{document.pk}/").status_code == 404


def test_a_member_may_read_but_not_upload(congress, member_user, client_for):
    assert _upload(client_for(member_user), congress).status_code == 403


def test_an_executable_is_refused_with_a_message(congress, secretary_user, client_for):
    response = _upload(client_for(secretary_user), congress, name="virus.exe")
    assert "Chỉ nhận tệp PDF, Word" in response.content.decode()
    assert not CongressDocument.objects.exists()
