"""Rich text is sanitized with a whitelist: no script can get into a stored article."""
import pytest

from daihoi.news.richtext import sanitize

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<a href=\"javascript:alert(1)\">bấm</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">bấm</a>",
    "<a href=\"&#106;avascript:alert(1)\">bấm</a>",
    "<a href=\" javascript:alert(1)\">bấm</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">bấm</a>",
    "<a href=\"vbscript:msgbox(1)\">bấm</a>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    "<body onload=alert(1)>",
    "<p style=\"background:url(javascript:alert(1))\">chữ</p>",
    "<div onmouseover=\"alert(1)\">rê chuột</div>",
    "<form action=\"https://evil.example\"><input name=x><button>Gửi</button></form>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<p>chữ <scr<script>ipt>alert(1)</script> tiếp</p>",
    "<<script>script>alert(1)<</script>/script>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<a href=\"https://example.org\" onclick=\"alert(1)\" target=\"_top\">liên kết</a>",
    "<table background=\"javascript:alert(1)\"><tr><td>ô</td></tr></table>",
    "<base href=\"https://evil.example/\">",
    "<!--<img src=x onerror=alert(1)>-->",
]
DANGEROUS = ["<script", "onerror", "onload", "onclick", "onmouseover", "ontoggle", "javascript:", "vbscript:", "data:",
             "<iframe", "<object", "<embed", "<svg", "<style", "<meta", "<link", "<form", "<input", "<base", "style=",
             "target=", "<img"]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_xss_payload_survives_sanitizing(payload: str) -> None:
    cleaned = sanitize(payload).lower()
    for marker in DANGEROUS:
        assert marker not in cleaned, (payload, cleaned)


def test_the_whitelisted_formatting_is_kept() -> None:
    text = ('<h2>Tiêu đề</h2><p><strong>đậm</strong> <em>nghiêng</em></p><ul><li>một</li></ul>'
            '<blockquote>trích</blockquote><a href="https://example.org/a">liên kết</a>')
    cleaned = sanitize(text)
    for kept in ["<h2>Tiêu đề</h2>", "<strong>đậm</strong>", "<em>nghiêng</em>", "<li>một</li>", "<blockquote>trích</blockquote>",
                 'href="https://example.org/a"']:
        assert kept in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


def test_plain_text_becomes_paragraphs_at_its_blank_lines() -> None:
    assert sanitize("Đoạn một\ndòng hai\n\nĐoạn 2 & hết") == "<p>Đoạn một<br>dòng hai</p><p>Đoạn 2 &amp; hết</p>"


def test_an_article_saved_through_the_service_is_stored_sanitized(make_article) -> None:
    article = make_article(body='<p>Tin</p><script>alert("x")</script><img src=x onerror=alert(1)>')
    assert article.body == "<p>Tin</p>"
