"""Remote OK API: ``remoteok.com/api``, a JSON array whose first element is the legal notice.

Every job is remote by definition of the board. ``salary_min``/``salary_max`` are yearly
USD, 0 meaning unknown. The terms ask for a followed link back to the posting.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import each, expect_list, first, load_json, num, text_or_none, strings

KIND = "remoteok"
CONTENT_TYPES = ("application/json",)


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord | None:
    if "legal" in job and not text_or_none(job.get("id")):
        return None  # the terms notice, not a job
    low, high = num(job.get("salary_min")), num(job.get("salary_max"))
    return RawRecord(
        source_id=text_or_none(job.get("id")) or "",
        title=first(job.get("position"), job.get("title")) or "",
        organization=text_or_none(job.get("company")),
        url=text_or_none(job.get("url")),
        apply_url=first(job.get("apply_url"), job.get("url")),
        description_html=text_or_none(job.get("description")) or "",
        posted=first(job.get("date"), job.get("epoch")),
        location=first(job.get("location")) or "Remote",
        remote=True,
        salary_min=low, salary_max=high or low,
        salary_currency="USD" if low or high else None,
        salary_unit="YEAR" if low or high else None,
        tags=strings(job.get("tags")),
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body)), lambda j: _record(j, source), source)
