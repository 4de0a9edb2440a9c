"""Workable widget API: ``apply.workable.com/api/v1/widget/accounts/{account}?details=true``.

``details=true`` adds the description; the account's ``name`` names the employer. Where the
job is done comes in three fields, read in this order: ``workplace`` (``"remote"``, ``"hybrid"``,
``"on_site"``: Workable's workplace type, as its v3 jobs API and newer widget payloads give it),
``remote`` (true/false, the v3 flag), then the widget's ``telecommuting``. A hybrid or on-site
workplace is ``remote = False`` whatever the flags say, and the label leads the location
("Hybrid - Austin, Texas"), as Greenhouse's "Location Type" and Lever's and Ashby's
``workplaceType`` do, so curation reads every ATS alike.
"""

from __future__ import annotations

import re
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


#: Workable's workplace types (lower case, "-" and " " as "_") -> the location's label and the remote flag.
_WORKPLACE = {"remote": ("Remote", True), "hybrid": ("Hybrid", False), "on_site": ("On-site", False),
              "onsite": ("On-site", False)}


def _where(job: dict[str, Any]) -> tuple[str | None, bool | None]:
    """The location ("Remote - Austin, Texas, United States") and the remote flag: the workplace
    type first (it is the employer's answer to "where is this job done"), then the flags."""
    place = ", ".join(x for x in (text_or_none(job.get("city")), text_or_none(job.get("state")), text_or_none(job.get("country"))) if x)
    workplace = re.sub(r"[\s-]+", "_", (text_or_none(job.get("workplace")) or "").strip().lower())
    label, remote = _WORKPLACE.get(workplace, (None, None))
    if label is None:
        remote = flag(job.get("remote"))
        remote = flag(job.get("telecommuting")) if remote is None else remote
        label = "Remote" if remote else None
    if label is None:
        return place or None, remote
    return (f"{label} - {place}" if place else label), remote


def _record(job: dict[str, Any], source: SourceConfig, account: str | None) -> RawRecord:
    location, remote = _where(job)
    return RawRecord(
        source_id=first(job.get("shortcode"), job.get("id"), job.get("code")) or "",
        title=text_or_none(job.get("title")) or "",
        organization=first(source.organization, account),
        organization_url=source.organization_url,
        url=first(job.get("url"), job.get("shortlink")),
        apply_url=first(job.get("application_url"), job.get("url"), job.get("shortlink")),
        description_html=text_or_none(job.get("description")) or "",
        posted=first(job.get("published_on"), job.get("created_at")),
        location=location,
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
