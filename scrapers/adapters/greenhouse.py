"""Greenhouse Job Board API: ``boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true``.

Without ``content=true`` the list has no descriptions, so :func:`urls` adds it. Content is
HTML escaped once more (``&lt;p&gt;``); it is unescaped here and sanitized later. Also reads
the single-job endpoint (``/jobs/{id}``), whose body is one job object.
"""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..record import ParseError, RawRecord, SourceConfig
from ._common import as_list, each, first, get_text_or_none, load_json, text_or_none, strings, with_query

KIND = "greenhouse"
CONTENT_TYPES = ("application/json",)
#: An employer's board from one row of ``[employers] boards`` in sources.toml (scrapers.config).
BOARD_URL = "https://boards-api.greenhouse.io/v1/boards/{board}/jobs"
BOARD_LABEL = "Greenhouse"


def urls(source: SourceConfig) -> list[str]:
    return [with_query(source.url, content="true")]


def _metadata(job: dict[str, Any], *names: str) -> list[str]:
    wanted = {n.lower() for n in names}
    out: list[str] = []
    for item in as_list(job.get("metadata")):
        if isinstance(item, dict) and str(item.get("name", "")).lower() in wanted:
            out += strings(item.get("value"))
    return out


def _remote(location_type: str) -> bool | None:
    """The "Location Type" metadata as a flag: "Remote" True, "Hybrid" / "On-site" False (a hybrid
    role is not remote, whatever its location's name says), anything else unknown."""
    kind = location_type.lower()
    if any(w in kind for w in ("hybrid", "on-site", "onsite", "on site", "in-office", "in office", "in person", "in-person")):
        return False
    return True if "remote" in kind else None


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord:
    location_type = " ".join(_metadata(job, "Location Type", "Workplace Type", "Remote"))
    location = get_text_or_none(job, "location", "name")
    if location_type:
        location = f"{location_type} - {location}" if location else location_type
    return RawRecord(
        source_id=text_or_none(job.get("id")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=first(job.get("company_name"), source.organization),
        organization_url=source.organization_url,
        url=text_or_none(job.get("absolute_url")),
        apply_url=text_or_none(job.get("absolute_url")),
        description_html=html.unescape(text_or_none(job.get("content")) or ""),
        posted=first(job.get("first_published"), job.get("updated_at")),
        valid_through=text_or_none(job.get("application_deadline")),
        location=location,
        remote=_remote(location_type),
        employment_type=_metadata(job, "Employment Type", "Job Type", "Commitment"),
        tags=[d for d in (get_text_or_none(x, "name") for x in as_list(job.get("departments"))) if d],
        category=get_text_or_none(job, "departments", 0, "name"),
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    data = load_json(body)
    if isinstance(data, dict) and "jobs" not in data and "id" in data and "title" in data:
        jobs: list[Any] = [data]  # single-job endpoint
    elif isinstance(data, dict) and isinstance(data.get("jobs"), list):
        jobs = data["jobs"]
    else:
        raise ParseError("expected a Greenhouse board object with a 'jobs' list")
    yield from each(jobs, lambda job: _record(job, source), source)
