"""What an adapter yields, and how a source is configured.

Adapters turn one response body into :class:`RawRecord` objects and nothing more;
curation (``scrapers.curation``) decides whether a record becomes an
:class:`board.entry.Entry`, and everything about HTTP, storage and dedupe lives
once in the run (``scrapers.run``).

Adapter protocol (one short module per kind in ``scrapers/adapters/``)::

    KIND = "greenhouse"
    CONTENT_TYPES = ("application/json",)          # accepted response types
    def urls(source: SourceConfig) -> list[str]:   # optional; default [source.url]
    def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
        # raise scrapers.record.ParseError for a payload it cannot read at all;
        # a single bad record is yielded anyway and rejected by curation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ParseError(ValueError):
    """The whole payload is unreadable (malformed JSON, wrong shape, not a feed)."""


@dataclass(frozen=True)
class SourceConfig:
    name: str  # unique, slug-like: "greenhouse-anthropic"
    kind: str  # adapter KIND
    url: str  # endpoint; a test points it at 127.0.0.1
    organization: str | None = None  # for ATS boards, whose records do not name the employer
    organization_url: str | None = None
    attribution: str = ""  # shown on every entry from this source
    link_back: bool = True  # show a link to the original posting
    min_delay: float = 1.0  # seconds between requests to this host
    jsonld: bool = True  # may we emit JobPosting JSON-LD (Remotive and Jobicy say no)
    reuse_allowed: bool = True  # False: the terms forbid republishing; the source is never fetched
    enabled: bool = True
    curation: dict[str, Any] = field(default_factory=dict)  # per-source overrides


@dataclass
class RawRecord:
    """One posting as the source described it: untrusted, unnormalized strings."""

    source_id: str  # the source's own id for the posting
    title: str
    organization: str | None = None
    organization_url: str | None = None
    url: str | None = None  # the posting's page at the source (link back)
    apply_url: str | None = None
    description_html: str = ""  # untrusted HTML (or text); sanitized later
    posted: str | None = None  # ISO 8601 or RFC 822 as the source gave it
    valid_through: str | None = None
    location: str | None = None  # free text: "Remote - US", "Berlin"
    remote: bool | None = None  # explicit remote flag when the source has one
    employment_type: list[str] = field(default_factory=list)  # "Contract", "INTERN", "Full-time"…
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_unit: str | None = None  # HOUR, DAY, WEEK, MONTH, YEAR, TOTAL
    tags: list[str] = field(default_factory=list)  # skills/keywords from the source
    category: str | None = None  # the source's category label, mapped by curation
    countries: list[str] = field(default_factory=list)  # applicant location requirements
    #: Facts the adapter could not read with confidence ("organization" for an HN post with no
    #: "Company | Role" line and no lead phrase); curation sends such a record to review, not out.
    uncertain: list[str] = field(default_factory=list)
