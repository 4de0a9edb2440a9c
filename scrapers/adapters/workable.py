"""Workable widget API: ``apply.workable.com/api/v1/widget/accounts/{account}?details=true``.

``details=true`` adds the description; the account's ``name`` names the employer.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import as_list, each, expect_list, first, flag, get_text_or_none, load_json, text_or_none, strings, with_query

KIND = "workable"
CONTENT_TYPES = ("application/json",)
#: An employer's board from one row of ``[employers] boards`` in sources.toml (scrapers.config).
BOARD_URL = "https://apply.workable.com/api/v1/widget/accounts/{board}"
BOARD_LABEL = "Workable"


def urls(source: SourceConfig) -> list[str]:
    return [with_query(source.url, details="true")]


def _record(job: dict[str, Any], source: SourceConfig, account: str | None) -> RawRecord:
    place = ", ".join(x for x in (text_or_none(job.get("city")), text_or_none(job.get("state")), text_or_none(job.get("country"))) if x)
    remote = flag(job.get("telecommuting"))
    return RawRecord(
        source_id=first(job.get("shortcode"), job.get("id"), job.get("code")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=first(source.organization, account),
        organization_url=source.organization_url,
        url=first(job.get("url"), job.get("shortlink")),
        apply_url=first(job.get("application_url"), job.get("url"), job.get("shortlink")),
        description_html=text_or_none(job.get("description")) or "",
        posted=first(job.get("published_on"), job.get("created_at")),
        location=("Remote - " + place if remote else place) or None,
        remote=remote,
        employment_type=strings(job.get("employment_type")),
        category=first(job.get("function"), job.get("department"), job.get("industry")),
        countries=[c for c in (get_text_or_none(x, "countryCode") for x in as_list(job.get("locations"))) if c],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    data = load_json(body)
    jobs = expect_list(data, "jobs")
    account = get_text_or_none(data, "name")
    yield from each(jobs, lambda j: _record(j, source, account), source)
