"""Validation of what the elections record, as lists of messages in the reader's language (empty
when all is well). Rules themselves come from the rules core; these checks only apply them to the
records."""
from collections.abc import Collection

from django.utils.translation import gettext as _

from daihoi.elections.models import Office
from daihoi.organizations.models import Member
from daihoi.plans.models import Congress
from daihoi.rules.ballots import FLAGS
from daihoi.rules.structure import branch_structure

# What the operator types for the agree/disagree form, one character per row.
MARK_KEYS = {"1": "agree", "2": "disagree", "3": "both", "0": "none"}
# Validity flags, one letter each (typed in the flags field of the entry page).
FLAG_KEYS = {"p": "not_issued", "v": "write_in", "n": "extra_content", "k": "signed"}
assert set(FLAG_KEYS.values()) == set(FLAGS)


def check_election(congress: Congress, office: str, seats: int, full_members: int) -> list[str]:
    """What the branch may elect (294-QĐ/TW through ``branch_structure``): a committee only with
    9 or more full members and of at most 7; one secretary; at most one deputy; and only the
    offices there are (a forged form could send any text)."""
    if office not in Office.values:
        return [_("Chức danh bầu không hợp lệ.")]
    structure = branch_structure(full_members)
    if not structure.valid:
        return [structure.description]
    numbers = {"structure": structure.description, "seats": seats, "full": full_members}
    if seats < 1:
        return [_("Số lượng cần bầu phải ít nhất là 1.")]
    if seats > full_members:
        # Only full members stand (Charter), so more seats than full members can never be filled.
        return [_("Chi bộ có %(full)d đảng viên chính thức, không thể bầu %(seats)d người.") % numbers]
    if office == Office.COMMITTEE and not structure.committee:
        return [structure.description]
    if office == Office.COMMITTEE and seats > structure.committee_max_seats:
        return [_("%(structure)s; không bầu %(seats)d chi ủy viên được.") % numbers]
    if office == Office.SECRETARY and seats != 1:
        return [_("Mỗi chi bộ bầu một bí thư.")]
    if office == Office.DEPUTY_SECRETARY and seats > structure.deputy_secretaries_max:
        return [_("%(structure)s; không bầu %(seats)d phó bí thư được.") % numbers]
    return []


def check_candidate(member: Member, congress: Congress, on_list: Collection[int],
                    committee_elected: Collection[int] | None) -> list[str]:
    """Only full members of the branch, not suspended or prosecuted, stand (Charter; 190-QĐ/TW
    Art 30.2); once on a list; for secretary and deputy, from the newly elected committee where
    the branch has one (294-QĐ/TW). ``committee_elected`` None means no committee is elected."""
    if member.branch_id != congress.branch_id:
        problem = _("Đồng chí %(name)s không thuộc chi bộ này.")
    elif not member.is_full:
        problem = _("Đồng chí %(name)s là đảng viên dự bị, không được ứng cử, đề cử.")
    elif member.is_suspended or member.is_prosecuted_or_detained:
        problem = _("Đồng chí %(name)s đang bị đình chỉ sinh hoạt hoặc bị khởi tố, tạm giam.")
    elif member.pk in on_list:
        problem = _("Đồng chí %(name)s đã có trong danh sách.")
    elif committee_elected is not None and member.pk not in committee_elected:
        problem = _("Đồng chí %(name)s không có trong chi ủy mới được bầu: bí thư, phó bí thư được bầu trong chi ủy.")
    else:
        return []
    return [problem % {"name": member.full_name}]


def parse_rows(text: str, names: int) -> list[int]:
    """Row numbers as typed ("2 5", "2,5"): each between 1 and the list's length, once."""
    rows: list[int] = []
    for part in text.replace(",", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= names:
            raise ValueError(_("“%(typed)s” không phải số thứ tự từ 1 đến %(names)d.")
                             % {"typed": part, "names": names})
        if int(part) in rows:
            raise ValueError(_("Dòng %(row)s được nhập hai lần.") % {"row": part})
        rows.append(int(part))
    return sorted(rows)


def parse_marks(text: str, names: int) -> list[str]:
    """One mark per row, typed 1 (agree), 2 (disagree), 3 (both boxes), 0 (no mark)."""
    keys = "".join(text.split())
    if len(keys) != names or any(key not in MARK_KEYS for key in keys):
        raise ValueError(_("Cần đúng %(names)d ký tự, mỗi dòng một: 1 đồng ý, 2 không đồng ý, 3 cả hai ô, "
                           "0 không đánh dấu.") % {"names": names})
    return [MARK_KEYS[key] for key in keys]


def parse_flags(text: str) -> list[str]:
    """Validity flags typed as letters: p not issued, v name written in, n content added, k signed."""
    flags = set()
    for key in "".join(text.lower().split()):
        if key not in FLAG_KEYS:
            raise ValueError(_("“%(typed)s” không phải dấu hiệu: p phiếu không do Ban kiểm phiếu phát, v viết thêm tên, "
                               "n ghi thêm nội dung, k ký tên.") % {"typed": key})
        flags.add(FLAG_KEYS[key])
    return sorted(flags)
