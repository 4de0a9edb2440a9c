"""RawRecord -> Entry: the one place where scraped strings become board values.

Every field from a source is untrusted: plain fields go through ``clean_text``, the body
through the nh3 allow-list, URLs through ``url_problem`` (http/https only), dates through
``parse_datetime`` or RFC 822, currencies and skills through the vocabulary. Curation
decides *whether* a record becomes an entry and supplies the hours and pay it extracted;
this module only decides *how*. Wrong types (a number for a title, a string for a list)
are coerced or dropped, never raised.
"""

from __future__ import annotations

import email.utils
import functools
import hashlib
import json
import html
import re
from datetime import datetime
from typing import Any, Iterable
from urllib.parse import urlsplit

from board import vocabulary as vocab
from board.entry import (MAX_LEN, Compensation, Eligibility, Entry, Hours, Organization, Source,
                         clean_text, normalize_skills, parse_datetime, url_rule)
from board.sanitize import clean_html, html_to_text, safe_url
from board.urls import HOST_RULES, host_problem

from .record import RawRecord, SourceConfig

#: Bodies longer than this are cut before sanitizing: honest postings are far shorter.
MAX_RAW_BODY = 200_000
MAX_SKILLS = 8

# Category by keyword: first category whose words appear wins; the title is read first.
CATEGORY_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("data", ("data", "analytics", "analyst", "machine learning", "statistic", "dashboard", "sql", "tableau")),
    ("software", ("software", "developer", "engineer", "programming", "frontend", "backend", "full-stack",
                  "full stack", "web development", "devops", "python", "javascript", "app ")),
    ("design", ("design", "ux", "ui ", "figma", "graphic", "illustrat", "video edit")),
    ("marketing", ("marketing", "social media", "seo", "growth", "brand", "communications", "content strategy",
                   "campaign", "pr ")),
    ("writing", ("writing", "writer", "editor", "editing", "copywrit", "content", "translation", "proofread",
                 "documentation")),
    ("research", ("research", "survey", "literature review", "interviews")),
    ("finance", ("finance", "financial", "accounting", "bookkeeping", "investment", "tax")),
    ("education", ("education", "tutor", "teaching", "curriculum", "teacher", "coach")),
    ("business", ("business", "operations", "sales", "strategy", "consult", "project management", "customer")),
]
DEFAULT_CATEGORY = "business"

# Skill spellings that are ordinary English words: only trusted as tags, never found in prose.
_PROSE_SKIP = {"r", "copy", "video", "docs", "charts", "node", "stats", "crm", "analytics", "ui", "ux", "ml",
               "pm", "js", "ts", "py", "wp", "smm", "es6", "surveys", "accounting", "documentation", "html",
               "css", "stats", "premiere", "canva", "github", "spreadsheets", "ms excel", "localization", "l10n"}


def as_text(value: Any) -> str:
    """Any value -> str ('' for None, containers and bools): wrong types never raise."""
    if value is None or isinstance(value, (bool, dict, list, tuple, set, bytes)):
        return ""
    return str(value)


def strs(value: Any) -> list[str]:
    """A list of strings from a list, a tuple or a single string; other items dropped."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    return []


def plain(value: Any, limit: int) -> str:
    """A plain-text field: tags (and script contents) dropped, entities decoded, controls removed.

    Twice, so an entity-escaped tag ("&lt;script&gt;") cannot come back as a real one.
    """
    text = as_text(value)[: limit * 20]
    for _ in range(2):
        if "<" in text or "&" in text:
            text = html_to_text(text)
    return clean_text(text, limit)


def parse_date(value: Any, end_of_day: bool = False) -> datetime | None:
    """ISO 8601, "2026-08-05 10:10:39 UTC" or RFC 822 -> aware UTC datetime; else None."""
    text = as_text(value).strip()
    if not text or len(text) > 64:
        return None
    candidates = [text, re.sub(r"\s*(?:UTC|GMT)$", "", text)]
    for candidate in candidates:
        try:
            return parse_datetime(candidate, end_of_day=end_of_day)
        except (ValueError, OverflowError):
            pass
    try:
        dt = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    try:
        return parse_datetime(dt) if dt else None
    except (ValueError, OverflowError):
        return None


def description_html(raw: Any) -> str:
    """Sanitized HTML body; plain-text bodies become escaped paragraphs."""
    text = as_text(raw)[:MAX_RAW_BODY]
    if not re.search(r"<[a-zA-Z/!]", text):
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        text = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    cleaned = clean_html(text)
    if len(cleaned) > MAX_LEN["description"] * 2:  # keep the text, lose the markup
        plain = html_to_text(cleaned)[: MAX_LEN["description"]]
        cleaned = f"<p>{html.escape(plain)}</p>"
    return cleaned


def plain_text(record: RawRecord) -> str:
    """The record's body as plain text, for curation's prose rules and for summaries."""
    body = as_text(record.description_html)[:MAX_RAW_BODY]
    return clean_text(html_to_text(body) if "<" in body else html.unescape(body))


def summary_of(text: str, title: str) -> str:
    """First sentences of the body, at most 300 characters; the title if the body is empty."""
    text = clean_text(text)
    if not text:
        return clean_text(title, MAX_LEN["summary"])
    if len(text) <= MAX_LEN["summary"]:
        return text
    cut = text[: MAX_LEN["summary"] - 1]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > 80 else clean_text(text, MAX_LEN["summary"])


def category_for(record: RawRecord, text: str) -> str:
    """The board category: by keywords in the title, then the source's label and tags, then the body."""
    for haystack in (as_text(record.title), " ".join([as_text(record.category), *strs(record.tags)]), text[:3000]):
        low = f" {haystack.lower()} "
        for slug, words in CATEGORY_KEYWORDS:
            if any(w in low for w in words):
                return slug
    return DEFAULT_CATEGORY


@functools.cache
def _prose_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every skill spelling trusted in prose (longest first), and spelling -> skill.

    The lookahead finds overlapping matches, so a spelling inside a longer one still counts;
    one pass over the text replaces a search per spelling.
    """
    names: dict[str, str] = {}
    for name, aliases in vocab.SKILLS.items():
        for spelling in (name, *aliases):
            low = spelling.lower()
            if low not in _PROSE_SKIP and len(spelling) >= 3:
                names.setdefault(low, name)
    alternatives = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w.+#])(?=(" + alternatives + r")(?![\w+#]))"), names


def _prose_skills(text: str) -> list[str]:
    """Skills named in prose, in order of first mention."""
    pattern, names = _prose_pattern()
    found: dict[str, int] = {}
    for m in pattern.finditer(text.lower()):
        found.setdefault(names[m.group(1)], m.start())
    return sorted(found, key=found.get)


def skills_for(record: RawRecord, text: str) -> tuple[str, ...]:
    tags, _unknown = normalize_skills(strs(record.tags)[:50])
    prose = _prose_skills(text[:20_000])
    merged = list(dict.fromkeys([*tags, *prose]))
    return tuple(merged[:MAX_SKILLS])


def regions_for(record: RawRecord) -> tuple[str, ...]:
    """Applicant location requirements as board region codes; worldwide when none are known."""
    codes: list[str] = []
    for raw in strs(record.countries)[:50]:
        for part in re.split(r"[,;/]| or ", raw):
            part = clean_text(part)
            if not part or part.lower() in ("anywhere", "worldwide", "anywhere in the world", "global"):
                continue
            code = vocab.canonical_region(part)
            if code and code not in codes:
                codes.append(code)
    return tuple(codes) or ("WORLDWIDE",)


def eligibility_for(record: RawRecord, text: str) -> Eligibility:
    low = text.lower()
    students = "enrolled-or-recent" if re.search(r"\b(students?|graduates?|undergrad\w*)\b", low) else "anyone"
    if re.search(r"currently enrolled|must be enrolled|enrolled students?", low):
        students = "enrolled"
    needs_permit = re.search(r"authori[sz]ed to work|work authori[sz]ation|visa sponsorship|right to work", low)
    return Eligibility(regions=regions_for(record), students=students,
                       work_authorization="required" if needs_permit else "not-required")


def link(value: Any) -> str | None:
    """``safe_url``, except that a URL whose host a browser reads as another site, or that
    is a lookalike (``hаrvestshare`` with a Cyrillic ``а``, ``evil%2Eexample``, ``0x7f.1``), is
    kept: ``board.entry.check`` then refuses the record with the reason (skipped and reported),
    where dropping the link would publish the rest of a hostile record."""
    if (url := safe_url(value)) or not isinstance(value, str):
        return url
    url = value.strip()
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    why = url_rule(url, https_only=False)  # kept only when the host is all that is wrong
    return url if host and why is not None and why[0] in HOST_RULES and host_problem(host) else None


def make_slug(title: str, org: str, source_name: str, source_id: str) -> str:
    """title[:50]-org[:20]-hash6: readable, unique per source record, always a safe file name.

    The hash reads the source and the id as a pair (JSON), so ``acme`` + ``12`` and ``acme1`` +
    ``2`` differ; a posting already stored keeps the slug it was published under
    (``storage._carry_over``), so no page moves.
    """
    digest = hashlib.sha256(json.dumps([source_name, source_id]).encode()).hexdigest()[:6]
    parts = [vocab.slugify(title)[:50].strip("-"), vocab.slugify(org)[:20].strip("-"), digest]
    return "-".join(p for p in parts if p)


def to_entry(record: RawRecord, source: SourceConfig, now: datetime, *, hours: Hours,
             compensation: Compensation, text: str | None = None, apply_by: datetime | None = None) -> Entry:
    """Build the Entry; callers run ``board.entry.check`` on it (curation does).

    ``apply_by``: the deadline curation read from the prose, used only when the source's own
    deadline field gives none (curation decides whether a prose date is firm and in bounds)."""
    text = plain_text(record) if text is None else text
    title = plain(record.title, MAX_LEN["title"])
    org_name = plain(as_text(record.organization) or as_text(source.organization), MAX_LEN["organization"])
    source_id = clean_text(as_text(record.source_id), 200)
    posting_url = link(record.url)
    posted = parse_date(record.posted) or now
    return Entry(
        slug=make_slug(title, org_name, source.name, source_id),
        title=title,
        organization=Organization(org_name, link(record.organization_url) or safe_url(source.organization_url)),
        summary=summary_of(text, title),
        description_html=description_html(record.description_html),
        hours=hours,
        compensation=compensation,
        category=category_for(record, text),
        posted=posted,
        apply_url=link(record.apply_url) or posting_url,
        apply_by=parse_date(record.valid_through, end_of_day=True) or apply_by,
        skills=skills_for(record, text),
        eligibility=eligibility_for(record, text),
        source=Source(kind="scraper", name=source.name, url=posting_url if source.link_back else None,
                      attribution=source.attribution or None, jsonld=source.jsonld,
                      ids=(f"{source.name}:{source_id}",)),
        first_seen=now,
        last_seen=now,
    )


def currency_code(value: Any) -> str | None:
    text = as_text(value).strip()
    return vocab.canonical_currency(text) if text and len(text) <= 8 else None


def join(parts: Iterable[Any]) -> str:
    return " ".join(as_text(p) for p in parts if as_text(p))
