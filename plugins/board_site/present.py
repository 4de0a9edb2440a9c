"""How entries read on the page: labels, money, deadlines, links (Jinja filters).

Kept apart from the generator so templates, feeds and the search index say things
the same way ("600 USD total", "≈ 30–40 USD/h", "Closes in 4 days").
"""

from __future__ import annotations

import html
from datetime import datetime

from board import vocabulary as vocab
from board.entry import Entry, format_datetime

from .feeds import item_summary

KIND_LABELS = {"categories": "Category", "skills": "Skill", "organizations": "Organization"}
KIND_TITLES = {"categories": "Categories", "skills": "Skills", "organizations": "Organizations"}


def money(amount: float, currency: str = "") -> str:
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}".strip()


def _range(low: float, high: float, currency: str) -> str:
    if round(low, 2) == round(high, 2):
        return money(low, currency)
    return f"{money(low)}–{money(high)} {currency}"


def pay_label(e: Entry) -> str:
    c = e.compensation
    text = _range(c.min, c.max, c.currency)
    return f"{text} total" if c.unit == "total" else f"{text}/hour"


def hourly_label(e: Entry) -> str:
    low, high = e.hourly
    low, high = round(low, 2), round(high, 2)
    prefix = "≈ " if e.compensation.unit == "total" else ""
    return f"{prefix}{_range(low, high, e.compensation.currency)}/h"


def hours_label(e: Entry) -> str:
    h = e.hours
    return f"{h.min} hours total" if h.min == h.max else f"{h.min}–{h.max} hours total"


def deadline_label(e: Entry, now: datetime) -> str:
    if e.status != "open":
        return "Filled" if e.status == "filled" else "Closed"
    days = e.days_left(now)
    if days is None:
        return "Open until filled"
    if days < 0:
        return "Closed"
    if days == 0:
        return "Closes today"
    if days == 1:
        return "Closes tomorrow"
    return f"Closes in {days} days"


def human_date(dt: datetime | None) -> str:
    return dt.strftime("%-d %B %Y") if dt else ""


def timezone_label(e: Entry) -> str:
    tz = e.eligibility.timezones
    if not tz:
        return "Any time zone"
    def off(x: float) -> str:
        sign = "+" if x >= 0 else "−"
        h, m = divmod(abs(round(x * 60)), 60)
        return f"UTC{sign}{h}" + (f":{m:02d}" if m else "")
    return off(tz[0]) if tz[0] == tz[1] else f"{off(tz[0])} to {off(tz[1])}"


def regions_label(e: Entry) -> str:
    return ", ".join(vocab.region_label(r) for r in e.eligibility.regions)


def taxonomy_label(kind: str, slug: str, entries: list[Entry]) -> str:
    if kind == "categories":
        return vocab.category_label(slug)
    if kind == "skills":
        for e in entries:
            for s in e.skills:
                if vocab.slugify(s) == slug:
                    return s
    if kind == "organizations" and entries:
        return entries[0].organization.name
    return slug


def edit_url(repository: str, e: Entry) -> str | None:
    """GitHub's edit page of an employer's posting file ("Mark as filled", "Extend")."""
    if not repository or e.source.kind != "employer":
        return None
    return f"https://github.com/{repository}/edit/main/content/postings/{e.slug}.md"


def feed_summary(e: Entry, now: datetime) -> str:
    return item_summary(e, pay_label(e), f"{hours_label(e)} ({hourly_label(e)})", deadline_label(e, now))


def index_row(e: Entry, url: str, now: datetime) -> dict:
    """One entry in search/entries.json: short keys, numbers, no HTML."""
    low, high = e.hourly
    tot_low, tot_high = e.total_pay
    return {
        "u": url,
        "t": e.title,
        "o": e.organization.name,
        "c": e.category,
        "k": list(e.skills),
        "h": [e.hours.min, e.hours.max],
        "cur": e.compensation.currency,
        "pt": round(tot_low, 2),
        "ph": round(low, 2),
        "d": format_datetime(e.apply_by) if e.apply_by else None,
        "p": format_datetime(e.posted),
        "r": list(e.eligibility.regions),
        "tz": list(e.eligibility.timezones) if e.eligibility.timezones else None,
        "st": e.eligibility.students,
        "wa": e.eligibility.work_authorization,
        "src": e.source.kind,
        "s": e.summary,
    }


def install(env, urls, now: datetime) -> None:
    """Register filters and globals on Pelican's Jinja environment."""
    env.filters.update(
        money=money, pay_label=pay_label, hourly_label=hourly_label, hours_label=hours_label,
        deadline_label=lambda e: deadline_label(e, now), human_date=human_date, isodate=format_datetime,
        timezone_label=timezone_label, regions_label=regions_label, slugify=vocab.slugify,
        category_label=vocab.category_label, region_label=vocab.region_label,
    )
    env.globals.update(
        now=now,
        urls=urls,
        href=urls.href,
        absolute=urls.abs,
        posting_href=lambda e: urls.href(f"postings/{e.slug}/"),
        taxonomy_href=lambda kind, slug: urls.href(f"{kind}/{slug}/"),
        skill_href=lambda name: urls.href(f"skills/{vocab.slugify(name)}/"),
        CATEGORIES=vocab.CATEGORIES,
        SKILLS=sorted(vocab.SKILLS),
        STUDENT_STATUS=vocab.STUDENT_STATUS,
        WORK_AUTHORIZATION=vocab.WORK_AUTHORIZATION,
        KIND_LABELS=KIND_LABELS,
        KIND_TITLES=KIND_TITLES,
        escape=html.escape,
    )
