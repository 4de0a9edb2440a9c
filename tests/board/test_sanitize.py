"""board.sanitize: employer Markdown/HTML is allow-listed before it reaches a page."""

from __future__ import annotations

import re

import pytest

from board.sanitize import clean_html, html_to_text, markdown_to_html, safe_url

REL = 'rel="nofollow ugc noopener noreferrer"'


@pytest.mark.parametrize("dirty", [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<style>body{display:none}</style>",
    '<img src="x" onerror="alert(1)">',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)></svg>",
    '<object data="https://evil.example/x.swf"></object>',
    "<!-- hidden comment -->",
    "<form action=https://evil.example><input name=p></form>",
])
def test_dangerous_elements_removed(dirty):
    cleaned = clean_html(f"<p>before</p>{dirty}<p>after</p>")
    assert cleaned.startswith("<p>before</p>")
    assert cleaned.endswith("<p>after</p>")
    for bad in ("<script", "<style", "<img", "<iframe", "<svg", "<object", "<!--", "<form", "<input", "alert(1)",
                "display:none"):
        assert bad not in cleaned.lower(), (bad, cleaned)


@pytest.mark.parametrize("attr", ['onclick="alert(1)"', 'onmouseover="alert(1)"', "ONFOCUS=alert(1)",
                                  'style="color:red"', 'class="x"', 'id="x"'])
def test_event_handlers_and_style_attributes_removed(attr):
    cleaned = clean_html(f"<p {attr}>hi</p>")
    assert cleaned == "<p>hi</p>"


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)",
    "/relative/path", "relative.html", "../up", "//evil.example/scheme-relative", "#fragment",
])
def test_dangerous_and_relative_links_lose_their_href(href):
    cleaned = clean_html(f'<p><a href="{href}">link</a></p>')
    assert "href" not in cleaned, cleaned
    assert "link" in cleaned


@pytest.mark.parametrize("href", ["https://example.org/jobs?id=1&x=2", "http://example.org/", "mailto:jobs@example.org"])
def test_allowed_links_kept_with_rel(href):
    cleaned = clean_html(f'<p><a href="{href}" title="Apply">apply</a></p>')
    assert f'href="{href.replace("&", "&amp;")}"' in cleaned
    assert REL in cleaned
    assert 'title="Apply"' in cleaned


def test_author_rel_and_target_are_replaced():
    cleaned = clean_html('<a href="https://example.org/" rel="opener" target="_blank">x</a>')
    assert cleaned == f'<a href="https://example.org/" {REL}>x</a>'


def test_harmless_formatting_kept():
    fragment = ("<p>Some <em>emphasis</em> and <strong>bold</strong> and <code>code</code>.</p>"
                "<ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li></ol>"
                "<h2>Heading</h2><blockquote>quote</blockquote>"
                "<table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>")
    assert clean_html(fragment) == fragment


def test_h1_becomes_h2():
    assert clean_html("<h1>Title</h1>") == "<h2>Title</h2>"
    assert clean_html('<h1 class="x">Title</h1>') == "<h2>Title</h2>"


def test_markdown_to_html_renders_and_cleans():
    md = ("# About us\n\nWe are **small** and *friendly*.\n\n- one\n- two\n\n"
          "[Apply](https://example.org/apply) or [bad](javascript:alert(1)) or [rel](/jobs)\n\n"
          "<script>alert(1)</script>\n\n<div onclick=\"alert(1)\">raw html</div>\n")
    html = markdown_to_html(md)
    assert "<h2>About us</h2>" in html
    assert "<strong>small</strong>" in html and "<em>friendly</em>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert f'<a href="https://example.org/apply" {REL}>Apply</a>' in html
    assert " or bad or rel</p>" in html  # an unsafe link keeps its text but is no link at all
    assert "javascript" not in html and 'href="/jobs"' not in html
    assert "<script" not in html and "onclick" not in html and "<div" not in html
    assert "raw html" in html
    assert len(re.findall(r"href=", html)) == 1


def test_markdown_autolinks_and_images():
    html = markdown_to_html("<https://example.org/x>\n\n![alt](https://example.org/i.png)\n")
    assert f'<a href="https://example.org/x" {REL}>https://example.org/x</a>' in html
    assert "<img" not in html


def test_html_to_text():
    assert html_to_text("<p>Hello <b>world</b></p><ul><li>a &amp; b</li><li>c</li></ul>") == "Hello world a & b c"
    assert html_to_text("<p>one</p><p>two<br>three</p><h2>four</h2>") == "one two three four"
    assert html_to_text("<p>x&lt;script&gt;</p>") == "x<script>"
    # a header cell or a term before its value reads "label: value" (the table's rows are still one line of text)
    assert html_to_text("<table><tr><th>Hours</th><td>35 total</td></tr><tr><th>Fee</th><td>$875</td></tr></table>") == \
        "Hours: 35 total Fee: $875"
    assert html_to_text("<dl><dt>Hours</dt><dd>30</dd><dt>Work location</dt><dd>Virtual</dd></dl>") == \
        "Hours: 30 Work location: Virtual"
    assert html_to_text("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>") == "A B 1 2"
    assert html_to_text("<p>Hello <b>world</b></p>\n\n<ul><li>a &amp; b</li></ul>") == "Hello world a & b"
    assert "x()" not in html_to_text("<script>x()</script>ok")


@pytest.mark.parametrize("url, https_only, expected", [
    ("https://example.org/x", False, "https://example.org/x"),
    ("  https://example.org/x  ", False, "https://example.org/x"),
    ("http://example.org/x", False, "http://example.org/x"),
    ("http://example.org/x", True, None),
    ("javascript:alert(1)", False, None),
    ("//example.org/x", False, None),
    ("/x", False, None),
    ("https://[example.org/x", False, None),
    ("", False, None),
    (None, False, None),
])
def test_safe_url(url, https_only, expected):
    assert safe_url(url, https_only=https_only) == expected


def test_lone_surrogates_do_not_crash_the_sanitizer():
    assert clean_html("<p>a\ud800b</p>") == "<p>a\ufffdb</p>"
    assert html_to_text("<p>a\udfffb</p>") == "a\ufffdb"
    assert markdown_to_html("x\ud800") == "<p>x\ufffd</p>"


def test_ascii_and_non_ascii_text_lose_the_same_invisible_characters():
    """``without_invisible`` reads ASCII text with a smaller class: it must remove exactly what
    the full pattern removes, for every ASCII character, alone or beside non-ASCII text."""
    from board.entry import _CONTROL, _SEPARATORS, without_invisible

    for c in range(0x80):
        text = f"a{chr(c)}b"
        assert without_invisible(text) == _CONTROL.sub("", text.translate(_SEPARATORS)), hex(c)
    mixed = "pay\x07 500\u200b USD\u2028remote\x1f"
    assert without_invisible(mixed) == "pay 500 USD remote"
    assert clean_html("<p>a\x00b\x7f</p>") == "<p>ab</p>" == clean_html("<p>a\x00b\x7f\u200b</p>")
