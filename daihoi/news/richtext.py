"""Rich text of articles: a whitelist sanitizer (nh3, the Rust ammonia library) and the photo
slots ("[ảnh 1]") that place an article's photos inside its body.

Everything an editor types goes through ``sanitize`` before it is stored, so the public pages may
print the body as it is: no script, event handler, style or foreign frame can get in."""
import html
import re

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "s", "h2", "h3", "h4", "ul", "ol", "li",
                "blockquote", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# Only web and mail links: javascript:, data: and vbscript: URLs never survive.
URL_SCHEMES = {"http", "https", "mailto"}
# Dropped with their content, not just unwrapped: their text is code, never prose.
CLEAN_CONTENT_TAGS = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}

PHOTO_SLOT = re.compile(r"<p>\s*\[ảnh\s+(\d+)\]\s*</p>", re.IGNORECASE)


def sanitize(text: str) -> str:
    """Keep only the whitelisted tags and attributes. Plain text without tags (what most editors
    type or paste) becomes paragraphs at its blank lines."""
    if "<" not in text:
        text = _paragraphs(text)
    return nh3.clean(text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     clean_content_tags=CLEAN_CONTENT_TAGS, link_rel="noopener noreferrer nofollow").strip()


def _paragraphs(text: str) -> str:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if block.strip()]
    return "".join(f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>" for block in blocks)


def photo_slot(number: int) -> str:
    """The paragraph that marks where photo ``number`` (1-based) goes in a body."""
    return f"<p>[ảnh {number}]</p>"


def place_photos(body: str, figures: list[str], *, show_empty_slots: bool) -> tuple[str, list[str]]:
    """Replace each slot with the figure of that photo; return the body and the figures no slot
    asked for (shown after the body). A slot without a photo disappears from the public page and
    stays visible, as a reminder, in the editor's preview."""
    used: set[int] = set()

    def replace(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        if 0 <= index < len(figures):
            used.add(index)
            return figures[index]
        return f'<p class="photo-slot">[ảnh {index + 1}] — chưa có ảnh</p>' if show_empty_slots else ""

    placed = PHOTO_SLOT.sub(replace, body)
    return placed, [figure for index, figure in enumerate(figures) if index not in used]
