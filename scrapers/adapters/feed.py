"""Any RSS 0.9x/1.0/2.0 or Atom feed, read with feedparser.

feedparser is handed bytes in a BytesIO (a string could be taken for a URL or a path) and
the response headers, so it picks the right encoding and resolves relative links against
the feed's own URL. Its sanitizer is not trusted (links are never scheme-checked):
everything is re-sanitized by ``scrapers.normalize``. Job-board extension elements
(We Work Remotely's ``region``/``type``/``expires_at``, WP Job Manager's ``job_listing_*``)
are read when present.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import time
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping

import feedparser

from ..record import ParseError, RawRecord, SourceConfig
from ._host import KIND_LABEL, NOT_AN_ORG, named_host, plain
from ._common import each, first, text_or_none, strings

KIND = "feed"
CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
                 "application/rdf+xml")


def _when(entry: Any, key: str) -> str | None:
    parsed = entry.get(f"{key}_parsed")
    if isinstance(parsed, time.struct_time):
        try:
            return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
        except (ValueError, OverflowError):
            return None
    return text_or_none(entry.get(key))


def _body(entry: Any) -> str:
    for item in entry.get("content") or []:
        value = text_or_none(item.get("value")) if isinstance(item, dict) else None
        if value:
            return html.escape(value) if item.get("type") == "text/plain" else value
    detail = entry.get("summary_detail") or {}
    summary = text_or_none(entry.get("summary")) or ""
    return html.escape(summary) if detail.get("type") == "text/plain" else summary


#: The employer in trailing parentheses of such a title: "(Ridgeway Media)", not "(Spring 2027)",
#: "(Remote)", "(20 hours, paid)".
_TRAILING_ORG = re.compile(r"\(([^()]{2,80})\)\s*$")
def _split_title(title: str) -> tuple[str | None, str]:
    """"Company: Role" (We Work Remotely and others) -> ("Company", "Role"). A kind-of-posting label
    before the colon stays in the title, and the employer is read from trailing parentheses if any:
    "Micro-Internship: Video Edit (Ridgeway Media)" -> ("Ridgeway Media", "Micro-Internship: Video Edit");
    with none, the organization is unknown (None)."""
    org, sep, role = title.partition(": ")
    if not (sep and org.strip() and role.strip() and len(org) <= 80):
        return None, title
    if not KIND_LABEL.fullmatch(org.strip()):
        return org.strip(), role.strip()
    m = _TRAILING_ORG.search(role)
    if m and not NOT_AN_ORG.search(m.group(1)):
        return m.group(1).strip(), f"{org.strip()}: {role[:m.start()].strip()}"
    return None, title


#: The publisher in a channel title, before its label: "Levant Learning – open projects", "Acme | Careers".
_CHANNEL_HEAD = re.compile(r"^(.{2,80}?)\s+(?:[–—|·-]|::?)\s+\S")
#: A channel named for what it lists, not for who publishes it: "Remote jobs", "Latest internships".
_LISTING_WORDS = re.compile(r"\b(?:jobs?|careers?|board|listings?|vacanc(?:y|ies)|openings?|opportunit(?:y|ies)|gigs?"
                            r"|internships?|projects?|latest|all|feed|hiring|remote)\b", re.IGNORECASE)


#: ... or after it, with no separator: "Fynbos Fintech Careers", "Kittiwake Studio careers".
_CHANNEL_TAIL = re.compile(r"^(.{2,80}?)\s+(?:careers?|jobs|vacancies|opportunities|openings|projects|internships|hiring)\s*$",
                           re.IGNORECASE)
#: A legal form the text may leave out: "Hull Community Energy CIC" is "Hull Community Energy" in its own words.
_LEGAL_FORM = re.compile(r"[\s,]+(?:cic|ltd\.?|limited|inc\.?|llc|llp|plc|gmbh|ggmbh|e\.\s?v\.|ag|ab|as|asa|aps|bv|b\.v\.|nv"
                         r"|sa|sas|sarl|srl|s\.r\.l\.|spa|pty\.? ltd\.?|pvt\.? ltd\.?|co\.|cooperative|co-op)$", re.IGNORECASE)


def channel_publisher(title: str | None) -> str | None:
    """Who a channel says publishes it ("Levant Learning – open projects" -> "Levant Learning"), or None
    when its title names a listing ("Remote jobs – all categories") or has no label to cut."""
    title = (title or "").strip()
    m = _CHANNEL_HEAD.match(title) or _CHANNEL_TAIL.match(title)
    head = m.group(1).strip() if m else None
    if not head or KIND_LABEL.fullmatch(head) or _LISTING_WORDS.search(head) or NOT_AN_ORG.search(head):
        return None
    return head


def _organization(title: str, text: str, channel: str | None, link: str | None = None) -> tuple[str | None, str, list[str]]:
    """Who offers an item whose feed names no employer: (organization, title, uncertain fields).

    In order: "Company: Role" in the title; a host the item names and its text confirms; the
    channel's publisher when the text names it too ("Quayside Press – Work with us"). Anything
    less sure is marked uncertain, so curation sends it to a person (REVIEW_ORG_UNKNOWN) rather
    than losing the posting as "no organization"."""
    org, title = _split_title(title)
    if org:
        return org, title, []
    host, confirmed = named_host(title, text, link)
    if host and confirmed:
        return host, title, []
    publisher = channel_publisher(channel)
    if publisher and (publisher in text or len(bare := _LEGAL_FORM.sub("", publisher)) >= 4 and bare in text):
        return publisher, title, []
    if host or publisher:
        return host or publisher, title, ["organization"]
    if title.partition(": ")[1]:
        # "Micro-Internship: Survey Coding" with no employer named: never published as such, curation
        # reviews it (the feed's own title is the board's, a university's, not the employer's)
        return "unknown (feed title label)", title, ["organization"]
    return None, title, []


def _record(entry: Any, source: SourceConfig, channel: str | None = None) -> RawRecord:
    title = text_or_none(entry.get("title")) or ""
    org = source.organization or text_or_none(entry.get("author")) or text_or_none(entry.get("job_listing_company"))
    link = text_or_none(entry.get("link"))
    uncertain: list[str] = []
    if not org:
        org, title, uncertain = _organization(title, plain(_body(entry)), channel, link)
    places = [x for x in (text_or_none(entry.get(k)) for k in ("region", "country", "state", "location",
                                                       "job_listing_location")) if x]
    skills = [t.strip() for t in (text_or_none(entry.get("skills")) or "").split(",") if t.strip()]
    return RawRecord(
        source_id=first(entry.get("id"), link) or hashlib.sha1(title.encode()).hexdigest()[:16],
        title=title,
        organization=org,
        organization_url=source.organization_url,
        url=link,
        apply_url=link,
        description_html=_body(entry),
        posted=_when(entry, "published") or _when(entry, "updated"),
        valid_through=first(entry.get("expires_at"), entry.get("validthrough"), entry.get("job_listing_expires")),
        location=", ".join(dict.fromkeys(places)) or None,
        employment_type=strings(entry.get("type")) + strings(entry.get("job_listing_job_type")),
        tags=[t for t in (text_or_none(tag.get("term")) for tag in entry.get("tags") or [] if isinstance(tag, dict)) if t] + skills,
        category=text_or_none(entry.get("category")),
        uncertain=uncertain,
    )


def parse(body: bytes, source: SourceConfig, headers: Mapping[str, str] | None = None) -> Iterator[RawRecord]:
    if not isinstance(body, (bytes, bytearray)):
        raise ParseError(f"expected bytes, got {type(body).__name__}")
    if not body.strip():
        raise ParseError("empty body")
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    response_headers.setdefault("content-location", source.url)
    try:
        d = feedparser.parse(io.BytesIO(bytes(body)), response_headers=response_headers)
    except Exception as exc:  # a third-party parser fed hostile bytes: report, never crash the run
        raise ParseError(f"feedparser failed: {type(exc).__name__}: {exc}") from None
    if not d.get("version") and not d.get("entries"):
        why = d.get("bozo_exception")
        raise ParseError(f"not an RSS or Atom feed{f': {why}' if why else ''}")
    channel = text_or_none((d.get("feed") or {}).get("title"))
    yield from each(d.get("entries") or [], lambda e: _record(e, source, channel), source)
