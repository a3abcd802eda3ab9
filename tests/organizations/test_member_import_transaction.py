"""Nothing is written from a file with errors, and a confirmed file is written all or nothing."""
import pytest

from daihoi.organizations import importing
from daihoi.organizations.models import Member


def test_nothing_is_written_when_one_row_has_an_error(roll):
    rows = [roll.row(1), roll.row(2), roll.row(3, **{"Ngày sinh": "hôm qua"})]
    report = roll.apply(roll.xlsx(roll.grid(rows)))
    assert not report.written
    assert Member.objects.count() == 0


def test_a_failure_in_the_middle_of_writing_leaves_nothing_stored(roll, monkeypatch):
    roll.apply(roll.xlsx(roll.grid([roll.row(1)])))
    insert, calls = importing._insert_members, []

    def fail_on_second_batch(members):
        calls.append(len(members))
        if len(calls) == 2:
            raise RuntimeError("mất điện")
        insert(members)

    monkeypatch.setattr(importing, "_insert_members", fail_on_second_batch)
    rows = [roll.row(1, **{"Họ và tên": "Nguyễn Văn Đổi Tên"}), roll.row(2), roll.row(3), roll.row(4)]
    with pytest.raises(RuntimeError):
        roll.apply(roll.xlsx(roll.grid(rows)), batch_size=2)
    assert calls == [2, 1]
    assert list(Member.objects.values_list("full_name", flat=True)) == [roll.row(1)["Họ và tên"]]


def test_every_row_is_written_once_confirmed(roll):
    report = roll.apply(roll.xlsx(roll.grid([roll.row(n) for n in range(25)])), batch_size=10)
    assert report.written and report.new == 25
    assert Member.objects.count() == 25
