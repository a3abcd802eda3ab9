"""Pages carry a strict Content-Security-Policy, and no template needs anything it forbids:
no inline script, no event-handler attribute, no htmx ``hx-on`` (evaluated code), no <style>
element. Style attributes stay allowed (bars and charts size themselves with them)."""
import re
from pathlib import Path
from typing import Any

import daihoi

TEMPLATES = sorted(Path(daihoi.__file__).parent.rglob("templates/**/*.html"))
FORBIDDEN = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "event-handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "hx-on attribute": re.compile(r"\bhx-on[:-]", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "<style> element": re.compile(r"<style[\s>]", re.I),
}


def test_no_template_holds_inline_script_or_style_elements() -> None:
    found = [f"{path.relative_to(Path(daihoi.__file__).parent)}: {what}"
             for path in TEMPLATES for what, pattern in FORBIDDEN.items() if pattern.search(path.read_text())]
    assert TEMPLATES and not found, "\n".join(found)


def test_every_page_sends_the_policy(client: Any, db: Any) -> None:
    policy = client.get("/dang-nhap/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy.replace("style-src-attr 'unsafe-inline'", "")
    assert "unsafe-eval" not in policy


def test_the_other_security_headers_are_sent(client: Any, db: Any) -> None:
    response = client.get("/dang-nhap/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
