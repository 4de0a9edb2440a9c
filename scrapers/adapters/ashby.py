"""Ashby public job board API: ``api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true``."""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import as_list, each, expect_list, first, flag, get, get_text_or_none, load_json, num, text_or_none, strings, with_query

KIND = "ashby"
CONTENT_TYPES = ("application/json",)
#: An employer's board from one row of ``[employers] boards`` in sources.toml (scrapers.config).
BOARD_URL = "https://api.ashbyhq.com/posting-api/job-board/{board}"
BOARD_LABEL = "Ashby"

_INTERVAL = {"1 HOUR": "HOUR", "1 DAY": "DAY", "1 WEEK": "WEEK", "1 MONTH": "MONTH", "1 YEAR": "YEAR"}


def urls(source: SourceConfig) -> list[str]:
    return [with_query(source.url, includeCompensation="true")]


def _salary(job: dict[str, Any]) -> tuple[float | None, float | None, str | None, str | None]:
    for comp in as_list(get(job, "compensation", "summaryComponents")):
        if isinstance(comp, dict) and comp.get("compensationType") == "Salary":
            return (num(comp.get("minValue")), num(comp.get("maxValue")), text_or_none(comp.get("currencyCode")),
                    _INTERVAL.get(text_or_none(comp.get("interval")) or "", text_or_none(comp.get("interval"))))
    return None, None, None, None


def _record(job: dict[str, Any], source: SourceConfig) -> RawRecord | None:
    if job.get("isListed") is False:
        return None
    low, high, currency, unit = _salary(job)
    summary = get_text_or_none(job, "compensation", "compensationTierSummary")
    description = text_or_none(job.get("descriptionHtml")) or text_or_none(job.get("descriptionPlain")) or ""
    workplace = text_or_none(job.get("workplaceType")) or ""
    location = first(job.get("location"))
    if workplace and workplace.lower() not in (location or "").lower():
        location = f"{workplace} - {location}" if location else workplace
    return RawRecord(
        source_id=text_or_none(job.get("id")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=source.organization,
        organization_url=source.organization_url,
        url=text_or_none(job.get("jobUrl")),
        apply_url=first(job.get("applyUrl"), job.get("jobUrl")),
        description_html=description + (f"<p>Compensation: {html.escape(summary)}</p>" if summary else ""),
        posted=text_or_none(job.get("publishedAt")),
        location=location,
        remote=flag(job.get("isRemote")),
        employment_type=strings(job.get("employmentType")),
        salary_min=low, salary_max=high, salary_currency=currency, salary_unit=unit,
        tags=strings(job.get("team")),
        category=first(job.get("department"), job.get("team")),
        countries=[c for c in [get_text_or_none(job, "address", "postalAddress", "addressCountry")] if c],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "jobs"), lambda j: _record(j, source), source)
