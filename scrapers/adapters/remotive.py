"""Remotive API: ``remotive.com/api/remote-jobs``. All jobs are remote.

``salary`` is free text ("$40 - $50/hour"), so it is put in front of the description where
curation's prose extraction reads it. Remotive's terms forbid pushing its jobs to Google
Jobs: the source must set ``jsonld = false``.
"""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import each, expect_list, load_json, text_or_none, strings

KIND = "remotive"
CONTENT_TYPES = ("application/json",)


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord:
    salary = text_or_none(job.get("salary"))
    where = text_or_none(job.get("candidate_required_location"))
    return RawRecord(
        source_id=text_or_none(job.get("id")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=text_or_none(job.get("company_name")),
        url=text_or_none(job.get("url")),
        apply_url=text_or_none(job.get("url")),
        description_html=(f"<p>Salary: {html.escape(salary)}</p>" if salary else "") + (text_or_none(job.get("description")) or ""),
        posted=text_or_none(job.get("publication_date")),
        location=f"Remote - {where}" if where else "Remote",
        remote=True,
        employment_type=strings(job.get("job_type")),
        tags=strings(job.get("tags")),
        category=text_or_none(job.get("category")),
        countries=[c.strip() for c in (where or "").split(",") if c.strip()],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "jobs"), lambda j: _record(j, source), source)
