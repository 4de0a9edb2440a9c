"""Programme pages: plain HTML with no structured data, watched for changes, never published.

A ``kind = "page"`` source is not parsed into records. The run (``scrapers.watch``) asks
this module for the page's *main text* as a list of lines, compares it with the snapshot
kept in the run state and, on a meaningful change, puts the page in the review queue.

Extraction is selectolax (lexbor) plus explicit, deterministic rules, measured against
trafilatura on recorded-style pages (see the commit that added it): a change watcher needs
every visible sentence of the content (a missed line is a missed change) and the same
lines for the same content on every run; trafilatura's scoring dropped headings and hero
text on two of five pages and pulls in thirteen packages, selectolax is one wheel.

The rules: the content root is ``<main>`` (or ``[role=main]``, ``<article>``, ``<body>``);
scripts, styles, forms, ``<nav>``, ``<aside>`` and landmark roles are removed anywhere;
``<header>``/``<footer>`` and elements whose class or id says nav, menu, footer, cookie,
breadcrumb, sidebar… are removed unless they hold the page's ``<h1>``. Block elements
(paragraphs, list items, headings, table rows…) become one line each, so a sentence with
a link inside stays one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..record import ParseError, RawRecord, SourceConfig

KIND = "page"
CONTENT_TYPES = ("text/html", "application/xhtml+xml")
WATCH = True  # scrapers.run: this kind feeds the review queue, not the entries file

#: A programme page's main text is a few kilobytes; more than this is not a programme page.
MAX_TEXT_CHARS = 200_000
MAX_LINE_CHARS = 1_000
MIN_TEXT_CHARS = 40  # less readable text than this: an error page, a JS shell, a binary body
#: A programme page has a few thousand elements nested a few dozen deep. Far more is a
#: generated or hostile page, refused before parsing: lexbor's tree building turns quadratic
#: past ~5,000 levels (40,000 nested <div>s: 15 s) and the chrome rules search subtrees.
MAX_ELEMENTS = 30_000
MAX_DEPTH = 2_000

_ALWAYS_DROP = ("script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, "
                "textarea, nav, aside, dialog, [role=navigation], [role=banner], [role=contentinfo], "
                "[role=dialog], [role=search], [role=complementary], [aria-hidden=true], [hidden]")
_CHROME = re.compile(r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|header|footer|breadcrumbs?|sidebar|"
                     r"cookies?|consent|gdpr|skip|skip-link|utility|share|social|newsletter)(?:[-_\s]|$)", re.I)
_BLOCK = frozenset("address article blockquote body br dd details div dl dt fieldset figcaption figure h1 h2 h3 "
                   "h4 h5 h6 hr li main ol p pre section summary table tbody thead tfoot tr ul".split())
_CELL = frozenset(("td", "th"))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[A-Za-z]")
# Containers that real pages close; unclosed <p>, <li>, <td>, <b>… are common and do not nest.
_NESTING = re.compile(r"<(/?)(?:div|span|section|article|main|aside|nav|header|footer|table|ul|ol|blockquote|form)\b",
                      re.I)


@dataclass(frozen=True)
class PageText:
    """What the watcher compares: the page's title and its main text, one line per block."""

    title: str
    lines: tuple[str, ...]


def extract(body: bytes, headers: Mapping[str, str] | None = None) -> PageText:
    """The main text of an HTML page, or ParseError for a body that is not a readable page."""
    text = decode(body, headers or {})
    _check_shape(text)
    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    title = _clean(title_node.text(deep=True)) if title_node is not None else ""
    root = tree.css_first("main") or tree.css_first("[role=main]") or tree.css_first("article") or tree.body
    if root is None:
        raise ParseError("no <body> in the page")
    _strip_chrome(root)
    lines = tuple(line for line in _block_lines(root) if line)
    size = sum(len(line) for line in lines)
    if size < MIN_TEXT_CHARS:
        raise ParseError(f"only {size} characters of readable text: not a programme page (a script shell?)")
    if size > MAX_TEXT_CHARS:
        raise ParseError(f"{size:,} characters of text, more than the {MAX_TEXT_CHARS:,} a programme page has")
    return PageText(title=title[:300], lines=lines)


def _check_shape(text: str) -> None:
    """Refuse, before parsing, what is not an HTML page or would make the parser crawl."""
    tags = len(_TAG.findall(text))
    if tags == 0:
        raise ParseError("no HTML markup in the body (JSON or plain text served as text/html?)")
    if tags > MAX_ELEMENTS:
        raise ParseError(f"{tags:,} tags, more than the {MAX_ELEMENTS:,} a programme page has")
    depth = deepest = 0
    for m in _NESTING.finditer(text):
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise ParseError(f"containers nested {deepest:,} deep, more than {MAX_DEPTH:,}")


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    """The adapter protocol's hook: a watched page yields no records, but an unreadable
    body still raises ParseError, as every adapter's does."""
    extract(body)
    return iter(())


def decode(body: bytes, headers: Mapping[str, str]) -> str:
    """Bytes -> text by the header's charset, else a ``<meta charset>``, else UTF-8 (cp1252 fallback)."""
    if not isinstance(body, (bytes, bytearray)):
        raise ParseError(f"expected bytes, got {type(body).__name__}")
    if b"\x00" in body[:4096]:
        raise ParseError("binary body (NUL bytes), not an HTML page")
    declared = _charset(headers.get("Content-Type", "")) or _meta_charset(bytes(body[:4096]))
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return bytes(body).decode(encoding)
            except (LookupError, UnicodeDecodeError):
                continue
    return bytes(body).decode("cp1252", errors="replace")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _meta_charset(head: bytes) -> str | None:
    m = _CHARSET.search(head)
    return m.group(1).decode("ascii", errors="ignore") if m else None


def _strip_chrome(root: LexborNode) -> None:
    """Remove what is not the page's content: code, forms, navigation, banners, footers."""
    # Children before parents (reverse document order): a node is never touched after an
    # ancestor's decompose() has freed it.
    for node in reversed(root.css(_ALWAYS_DROP)):
        node.decompose()
    for node in reversed(root.css("header, footer, [class], [id]")):
        if node.tag in ("main", "article", "body", "html"):
            continue
        names = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if (node.tag in ("header", "footer") or _CHROME.search(names)) and node.css_first("h1") is None:
            node.decompose()


def _block_lines(root: LexborNode) -> list[str]:
    """The text of ``root``, one line per block element (an explicit stack: no recursion limit)."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = _clean("".join(current)).strip(" |")
        current.clear()
        if line:
            lines.append(line[:MAX_LINE_CHARS])

    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag
        if leaving:
            if tag in _CELL:
                current.append(" | ")
            elif tag in _BLOCK:
                flush()
            continue
        if node.is_text_node:
            current.append(node.text_content or "")
            continue
        if not node.is_element_node:
            continue  # comments
        if tag in _BLOCK:
            flush()
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    flush()
    return lines


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
