"""Arbeitnow Job Board API: ``www.arbeitnow.com/api/job-board-api`` (``data`` + ``links``)."""

from __future__ import annotations

from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import each, epoch_iso, expect_list, first, flag, load_json, text_or_none, strings

KIND = "arbeitnow"
CONTENT_TYPES = ("application/json",)


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord:
    remote = flag(job.get("remote"))
    place = text_or_none(job.get("location"))
    return RawRecord(
        source_id=first(job.get("slug"), job.get("url")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=text_or_none(job.get("company_name")),
        url=text_or_none(job.get("url")),
        apply_url=text_or_none(job.get("url")),
        description_html=text_or_none(job.get("description")) or "",
        posted=epoch_iso(job.get("created_at")),
        location=(f"Remote - {place}" if place else "Remote") if remote else place,
        remote=remote,
        employment_type=strings(job.get("job_types")),
        tags=strings(job.get("tags")),
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "data"), lambda j: _record(j, source), source)
