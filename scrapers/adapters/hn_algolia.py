"""Hacker News "Ask HN: Who is hiring?" comments via the Algolia API.

``hn.algolia.com/api/v1/search?tags=comment,story_{id}&hitsPerPage=1000``. Only top-level
comments are postings; by the thread's convention their first line is
``Company | Role | Location | REMOTE | Full-time …``. Story hits (from a search for the
monthly thread) carry no posting and yield nothing.

About 1 in 20 real job posts ignore the convention ("Acme is hiring a …", "At Acme we …",
"Acme – Data Intern – Remote", "Company: Acme"). Those are read too: the company from the
first line's lead phrase, else from the first link in the post; when neither names it, the
record is marked ``uncertain=["organization"]`` so curation sends it to review instead of
publishing a guess. A first line with no hiring words at all is a reply or chatter, not a post.
"""

from __future__ import annotations

import html
import re
from typing import Any, Iterator

from ..record import RawRecord, SourceConfig
from ._common import each, expect_list, load_json, text_or_none

KIND = "hn_algolia"
CONTENT_TYPES = ("application/json",)

_TAG = re.compile(r"<[^>]*>")
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|io|ai|co|org|net|dev|app)(?:/\S*)?$", re.I)
_WHERE = re.compile(r"\b(remote|onsite|on-site|hybrid|in[- ]office|relocation)\b", re.I)
_TYPE = re.compile(r"\b(full[- ]?time|part[- ]?time|contract(?:or)?|intern(?:ship)?s?|freelance)\b", re.I)


def _first_line(comment: str) -> list[str]:
    line = re.split(r"<p>|\n", comment, maxsplit=1)[0]
    text = html.unescape(_TAG.sub("", line))
    return [p.strip() for p in text.split("|") if p.strip()]


_LEAD = [  # "Company" as the first line's lead phrase, most specific first
    re.compile(r"^(?:company|employer|organi[sz]ation)\s*:\s*(?P<org>[^,;|]{2,60})", re.I),
    # "At Acme we …" at the start of a sentence: the lead words in any case, the name capitalised
    re.compile(r"^(?i:(?:hi|hey|hello)(?:\s+hn)?[,!]?\s+)?(?i:here\s+)?(?i:at)\s+(?P<org>[A-Z][\w&.'\- ]{0,40}?)\s*(?:\([^)]*\))?\s*"
               r"(?:,|\b(?i:we|is)\b)"),
    re.compile(r"^(?:hey hn!?\s+)?(?P<org>[A-Za-z][\w&.'\- ]{0,40}?)\s*(?:\([^)]*\)\s*)?(?:is|are)\s+(?:hiring|looking|seeking"
               r"|recruiting|offering|building|growing)\b"),
    re.compile(r"^(?P<org>[A-Z][\w&.' ]{0,40}?)\s*(?:\s[\u2013\u2014-]\s|;)\s*(?P<role>[^\u2013\u2014;]{3,80})"),
]
_ROLE_AFTER = re.compile(r"\b(?:hiring|looking for|seeking|offering)\s+(?:an?\s+|one\s+|several\s+|two\s+)?(?P<role>[^.,;!(]{3,80})", re.I)
_HIRING = re.compile(r"\b(?:hiring|looking for|seeking|intern(?:ship)?s?|micro-?internship|apply|open roles?|role|position|paid project|students?"
                     r"|job|contract|freelance|remote)\b", re.I)
_LINK = re.compile(r"https?://([a-z0-9.-]+\.[a-z]{2,})", re.I)
#: Hosts that are not the employer's own site.
_NOT_EMPLOYER = {"ycombinator", "github", "linkedin", "google", "notion", "lever", "greenhouse", "ashbyhq", "workable",
                 "bit", "forms", "docs", "calendly", "twitter", "x", "medium", "substack", "wellfound", "whoishiringjobs"}


#: Lead words that are not a company ("We are hiring", "I am looking").
_NOT_ORG = re.compile(r"^(?:we|i|our|my|this|it|they|you|hey|hi|hello|here|there|the team|team|everyone|us)$", re.I)


def _lead(comment: str) -> tuple[str | None, str, str]:
    """A post without a pipe line: (organization or None, role, the first line)."""
    line = html.unescape(_TAG.sub("", re.split(r"<p>|\n", comment, maxsplit=1)[0])).strip()
    org = role = None
    for rx in _LEAD:
        if (m := rx.search(line)) and not _NOT_ORG.match(m.group("org").strip(" -–(").strip()):
            org = m.group("org").strip(" -–(").strip()
            role = m.groupdict().get("role")
            break
    if org is None:
        for m in _LINK.finditer(html.unescape(comment)):
            labels = m.group(1).lower().split(".")
            name = labels[-2] if len(labels) >= 2 else labels[0]
            if name not in _NOT_EMPLOYER:
                org = name.replace("-", " ").title()
                break
    if not role and (m := _ROLE_AFTER.search(line)):
        role = m.group("role")
    return org, (role or line).strip()[:200], line


def _pipeless(hit: dict[str, Any], comment: str, source: SourceConfig) -> RawRecord | None:
    org, role, line = _lead(comment)
    if not _HIRING.search(line) or len(line) < 8:
        return None  # a reply, a thank-you, chatter: not a post
    item_id = text_or_none(hit.get("objectID")) or ""
    link = f"https://news.ycombinator.com/item?id={item_id}" if item_id.isdigit() else None
    where = _WHERE.search(line)
    return RawRecord(
        # no company found: name the poster (never published as such: curation reviews it)
        source_id=item_id, title=role, organization=org[:200] if org else f"HN user {text_or_none(hit.get('author')) or 'unknown'}",
        url=link, apply_url=link,
        description_html=comment, posted=text_or_none(hit.get("created_at")), location=where.group(0) if where else None,
        employment_type=[m.group(0) for m in [_TYPE.search(line)] if m],
        uncertain=[] if org else ["organization"],
    )


def _record(hit: dict[str, Any], source: SourceConfig) -> RawRecord | None:
    comment = text_or_none(hit.get("comment_text"))
    if not comment or hit.get("parent_id") != hit.get("story_id"):
        return None
    parts = _first_line(comment)
    if len(parts) < 2:
        return _pipeless(hit, comment, source)
    org = re.sub(r"\s*\(?https?://\S+\)?", "", parts[0]).strip(" -–(") or parts[0]
    # "REMOTE | Paid micro-project for students | ~15 hours": a place or a kind of work first, no company
    unnamed = bool(_WHERE.fullmatch(org) or _TYPE.fullmatch(org))
    rest = [p for p in parts[1:] if not _URLISH.match(p)]
    roles = [p for p in rest if not _WHERE.search(p) and not _TYPE.fullmatch(p)]
    item_id = text_or_none(hit.get("objectID")) or ""
    link = f"https://news.ycombinator.com/item?id={item_id}" if item_id.isdigit() else None
    return RawRecord(
        source_id=item_id,
        title=(roles[0] if roles else rest[0] if rest else "")[:200],
        organization=f"HN user {text_or_none(hit.get('author')) or 'unknown'}" if unnamed else org[:200],
        url=link,
        apply_url=link,
        description_html=comment,
        posted=text_or_none(hit.get("created_at")),
        location=" | ".join(p for p in rest if _WHERE.search(p)) or None,
        employment_type=[m.group(0) for p in rest for m in [_TYPE.search(p)] if m],
        uncertain=["organization"] if unnamed else [],
    )


def parse(body: bytes, source: SourceConfig) -> Iterator[RawRecord]:
    yield from each(expect_list(load_json(body), "hits", what="hits"), lambda h: _record(h, source), source)
