"""Recruitee Careers Site API: ``{company}.recruitee.com/api/offers/``."""

from __future__ import annotations

from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import as_list, each, expect_list, first, flag, get_text_or_none, load_json, num, text_or_none, strings

KIND = "recruitee"
CONTENT_TYPES = ("application/json",)
#: An employer's board from one row of ``[employers] boards`` in sources.toml (scrapers.config).
BOARD_URL = "https://{board}.recruitee.com/api/offers/"
BOARD_LABEL = "Recruitee"

_PERIOD = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
_EMPLOYMENT = {
    "fulltime": "Full-time", "fulltime_permanent": "Full-time", "fulltime_fixed_term": "Full-time",
    "parttime": "Part-time", "parttime_permanent": "Part-time", "parttime_fixed_term": "Part-time",
    "freelance": "Freelance", "contract": "Contract", "internship": "Internship", "traineeship": "Internship",
    "temporary": "Temporary", "volunteer": "Volunteer",
}


def _record(o: dict[str, Any], source: SourceConfig) -> RawRecord:
    salary = o.get("salary") if isinstance(o.get("salary"), dict) else {}
    code = text_or_none(o.get("employment_type_code")) or ""
    remote = flag(o.get("remote"))
    location = first(o.get("location"), o.get("city"))
    if remote:
        location = f"Remote - {location}" if location else "Remote"
    elif flag(o.get("hybrid")):
        location = f"Hybrid - {location}" if location else "Hybrid"
    body = "\n".join(x for x in (text_or_none(o.get("description")), text_or_none(o.get("requirements"))) if x)
    return RawRecord(
        source_id=first(o.get("id"), o.get("guid"), o.get("slug")) or "",
        title=text_or_none(o.get("title")) or "",
        organization=first(source.organization, o.get("company_name")),
        organization_url=source.organization_url,
        url=text_or_none(o.get("careers_url")),
        apply_url=first(o.get("careers_apply_url"), o.get("careers_url")),
        description_html=body,
        posted=first(o.get("published_at"), o.get("created_at")),
        valid_through=text_or_none(o.get("close_at")),
        location=location,
        remote=remote,
        employment_type=[x for x in (_EMPLOYMENT.get(code), code) if x],
        salary_min=num(salary.get("min")),
        salary_max=num(salary.get("max")),
        salary_currency=text_or_none(salary.get("currency")),
        salary_unit=_PERIOD.get((text_or_none(salary.get("period")) or "").lower()),
        tags=strings(o.get("tags")),
        category=first(o.get("department"), o.get("category_code")),
        countries=[c for c in (get_text_or_none(x, "country_code") for x in as_list(o.get("locations"))) if c],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "offers"), lambda o: _record(o, source), source)
