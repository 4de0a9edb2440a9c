"""SmartRecruiters Posting API: a listing, then one detail document per posting.

``/v1/companies/{company}/postings`` lists postings without descriptions; each ``ref``
is the detail (``jobAd.sections``, ``postingUrl``, ``applyUrl``). :func:`follow` hands the
run those detail URLs; :func:`parse` reads either shape, so a run that does not follow
still yields (description-less) records, which curation will then reject for lack of signals.
"""

from __future__ import annotations

import html
from typing import Any, Iterator
from urllib.parse import quote, urlsplit

from ..record import ParseError, RawRecord, SourceConfig
from ._common import as_list, each, first, flag, get, get_text_or_none, load_json, text_or_none

KIND = "smartrecruiters"
CONTENT_TYPES = ("application/json",)
#: An employer's board from one row of ``[employers] boards`` in sources.toml (scrapers.config).
BOARD_URL = "https://api.smartrecruiters.com/v1/companies/{board}/postings"
BOARD_LABEL = "SmartRecruiters"
BOARD_MIN_DELAY = 2.0  # a listing plus one detail request per posting
#: A listing page holds at most 100 postings; do not follow more than this per run.
MAX_FOLLOW = 200


def follow(body: bytes, source: SourceConfig) -> list[str]:
    """Detail URLs of the postings in a listing, only on the listing's own host."""
    try:
        data = load_json(body)
    except ParseError:
        return []
    host = urlsplit(source.url).netloc
    out = []
    for item in as_list(get(data, "content")):
        ref = get_text_or_none(item, "ref")
        if ref and urlsplit(ref).netloc == host and urlsplit(ref).scheme in ("http", "https"):
            out.append(ref)
    return out[:MAX_FOLLOW]


def _sections(posting: dict[str, Any]) -> str:
    sections = get(posting, "jobAd", "sections")
    if not isinstance(sections, dict):
        return ""
    parts = []
    for section in sections.values():
        title, text = get_text_or_none(section, "title"), get_text_or_none(section, "text")
        if text:
            parts.append((f"<h3>{html.escape(title)}</h3>" if title else "") + text)
    return "\n".join(parts)


def _record(p: dict[str, Any], source: SourceConfig) -> RawRecord:
    pid = text_or_none(p.get("id")) or ""
    company = get_text_or_none(p, "company", "identifier")
    name = text_or_none(p.get("name")) or ""
    public = f"https://jobs.smartrecruiters.com/{quote(company)}/{quote(pid)}" if company and pid else None
    remote = flag(get(p, "location", "remote"))
    location = first(get(p, "location", "fullLocation"), get(p, "location", "city"))
    if remote:
        location = f"Remote - {location}" if location else "Remote"
    elif flag(get(p, "location", "hybrid")):
        location = f"Hybrid - {location}" if location else "Hybrid"
    return RawRecord(
        source_id=pid,
        title=name,
        organization=first(source.organization, get(p, "company", "name")),
        organization_url=source.organization_url,
        url=first(p.get("postingUrl"), public),
        apply_url=first(p.get("applyUrl"), p.get("postingUrl"), public),
        description_html=_sections(p),
        posted=text_or_none(p.get("releasedDate")),
        location=location,
        remote=remote,
        employment_type=[x for x in (get_text_or_none(p, "typeOfEmployment", "label"), get_text_or_none(p, "typeOfEmployment", "id")) if x],
        category=first(get(p, "function", "label"), get(p, "department", "label")),
        countries=[c.upper() for c in [get_text_or_none(p, "location", "country")] if c],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    data = load_json(body)
    if isinstance(data, dict) and isinstance(data.get("content"), list):
        items: list[Any] = data["content"]
    elif isinstance(data, dict) and text_or_none(data.get("id")) and text_or_none(data.get("name")):
        items = [data]
    else:
        raise ParseError("expected a SmartRecruiters posting list ('content') or a posting detail")
    yield from each(items, lambda p: _record(p, source), source)
