"""The import screens: ward office only; upload, preview, confirm; the file waits between steps."""
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from daihoi.organizations.models import Member


def _upload(client, data, name="ds.xlsx"):
    return client.post(reverse("organizations:member_import"), {"file": SimpleUploadedFile(name, data)})


def test_only_the_ward_office_may_import(client_for, secretary_user, roll):
    client = client_for(secretary_user)
    assert client.get(reverse("organizations:member_import")).status_code == 403
    assert _upload(client, roll.xlsx(roll.grid([roll.row(1)]))).status_code == 403
    assert client.post(reverse("organizations:member_import_confirm")).status_code == 403
    assert client.get(reverse("organizations:member_export")).status_code == 403
    assert Member.objects.count() == 0


def test_upload_preview_and_confirm_write_the_members(client_for, ward_office_user, roll):
    client = client_for(ward_office_user)
    response = _upload(client, roll.xlsx(roll.grid([roll.row(1), roll.row(2)])))
    assert response.url == reverse("organizations:member_import_preview")
    preview = client.get(response.url)
    assert "Ghi vào danh sách đảng viên" in preview.content.decode()
    assert Member.objects.count() == 0
    response = client.post(reverse("organizations:member_import_confirm"))
    assert response.url == reverse("organizations:branch_list")
    assert Member.objects.count() == 2
    assert client.get(reverse("organizations:member_import_preview")).url == reverse("organizations:member_import")


def test_preview_of_a_bad_file_lists_errors_and_offers_no_confirm(client_for, ward_office_user, roll):
    client = client_for(ward_office_user)
    _upload(client, roll.xlsx(roll.grid([roll.row(1, **{"Ngày sinh": "31/02/1980"})])))
    page = client.get(reverse("organizations:member_import_preview")).content.decode()
    assert "Dòng 2, cột B (Ngày sinh)" in page
    assert "Ghi vào danh sách đảng viên" not in page
    client.post(reverse("organizations:member_import_confirm"))
    assert Member.objects.count() == 0


def test_a_non_excel_upload_gets_a_message_not_a_server_error(client_for, ward_office_user, ward):
    client = client_for(ward_office_user)
    _upload(client, b"\x00\x01garbage", name="ds.xlsx")
    page = client.get(reverse("organizations:member_import_preview")).content.decode()
    assert "không phải bảng tính Excel" in page


def test_template_and_exports_download_as_xlsx(client_for, ward_office_user, branch):
    client = client_for(ward_office_user)
    for url in (reverse("organizations:member_import_template"), reverse("organizations:member_export"),
                reverse("organizations:branch_member_export", args=[branch.pk])):
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"PK")


def test_a_secretary_exports_their_branch_but_not_another(client_for, secretary_user, branch, other_branch):
    client = client_for(secretary_user)
    assert client.get(reverse("organizations:branch_member_export", args=[branch.pk])).status_code == 200
    assert client.get(reverse("organizations:branch_member_export", args=[other_branch.pk])).status_code == 404
