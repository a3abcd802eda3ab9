"""An import leaves its audit trail in its own transaction (issue 10): each member it changed with
the changed fields before and after, and the import itself with the file's SHA-256 and counts,
under the user who imported. An import refused for errors writes no entry."""
import hashlib
from typing import Any

from daihoi.audit.models import AuditEntry
from daihoi.audit.tracking import acting_as
from daihoi.organizations.models import Member


def test_an_import_records_each_changed_member_before_and_after_and_the_file_it_came_from(
        roll: Any, ward_office_user: Any, other_branch: Any) -> None:
    roll.apply(roll.xlsx(roll.grid([roll.row(1), roll.row(2)])))
    second = roll.xlsx(roll.grid([roll.row(1, **{"Họ và tên": "Nguyễn Văn Anh"}),
                                  roll.row(2, **{"Chi bộ": "Công an phường"}), roll.row(3)]))
    with acting_as(ward_office_user):
        roll.apply(second, file_name="lan-hai.xlsx")
    renamed = Member.objects.get(full_name="Nguyễn Văn Anh")
    entry = AuditEntry.objects.get(model="organizations.Member", object_id=str(renamed.pk), action="member_import")
    assert entry.user == ward_office_user
    assert entry.before == {"full_name": "Nguyễn Văn Bình"} and entry.after == {"full_name": "Nguyễn Văn Anh"}
    moved = Member.objects.get(party_card_number=roll.row(2)["Số thẻ đảng viên"])
    entry = AuditEntry.objects.get(model="organizations.Member", object_id=str(moved.pk), action="member_import")
    assert entry.after == {"branch_id": other_branch.pk} and entry.before["branch_id"] != other_branch.pk
    summary = AuditEntry.objects.filter(model="organizations.PartyCommittee", action="member_import").latest("id")
    assert summary.user == ward_office_user
    assert summary.after == {"file": "lan-hai.xlsx", "sha256": hashlib.sha256(second).hexdigest(),
                             "new": 1, "updated": 2, "unchanged": 0}


def test_an_import_refused_for_errors_writes_no_audit_entry(roll: Any) -> None:
    report = roll.apply(roll.xlsx(roll.grid([roll.row(1, **{"Ngày sinh": "không phải ngày"})])))
    assert not report.written
    assert not AuditEntry.objects.filter(action="member_import").exists()
