"""Himalayas API: ``himalayas.app/jobs/api?limit=…&offset=…``. All jobs are remote."""

from __future__ import annotations

from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import each, epoch_iso, expect_list, first, load_json, num, text_or_none, strings

KIND = "himalayas"
CONTENT_TYPES = ("application/json",)

_PERIOD = {"hourly": "HOUR", "hour": "HOUR", "daily": "DAY", "weekly": "WEEK", "monthly": "MONTH",
           "annual": "YEAR", "yearly": "YEAR", "year": "YEAR"}


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord:
    countries = strings(job.get("locationRestrictions"))
    return RawRecord(
        source_id=first(job.get("guid"), job.get("applicationLink"), job.get("id")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=text_or_none(job.get("companyName")),
        url=first(job.get("guid"), job.get("applicationLink")),
        apply_url=first(job.get("applicationLink"), job.get("guid")),
        description_html=text_or_none(job.get("description")) or text_or_none(job.get("excerpt")) or "",
        posted=epoch_iso(job.get("pubDate")),
        valid_through=epoch_iso(job.get("expiryDate")),
        location="Remote" + (f" - {', '.join(countries)}" if countries else ""),
        remote=True,
        employment_type=strings(job.get("employmentType")),
        salary_min=num(job.get("minSalary")),
        salary_max=num(job.get("maxSalary")),
        salary_currency=text_or_none(job.get("currency")),
        salary_unit=_PERIOD.get((text_or_none(job.get("salaryPeriod")) or "").lower()),
        tags=strings(job.get("categories")),
        category=first(*strings(job.get("parentCategories"))[:1]),
        countries=countries,
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "jobs"), lambda j: _record(j, source), source)
