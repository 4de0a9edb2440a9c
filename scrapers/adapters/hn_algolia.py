"""Hacker News "Ask HN: Who is hiring?" comments via the Algolia API.

``hn.algolia.com/api/v1/search?tags=comment,story_{id}&hitsPerPage=1000``. Only top-level
comments are postings; by the thread's convention their first line is
``Company | Role | Location | REMOTE | Full-time …``. Story hits (from a search for the
monthly thread) carry no posting and yield nothing.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import each, expect_list, load_json, s

KIND = "hn_algolia"
CONTENT_TYPES = ("application/json",)

_TAG = re.compile(r"<[^>]*>")
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|io|ai|co|org|net|dev|app)(?:/\S*)?$", re.I)
_WHERE = re.compile(r"\b(remote|onsite|on-site|hybrid|in[- ]office|relocation)\b", re.I)
_TYPE = re.compile(r"\b(full[- ]?time|part[- ]?time|contract(?:or)?|intern(?:ship)?s?|freelance)\b", re.I)


def _first_line(comment: str) -> list[str]:
    line = re.split(r"<p>|\n", comment, maxsplit=1)[0]
    text = html.unescape(_TAG.sub("", line))
    return [p.strip() for p in text.split("|") if p.strip()]


def _record(hit: dict[str, Any], source: SourceConfig) -> RawRecord | None:
    comment = s(hit.get("comment_text"))
    if not comment or hit.get("parent_id") != hit.get("story_id"):
        return None
    parts = _first_line(comment)
    if len(parts) < 2:
        return None
    org = re.sub(r"\s*\(?https?://\S+\)?", "", parts[0]).strip(" -–(") or parts[0]
    rest = [p for p in parts[1:] if not _URLISH.match(p)]
    roles = [p for p in rest if not _WHERE.search(p) and not _TYPE.fullmatch(p)]
    item_id = s(hit.get("objectID")) or ""
    link = f"https://news.ycombinator.com/item?id={item_id}" if item_id.isdigit() else None
    return RawRecord(
        source_id=item_id,
        title=(roles[0] if roles else rest[0] if rest else "")[:200],
        organization=org[:200],
        url=link,
        apply_url=link,
        description_html=comment,
        posted=s(hit.get("created_at")),
        location=" | ".join(p for p in rest if _WHERE.search(p)) or None,
        employment_type=[m.group(0) for p in rest for m in [_TYPE.search(p)] if m],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "hits", what="hits"), lambda h: _record(h, source), source)
