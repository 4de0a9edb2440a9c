"""HTML and URL sanitizing for everything that comes from outside.

Python-Markdown passes raw HTML and ``javascript:`` links straight through, and
feedparser's own sanitizer leaves some URL attributes alone, so every body is
cleaned here with nh3 (ammonia's allow-list) before it reaches a template.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3

from .bounds import markdown_problems, too_deep
from .entry import url_problem, without_invisible

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4",
    "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
}
#: ``"*"``: on every allowed tag (ammonia's own default, written out so the Submit page's
#: preview, which gets these sets from ``board.browser_rules``, applies the same list).
ALLOWED_ATTRIBUTES = {"*": {"lang", "title"}, "a": {"href", "title"}, "abbr": {"title"},
                      "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}, "ol": {"start"}}
#: Removed with everything inside them (ammonia's default, written out for the same reason).
CLEAN_CONTENT_TAGS = {"script", "style"}
#: The only URL attribute the allow-list keeps.
URL_ATTRIBUTES = {"href"}
#: Python-Markdown's settings for an employer's body (the preview's marked is set to match).
MARKDOWN_EXTENSIONS = ["sane_lists"]
TAB_LENGTH = 4
URL_SCHEMES = {"http", "https", "mailto"}

_HEADING = re.compile(r"<(/?)h1(\b[^>]*)>", re.I)
LINK_REL = "nofollow ugc noopener noreferrer"
# nh3 drops an unsafe href but keeps the <a rel=…>; a link without a target is invalid
# HTML and useless, so keep only its text. (nh3 output is normalized: one form to match.)
_HREFLESS = re.compile(r'<a(?: title="[^"]*")? rel="' + LINK_REL + r'">((?:.|\n)*?)</a>')
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # lone surrogates (e.g. from JSON "\\ud800") cannot be encoded
# Characters XML 1.0 cannot carry (C0 controls but tab/newline/CR, U+FFFE/FFFF) or HTML
# forbids (C1 controls such as U+0085): one in a body would make every feed containing it
# unwritable or the page invalid, so they go before anything else.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
#: An opening block tag; [^<>]: a run of "<" is read once, not rescanned.
_BLOCK_START = re.compile(r"(<(?:p|div|li|h[1-6]|tr|blockquote|pre|table|ul|ol)\b[^<>]*>)", re.I)
_ANY_TAG = re.compile(r"<[^<>]*>")  # [^<>]: a run of "<" is read once, not rescanned
#: A header cell or term right before its value: a table row or definition list is "label: value" (the colon goes
#: inside the cell: text between table cells is moved out of the table by the HTML parser).
_LABEL_CELL = re.compile(r"(</(?:th|dt)\s*>)\s*(<(?:td|dd)\b)", re.I)
_BLOCK_END = re.compile(r"(</(?:p|div|li|h[1-6]|tr|td|th|dd|dt|blockquote|pre|table)\s*>|<br\s*/?>)", re.I)


def clean_html(fragment: str) -> str:
    """Allow-listed HTML: no scripts, styles, event handlers, images or odd URL schemes.

    Relative and scheme-relative links are dropped (``url_relative="deny"``): on our
    site they would point somewhere the author never meant. Bidi overrides, zero-width and
    other invisible characters go, U+2028/U+2029/NEL become spaces (a hand-edited scraped
    body is cleaned here again on load), so none reaches a page, feed, JSON-LD or calendar.
    """
    fragment = without_invisible(fragment if fragment.isascii() else _SURROGATE.sub("\ufffd", fragment))
    fragment = fragment if fragment.isascii() else _NOT_XML.sub("", fragment)  # its ASCII members went just above
    if too_deep(fragment):  # html5ever would take seconds to minutes: keep the text only
        return f"<p>{html.escape(flat_text(fragment))}</p>"
    fragment = _HEADING.sub(r"<\1h2\2>", fragment)  # the page's h1 is the posting title
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative="deny",
        link_rel=LINK_REL,
        strip_comments=True,
    )
    # Again on the output: nh3 turns "&#x202e;" and "&#8232;" into the characters themselves.
    return _HREFLESS.sub(r"\1", without_invisible(cleaned)).strip()


def markdown_to_html(text: str) -> str:
    """Render an employer's Markdown body, then sanitize the result.

    A body outside :mod:`board.bounds` (the validator refuses it, with its line) is never
    given to Python-Markdown, whoever calls: it becomes escaped text.
    """
    if markdown_problems(text):
        return clean_html(f"<p>{html.escape(text)}</p>")
    return clean_html(_markdown().reset().convert(text))


@functools.cache
def _markdown() -> markdown.Markdown:
    """One converter per process, reset before each body: building one (its parser, patterns
    and extensions) cost as much as converting a body (issue #19's profile). ``reset``
    clears all per-document state, so each body converts as with ``markdown.markdown``."""
    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, tab_length=TAB_LENGTH, output_format="html")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (for summaries, feeds' plain fields, search)."""
    if too_deep(fragment):
        return flat_text(fragment)
    spaced = _BLOCK_END.sub(r"\1 ", _SURROGATE.sub("\ufffd", fragment))  # "<p>a</p><p>b</p>" is "a b", not "ab"
    spaced = _BLOCK_START.sub(r" \1", spaced)  # Hacker News opens paragraphs without closing them: "a<p>b"
    spaced = _LABEL_CELL.sub(r": \1 \2", spaced)  # "<th>Hours</th><td>35</td>" is "Hours: 35", a label and its value
    stripped = nh3.clean(spaced, tags=set(), attributes={}, strip_comments=True)
    return re.sub(r"\s+", " ", html.unescape(stripped)).strip()


def flat_text(fragment: str) -> str:
    """Text of HTML too deep to parse: tags removed in one linear pass, entities read."""
    return re.sub(r"\s+", " ", html.unescape(_ANY_TAG.sub(" ", fragment))).strip()


def safe_url(url: object, https_only: bool = False) -> str | None:
    """The URL, stripped, if it may be published as a link, else None.

    Any value is accepted (a scraped field may be a number, a list or missing): only an
    absolute http(s) URL that passes ``url_problem`` is returned; javascript:, data:,
    relative links and spaces are not."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    return None if url_problem(url, https_only=https_only) else url
