"""The demo ward: a ward like the one in the seed article (23 branches, about 1,000 members),
built from synthetic names so that no real person's data is ever shipped. Deterministic (fixed
seed) and idempotent (a second run changes nothing)."""
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from daihoi.accounts.models import Role, User
from daihoi.organizations.models import Attachment, Branch, BranchKind, Gender, Member, MemberStatus, PartyCommittee

WARD_NAME = "Đảng bộ phường Việt Hưng"
DEMO_PASSWORD = "daihoi-demo"

FAMILY_NAMES = ["Nguyễn"] * 8 + ["Trần"] * 3 + ["Lê"] * 3 + ["Phạm"] * 2 + [
    "Hoàng", "Vũ", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Lương", "Tạ"]
MIDDLE_MALE = ["Văn", "Văn", "Hữu", "Đức", "Quang", "Minh", "Xuân", "Mạnh", "Thành", "Công", "Đình", "Ngọc", "Tuấn"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương", "Kim", "Bích", "Hồng"]
GIVEN_MALE = ["An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy",
              "Khánh", "Khoa", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn",
              "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tú", "Tuấn", "Việt", "Vinh", "Ước", "Ân"]
GIVEN_FEMALE = ["An", "Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương",
                "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh",
                "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Ấn"]
OCCUPATIONS = ["Hưu trí", "Hưu trí", "Hưu trí", "Cán bộ", "Giáo viên", "Kinh doanh", "Công nhân", "Bác sĩ", "Kỹ sư"]
EDUCATION = ["12/12", "12/12", "10/10", "9/12"]
QUALIFICATION = ["Đại học", "Đại học", "Cao đẳng", "Trung cấp", "Thạc sĩ", ""]
THEORY = ["Sơ cấp", "Sơ cấp", "Trung cấp", "Cao cấp", ""]


@dataclass(frozen=True)
class DemoBranch:
    name: str
    kind: BranchKind
    size: int
    elderly: bool


def demo_branches() -> list[DemoBranch]:
    """18 residential groups (older members, many retired) and 5 workplace branches: 23 in all."""
    rng = random.Random(74)
    groups = [DemoBranch(f"Chi bộ Tổ dân phố số {n}", BranchKind.RESIDENTIAL_GROUP, rng.randint(38, 58), True)
              for n in range(1, 19)]
    return groups + [
        DemoBranch("Chi bộ Công an phường", BranchKind.POLICE, 24, False),
        DemoBranch("Chi bộ Quân sự phường", BranchKind.MILITARY, 8, False),
        DemoBranch("Chi bộ Trường Tiểu học Việt Hưng", BranchKind.SCHOOL, 19, False),
        DemoBranch("Chi bộ Trường Mầm non Hoa Sữa", BranchKind.SCHOOL, 11, False),
        DemoBranch("Chi bộ Trạm Y tế phường", BranchKind.HEALTH_STATION, 7, False),
    ]


def demo_build() -> dict[str, str]:
    """Create the ward, its branches, members and demo users if missing; return the logins."""
    with transaction.atomic():
        committee, _ = PartyCommittee.objects.get_or_create(
            name=WARD_NAME, defaults={"upper_body": "Đảng bộ quận Long Biên", "place": "Việt Hưng"})
        rng = random.Random(2022)
        card_numbers = enumerate(rng.sample(range(10_000_000, 99_999_999), 2000), start=1)
        for index, spec in enumerate(demo_branches()):
            branch, created = Branch.objects.get_or_create(
                party_committee=committee, name=spec.name, defaults={"kind": spec.kind, "position": index + 1})
            if created or not branch.members.exists():
                Member.objects.bulk_create(_members(branch, spec, random.Random(index), card_numbers))
        return _demo_users(committee)


def _members(branch: Branch, spec: DemoBranch, rng: random.Random, card_numbers: Iterator[tuple[int, int]]) -> list[Member]:
    members = []
    for _ in range(spec.size):
        member = _member(branch, spec, rng, *next(card_numbers))
        member.fill_derived_fields()
        members.append(member)
    return members


def _member(branch: Branch, spec: DemoBranch, rng: random.Random, serial: int, card: int) -> Member:
    female = rng.random() < 0.45
    born = date(rng.randint(1938, 1965) if spec.elderly and rng.random() < 0.7 else rng.randint(1966, 2000),
                rng.randint(1, 12), rng.randint(1, 28))
    admitted = born + timedelta(days=365 * rng.randint(19, 40) + rng.randint(0, 300))
    admitted = min(admitted, date(2025, 3, 1))
    probationary = admitted > date(2024, 6, 1) or rng.random() < 0.03
    elderly = (date(2025, 1, 1) - born).days > 365 * 75
    name = " ".join([rng.choice(FAMILY_NAMES), rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                     rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)])
    roll = rng.random()
    return Member(
        branch=branch, full_name=name, date_of_birth=born, gender=Gender.FEMALE if female else Gender.MALE,
        # CCCD: province 001, then century and sex (0/1 for the 1900s, 2/3 for the 2000s), year, serial.
        citizen_id=f"001{(0 if born.year < 2000 else 2) + female}{born.year % 100:02d}{serial:06d}",
        cv_number=f"{card % 1_000_000:06d}HN", party_card_number=str(card),
        admission_date=admitted,
        full_membership_date=None if probationary else admitted + timedelta(days=365),
        status=MemberStatus.PROBATIONARY if probationary else MemberStatus.FULL,
        attachment=Attachment.ELSEWHERE if roll < 0.015 else Attachment.HERE if roll > 0.99 else Attachment.NONE,
        is_excused=elderly and rng.random() < 0.5,
        is_suspended=0.5 < roll < 0.503,
        ethnicity="Kinh" if rng.random() < 0.97 else "Tày", religion="Không" if rng.random() < 0.9 else "Phật giáo",
        hometown=rng.choice(["Hà Nội", "Nam Định", "Thái Bình", "Hưng Yên", "Bắc Ninh", "Nghệ An"]),
        education=rng.choice(EDUCATION), qualification=rng.choice(QUALIFICATION), political_theory=rng.choice(THEORY),
        occupation="Hưu trí" if elderly else rng.choice(OCCUPATIONS), residence=f"{branch.name.removeprefix('Chi bộ ')}, phường Việt Hưng",
        phone=f"09{rng.randint(10_000_000, 99_999_999)}",
    )


def _demo_users(committee: PartyCommittee) -> dict[str, str]:
    """One login per role; the supervisors share the branches between them."""
    branches = list(committee.branches.order_by("id"))
    logins = {"admin": "quản trị", "vanphong": "Văn phòng Đảng ủy"}
    _user("admin", Role.WARD_OFFICE, "Quản trị", is_staff=True, is_superuser=True)
    _user("vanphong", Role.WARD_OFFICE, "Văn phòng Đảng ủy")
    for n in range(1, 6):
        supervisor = _user(f"dauyvien{n}", Role.SUPERVISOR, f"Đảng ủy viên {n}")
        supervisor.supervised_branches.add(*branches[n - 1::5])
    logins["dauyvien1"] = "Đảng ủy viên phụ trách (… dauyvien5)"
    for n, branch in enumerate(branches, start=1):
        _user(f"bithu{n}", Role.BRANCH_SECRETARY, f"Bí thư {branch.name.removeprefix('Chi bộ ')}", branch=branch)
    logins["bithu1"] = f"Bí thư {branches[0].name} (… bithu{len(branches)})"
    _user("kiemphieu1", Role.COUNTING_COMMITTEE, "Ban kiểm phiếu", branch=branches[0])
    logins["kiemphieu1"] = "Ban kiểm phiếu"
    _user("dangvien1", Role.MEMBER, "Đảng viên", branch=branches[0])
    logins["dangvien1"] = "Đảng viên"
    return logins


def _user(username: str, role: Role, name: str, **fields: object) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"role": role, "first_name": name, **fields})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user
