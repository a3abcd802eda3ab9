"""The demo portal: categories, the 2022–2025 season article written by the generator (when the
plans demo has made plan 74-KH/ĐU), and a few ordinary ward news items. Synthetic text, no real
person's name; photos are drawn here with Pillow (the demo never downloads anything).
Deterministic and idempotent: a second run changes nothing."""
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image, ImageDraw, ImageFont

from daihoi.accounts.models import User
from daihoi.news import services
from daihoi.news.models import Article, Category
from daihoi.plans.models import Plan

CATEGORIES = [("Xây dựng Đảng", services.SEASON_CATEGORY_SLUG), ("Chính quyền – Dịch vụ công", "chinh-quyen"),
              ("Văn hóa – Xã hội", "van-hoa-xa-hoi"), ("An ninh – Trật tự", "an-ninh-trat-tu")]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# (category slug, local publish time, views, title, summary, body paragraphs, photo caption)
NEWS = [
    ("xay-dung-dang", "2022-06-18 09:30", 187, "Hội nghị học tập, quán triệt nghị quyết cho cán bộ, đảng viên toàn Đảng bộ phường",
     "Đảng ủy phường tổ chức hội nghị trực tiếp kết hợp trực tuyến tới các điểm cầu chi bộ.",
     ["Sáng 18/6, Đảng ủy phường tổ chức hội nghị học tập, quán triệt nghị quyết cho cán bộ, đảng viên toàn Đảng bộ. "
      "Hội nghị được tổ chức tại hội trường phường và kết nối tới các điểm cầu chi bộ tổ dân phố.",
      "Sau hội nghị, các chi bộ xây dựng chương trình hành động cụ thể, gắn với nhiệm vụ chính trị của từng địa bàn."],
     "Quang cảnh hội nghị tại hội trường phường"),
    ("van-hoa-xa-hoi", "2022-07-26 15:10", 142, "Thăm hỏi, tặng quà gia đình chính sách nhân dịp 27/7",
     "Nhân dịp kỷ niệm Ngày Thương binh – Liệt sĩ, lãnh đạo phường thăm hỏi, tặng quà các gia đình chính sách trên địa bàn.",
     ["Các đoàn công tác của phường đã đến thăm hỏi, tặng quà các gia đình thương binh, liệt sĩ và người có công với cách mạng.",
      "Mặt trận Tổ quốc và các đoàn thể phường phối hợp với các tổ dân phố rà soát, bảo đảm không bỏ sót đối tượng."],
     None),
    ("chinh-quyen", "2022-10-05 10:00", 96, "Hướng dẫn người dân nộp hồ sơ dịch vụ công trực tuyến",
     "Bộ phận một cửa của phường bố trí cán bộ hướng dẫn người dân sử dụng dịch vụ công trực tuyến.",
     ["Người dân đến bộ phận một cửa được hướng dẫn tạo tài khoản, nộp hồ sơ và theo dõi kết quả giải quyết trên điện thoại.",
      "Tổ công nghệ số cộng đồng ở các tổ dân phố tiếp tục hỗ trợ tại nhà cho người cao tuổi."],
     None),
    ("an-ninh-trat-tu", "2022-11-09 08:45", 121, "Tuyên truyền phòng cháy, chữa cháy tại khu dân cư",
     "Công an phường phối hợp với các tổ dân phố tuyên truyền, hướng dẫn kỹ năng thoát nạn khi có cháy.",
     ["Buổi tuyên truyền hướng dẫn cách sử dụng bình chữa cháy, kỹ năng thoát nạn và những lưu ý về an toàn điện trong gia đình.",
      "Các hộ kinh doanh được nhắc nhở bố trí phương tiện chữa cháy tại chỗ và giữ lối thoát nạn thông thoáng."],
     "Hướng dẫn sử dụng bình chữa cháy tại khu dân cư"),
]


def demo_build() -> dict[str, str]:
    """Create what is missing; return no extra logins."""
    editor = User.objects.filter(username="vanphong").first()
    if editor is None:
        return {}
    with transaction.atomic():
        for position, (name, slug) in enumerate(CATEGORIES):
            Category.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})
    for entry in NEWS:
        _ordinary_article(editor, *entry)
    plan = Plan.objects.filter(number="74-KH/ĐU", term_start_year=2022, term_end_year=2025).first()
    if plan is not None and not Article.objects.filter(source_plan=plan).exists():
        _season_article(editor, plan)
    return {}


def _ordinary_article(editor: User, slug: str, when: str, views: int, title: str, summary: str,
                      paragraphs: list[str], caption: str | None) -> None:
    if Article.objects.filter(title=title).exists():
        return
    article = services.article_save(article=None, editor=editor, title=title, summary=summary,
                                    body="\n\n".join(paragraphs), category=Category.objects.get(slug=slug))
    if caption:
        services.photo_add(article=article, editor=editor, upload=_placeholder_photo(caption), caption=caption)
    _publish(article, editor, _local(when), views)


def _season_article(editor: User, plan: Plan) -> None:
    """The generator's article, as the ward office would publish it: two photos in its slots,
    published twelve days after the last congress."""
    article = services.article_draft_from_plan(plan=plan, editor=editor)
    for caption in ["Đồng chí Bí thư Đảng ủy tặng hoa chúc mừng Ban chi ủy Chi bộ Tổ dân phố số 5",
                    "Đảng viên biểu quyết thông qua nghị quyết đại hội chi bộ"]:
        services.photo_add(article=article, editor=editor, upload=_placeholder_photo(caption), caption=caption)
    last_day = plan.congresses.exclude(held_on=None).order_by("-held_on").values_list("held_on", flat=True).first()
    day = (last_day or plan.window_end) + timedelta(days=12)
    _publish(article, editor, datetime(day.year, day.month, day.day, 16, 58, tzinfo=ZoneInfo(settings.TIME_ZONE)), 295)


def _publish(article: Article, editor: User, when: datetime, views: int) -> None:
    services.article_publish(article=article, publisher=editor, publish_at=when)
    Article.objects.filter(pk=article.pk).update(view_count=views)  # a believable history for the demo


def _local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _placeholder_photo(caption: str) -> SimpleUploadedFile:
    """A calm 1200×800 placeholder: a red band with a gold star and the caption's words."""
    image = Image.new("RGB", (1200, 800), (236, 232, 224))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 160), fill=(179, 18, 27))
    draw.regular_polygon((600, 80, 55), 5, rotation=-90, fill=(242, 194, 48))
    font = _font(44)
    for line_no, line in enumerate(_wrap(caption, 34)):
        draw.text((600, 330 + line_no * 62), line, fill=(40, 40, 40), font=font, anchor="mm")
    draw.text((600, 720), "Ảnh minh họa · daihoi", fill=(110, 110, 110), font=_font(30), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile("anh-minh-hoa.jpg", buffer.getvalue(), content_type="image/jpeg")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default(size)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
