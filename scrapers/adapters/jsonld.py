"""schema.org JobPosting JSON-LD embedded in any HTML careers page.

Finds every ``<script type="application/ld+json">`` with the stdlib HTML parser (no regex
over HTML), tolerates the usual publisher mistakes (HTML comments or CDATA around the
JSON, raw control characters in strings, one broken block among good ones) and walks
arrays, ``@graph`` and nested objects for JobPostings.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any, Iterator

from ..record import ParseError, RawRecord, SourceConfig
from . import _jobposting
from ._common import each

KIND = "jsonld"
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "application/ld+json")

#: A page with more blocks than this is not a careers page.
MAX_BLOCKS = 200
_WRAPPER = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[str] = []
        self._buf: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
            self._buf = [] if kind == "application/ld+json" else None

    def handle_data(self, data: str) -> None:
        if self._buf is not None:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._buf is not None:
            if len(self.blocks) < MAX_BLOCKS:
                self.blocks.append("".join(self._buf))
            self._buf = None


def _decode(body: bytes) -> str:
    if not isinstance(body, (bytes, bytearray)):
        raise ParseError(f"expected bytes, got {type(body).__name__}")
    try:
        return bytes(body).decode("utf-8-sig")
    except UnicodeDecodeError:
        return bytes(body).decode("cp1252", errors="replace")


def blocks(text: str) -> list[Any]:
    """Parsed JSON of each ld+json block; unreadable blocks are skipped."""
    if text.lstrip().startswith(("{", "[")):  # a bare JSON-LD document
        candidates = [text]
    else:
        parser = _Scripts()
        try:
            parser.feed(text)
            parser.close()
        except (AssertionError, ValueError):  # malformed markup deep in the page
            pass
        candidates = parser.blocks
    out = []
    for raw in candidates:
        try:
            out.append(json.loads(_WRAPPER.sub("", raw), strict=False))
        except (json.JSONDecodeError, RecursionError):
            continue
    if candidates and not out:
        raise ParseError(f"{len(candidates)} JSON-LD block(s) found, none is valid JSON")
    return out


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    text = _decode(body)
    if not text.strip():
        raise ParseError("empty body")
    postings = [jp for block in blocks(text) for jp in _jobposting.find_jobpostings(block)]
    yield from each(postings, lambda jp: _jobposting.to_record(jp, source, fallback_url=source.url), source)
