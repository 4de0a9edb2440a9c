"""Lever Postings API: ``api.lever.co/v0/postings/{site}?mode=json`` (a bare JSON array).

The body of a posting is ``description`` + each ``lists`` section + ``additional``; pay is
in ``salaryRange`` when the employer opted to publish it, else only in prose.
"""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..record import ParseError, RawRecord, SourceConfig
from ._common import as_list, each, epoch_iso, first, get, get_text_or_none, load_json, num, text_or_none, strings, with_query

KIND = "lever"
CONTENT_TYPES = ("application/json",)
#: An employer's board from one row of ``[employers] boards`` in sources.toml (scrapers.config).
BOARD_URL = "https://api.lever.co/v0/postings/{board}"
BOARD_LABEL = "Lever"

_INTERVALS = {"per-hour-wage": "HOUR", "per-year-salary": "YEAR", "per-month-salary": "MONTH",
              "per-week-salary": "WEEK", "per-day-wage": "DAY", "one-time": "TOTAL"}


def urls(source: SourceConfig) -> list[str]:
    return [with_query(source.url, mode="json")]


def _body(p: dict[str, Any]) -> str:
    parts = [text_or_none(p.get("description")) or ""]
    for section in as_list(p.get("lists")):
        heading, content = get_text_or_none(section, "text"), get_text_or_none(section, "content")
        if content:
            parts.append((f"<h3>{html.escape(heading)}</h3>" if heading else "") + f"<ul>{content}</ul>")
    parts.append(text_or_none(p.get("additional")) or "")
    return "\n".join(x for x in parts if x)


def _record(p: dict[str, Any], source: SourceConfig) -> RawRecord:
    cats = p.get("categories") if isinstance(p.get("categories"), dict) else {}
    workplace = (text_or_none(p.get("workplaceType")) or "").lower()
    location = first(cats.get("location"))
    if workplace:
        location = f"{workplace} - {location}" if location else workplace
    salary = p.get("salaryRange") if isinstance(p.get("salaryRange"), dict) else {}
    return RawRecord(
        source_id=text_or_none(p.get("id")) or "",
        title=text_or_none(p.get("text")) or "",
        organization=source.organization,
        organization_url=source.organization_url,
        url=text_or_none(p.get("hostedUrl")),
        apply_url=first(p.get("applyUrl"), p.get("hostedUrl")),
        description_html=_body(p),
        posted=epoch_iso(p.get("createdAt")),
        location=location,
        remote={"remote": True, "on-site": False, "onsite": False, "hybrid": False}.get(workplace),
        employment_type=strings(cats.get("commitment")),
        salary_min=num(salary.get("min")),
        salary_max=num(salary.get("max")),
        salary_currency=text_or_none(salary.get("currency")),
        salary_unit=_INTERVALS.get(text_or_none(salary.get("interval")) or ""),
        tags=strings(p.get("tags")),
        category=first(cats.get("team"), cats.get("department")),
        countries=strings(p.get("country")),
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    data = load_json(body)
    if isinstance(data, dict) and (data.get("ok") is False or "error" in data):
        raise ParseError(f"Lever returned an error: {str(get(data, 'error'))[:200]}")
    if not isinstance(data, list):
        raise ParseError(f"expected a JSON array of Lever postings, got {type(data).__name__}")
    yield from each(data, lambda p: _record(p, source), source)
