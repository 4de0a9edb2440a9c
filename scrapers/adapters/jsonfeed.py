"""JSON Feed 1.0/1.1 (jsonfeed.org), including Teamtailor-style items that carry a
schema.org JobPosting under ``_jobposting`` (mapped by ``_jobposting``)."""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..record import ParseError, RawRecord, SourceConfig
from . import _jobposting
from ._common import as_list, each, first, get, get_text_or_none, load_json, text_or_none, strings

KIND = "jsonfeed"
CONTENT_TYPES = ("application/feed+json", "application/json")


def _author(item: dict[str, Any], feed: dict[str, Any]) -> str | None:
    for holder in (item, feed):
        name = get_text_or_none(holder, "authors", 0, "name") or get_text_or_none(holder, "author", "name")
        if name:
            return name
    return None


def _record(item: dict[str, Any], feed: dict[str, Any], source: SourceConfig) -> RawRecord | None:
    url = first(item.get("url"), item.get("external_url"))
    body = text_or_none(item.get("content_html")) or html.escape(text_or_none(item.get("content_text")) or text_or_none(item.get("summary")) or "")
    org = source.organization or _author(item, feed) or text_or_none(feed.get("title"))
    jp = item.get("_jobposting")
    if _jobposting.is_jobposting(jp):
        record = _jobposting.to_record(jp, source, fallback_id=text_or_none(item.get("id")), fallback_url=url,
                                       fallback_org=org)
        if record is not None:
            record.description_html = record.description_html or body
            record.posted = record.posted or text_or_none(item.get("date_published"))
            record.tags = record.tags or strings(item.get("tags"))
            record.url = url or record.url
        return record
    return RawRecord(
        source_id=first(item.get("id"), url) or "",
        title=text_or_none(item.get("title")) or "",
        organization=org,
        organization_url=source.organization_url,
        url=url,
        apply_url=url,
        description_html=body,
        posted=first(item.get("date_published"), item.get("date_modified")),
        tags=strings(item.get("tags")),
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    data = load_json(body)
    version = get_text_or_none(data, "version") or ""
    if not isinstance(data, dict) or not (version.startswith("https://jsonfeed.org/version/")
                                          or isinstance(data.get("items"), list)):
        raise ParseError("not a JSON Feed (no jsonfeed.org version and no 'items' list)")
    items = as_list(get(data, "items"))
    yield from each(items, lambda item: _record(item, data, source), source)
