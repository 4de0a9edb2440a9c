"""The site's deadline calendars: which ones exist, what each holds, and their links.

``calendars`` is the iCalendar format; this module decides the files: ``all.ics``, one per
category and skill (:data:`CALENDAR_KINDS`), and the programmes' (``programmes.py`` calls
:func:`write_calendar`). Each lists open entries only, earliest deadline first.

**Caps** (:data:`CAPS`): a calendar carries the next deadlines, not all of them. A
subscribed app re-reads it twice a day (``calendars.REFRESH``) and a student acts on what
closes soon; a posting further out enters the calendar as earlier ones pass. ``all.ics``
keeps the 100 earliest, a category or skill the 50 earliest: days of deadlines at 10,000
open postings, where an uncapped calendar would hold every deadline of the board (the
sizes measured: BENCHMARKS.md, issue #19).
"""

from __future__ import annotations

from typing import Callable
from urllib.parse import urlsplit

from board.catalog import Catalog
from board.entry import Entry
from board.paths import Urls

from . import present
from .calendars import render_calendar

CALENDAR_KINDS = ("categories", "skills")
ALL_LABEL = "All open micro-internships"
#: Earliest deadlines a calendar of this kind carries (the module docstring says why).
CAPS = {"all": 100, "categories": 50, "skills": 50}


def calendar_link(urls: Urls, kind: str, slug: str | None, label: str) -> dict:
    """A calendar's row in the finder: its title, link, absolute and ``webcal:`` addresses."""
    path = Urls.calendar(kind, slug)
    absolute = urls.abs(path)
    return {"title": f"{label} deadlines (iCalendar)", "href": urls.href(path), "abs": absolute,
            "webcal": "webcal://" + absolute.split("://", 1)[-1]}


def calendar_href(catalog: Catalog, urls: Urls) -> Callable[[str, str], str | None]:
    """The ``calendar_href(kind, slug)`` template global: a calendar's link, None if it has none."""
    slugs = {"categories": set(catalog.by_category()), "skills": set(catalog.by_skill())}
    return lambda kind, slug: urls.href(Urls.calendar(kind, slug)) if slug in slugs.get(kind, ()) else None


def calendar_description(e: Entry, url: str) -> str:
    """Plain text for an event's DESCRIPTION (escaped and folded by ``calendars``)."""
    return "\n".join([
        e.summary,
        "",
        f"Organization: {e.organization.name}",
        f"Pay: {present.pay_label(e)}" + (f" ({present.hourly_label(e)})" if e.compensation.unit == "total" else ""),
        f"Effort: {present.hours_label(e)}",
        present.apply_by_label(e),  # a date, never a countdown
        "",
        f"Details and how to apply: {url}",
    ])


def write_calendar(gen, kind: str, slug: str | None, label: str, entries: list[Entry], *, description: str,
                   url_for: Callable[[Entry], str], describe: Callable[[Entry], str], cap: int | None = None) -> dict:
    """One calendar of ``entries``' open deadlines (the ``cap`` earliest); returns its finder link."""
    c, u = gen.catalog, gen.urls
    path = Urls.calendar(kind, slug)
    host = urlsplit(u.public_url).hostname or "localhost"
    dated = sorted((e for e in entries if e.apply_by is not None and e.is_open(c.now)),
                   key=lambda e: (e.apply_by, e.slug))[:cap]
    name = f"Micro-internship deadlines: {label}"
    exact = any(e.modified > c.now for e in dated)  # event stamps are min(modified, now)
    gen.cached(f"calendar:{path}", ("calendar", path, name, description, host, dated, c.now if exact else None),
               lambda: gen.write(path, render_calendar(dated, name=name, description=description, host=host,
                                                       now=c.now, url_for=url_for, describe=describe,
                                                       source_url=u.abs(path))))
    return calendar_link(u, kind, slug, label)


def write_posting_calendars(gen, groups: dict[str, dict[str, list[Entry]]]) -> dict[tuple[str, str | None], dict]:
    """``all.ics`` and every category's and skill's calendar; {(kind, slug): finder link}."""
    c, u = gen.catalog, gen.urls
    url_for = lambda e: u.abs(Urls.posting(e.slug))  # noqa: E731
    describe = lambda e: calendar_description(e, url_for(e))  # noqa: E731
    targets = [("all", None, ALL_LABEL, c.open)]
    targets += [(kind, slug, present.taxonomy_label(kind, slug, entries), entries)
                for kind in CALENDAR_KINDS for slug, entries in groups[kind].items()]
    return {(kind, slug): write_calendar(
        gen, kind, slug, label, entries, url_for=url_for, describe=describe, cap=CAPS[kind],
        description=f"Application deadlines of open micro-internships: {label}.")
        for kind, slug, label, entries in targets}
