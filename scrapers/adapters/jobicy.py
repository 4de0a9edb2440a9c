"""Jobicy API v2: ``jobicy.com/api/v2/remote-jobs``. All jobs are remote.

Jobicy asks that its listings not be redistributed to Google Jobs and similar: the source
must set ``jsonld = false`` and keep the attribution and link back.
"""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..record import ParseError, RawRecord, SourceConfig
from ._common import each, expect_list, first, load_json, num, text_or_none, strings

KIND = "jobicy"
CONTENT_TYPES = ("application/json",)

_PERIOD = {"hour": "HOUR", "hourly": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH",
           "year": "YEAR", "annual": "YEAR", "yearly": "YEAR"}


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord:
    low = num(job.get("salaryMin")) or num(job.get("annualSalaryMin"))
    high = num(job.get("salaryMax")) or num(job.get("annualSalaryMax"))
    period = (text_or_none(job.get("salaryPeriod")) or ("year" if job.get("annualSalaryMin") else "")).lower()
    geo = text_or_none(job.get("jobGeo"))
    return RawRecord(
        source_id=text_or_none(job.get("id")) or "",
        title=html.unescape(text_or_none(job.get("jobTitle")) or ""),
        organization=text_or_none(job.get("companyName")),
        url=text_or_none(job.get("url")),
        apply_url=text_or_none(job.get("url")),
        description_html=text_or_none(job.get("jobDescription")) or text_or_none(job.get("jobExcerpt")) or "",
        posted=text_or_none(job.get("pubDate")),
        location=f"Remote - {geo}" if geo else "Remote",
        remote=True,
        employment_type=strings(job.get("jobType")),
        salary_min=low, salary_max=high or low,
        salary_currency=text_or_none(job.get("salaryCurrency")),
        salary_unit=_PERIOD.get(period),
        tags=[html.unescape(t) for t in strings(job.get("jobIndustry"))],
        category=html.unescape(first(*strings(job.get("jobIndustry"))[:1]) or "") or None,
        countries=[] if not geo or geo.lower() in ("anywhere", "worldwide") else [c.strip() for c in geo.split(",")],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    data = load_json(body)
    if isinstance(data, dict) and data.get("success") is False:
        raise ParseError(f"Jobicy returned an error: {str(data.get('message'))[:200]}")
    yield from each(expect_list(data, "jobs"), lambda j: _record(j, source), source)
