"""The weekly digest (issue #16, item 6): one feed item per ISO week, listing the postings
that arrived on the board that week, in Atom, RSS and JSON Feed, plus a page per week
(``digest/2026-w47/``, what each item links to: the item's list of postings, one line
each, on one page, not cards) and the digest's index page.

Only finished weeks (Monday to Sunday, UTC) get an item, dated the Monday after: an item
that kept growing through its week would reach an RSS-to-email service half full. The
"Get it by email" box is shown only when ``BOARD_EMAIL_DIGEST_URL`` in pelicanconf.py
names such a service (README, "Alerts by e-mail").
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import quote

from board.entry import Entry
from board.paths import Urls

from . import present, stats
from .feeds import BOARD_AUTHOR, Item, tag_uri
from .feedset import Feed, write_feeds

WEEKS = 12  # finished weeks that have a page; the feed carries the newest feedset.CAPS["digest"]
TITLE = "Weekly digest"
DESCRIPTION = "Once a week, every micro-internship that arrived on the board that week."


@dataclass(frozen=True)
class Week:
    monday: date
    entries: list[Entry]  # newest first

    @property
    def key(self) -> str:  # "2026-w47": the ISO year and week
        y, w, _ = self.monday.isocalendar()
        return f"{y}-w{w:02d}"

    @property
    def title(self) -> str:
        y, w, _ = self.monday.isocalendar()
        n = len(self.entries)
        sunday = self.monday + timedelta(days=6)
        return (f"Week {w}, {y}: {n} new micro-internship{'s' if n != 1 else ''} "
                f"({present.human_date(datetime.combine(self.monday, time()))} to "
                f"{present.human_date(datetime.combine(sunday, time()))})")

    @property
    def published(self) -> datetime:
        return datetime.combine(self.monday + timedelta(days=7), time(), timezone.utc)


def finished_weeks(entries: list[Entry], now: datetime, limit: int = WEEKS) -> list[Week]:
    """The last ``limit`` finished weeks that had new postings, newest first."""
    by_week: dict[date, list[Entry]] = {}
    for e in entries:
        by_week.setdefault(stats.week_start(stats.arrival(e).date()), []).append(e)
    this_week = stats.week_start(now.date())
    weeks = [Week(m, sorted(es, key=lambda e: (stats.arrival(e), e.slug), reverse=True))
             for m, es in by_week.items() if m < this_week]
    return sorted(weeks, key=lambda w: w.monday, reverse=True)[:limit]


def email_link(settings: dict, rss_url: str) -> dict | None:
    """The "Get it by email" link, or None when the board's owner has not configured one.

    ``BOARD_EMAIL_DIGEST_URL`` is the service's subscribe address; ``{feed}`` in it is
    replaced by the digest's RSS address (URL-encoded). ``BOARD_EMAIL_DIGEST_SERVICE``
    names the service in the text."""
    url = (settings.get("BOARD_EMAIL_DIGEST_URL") or "").strip()
    if not url.startswith("https://"):
        return None
    return {"href": url.replace("{feed}", quote(rss_url, safe="")),
            "service": settings.get("BOARD_EMAIL_DIGEST_SERVICE") or "an RSS-to-email service"}


def item_html(week: Week, url_of, now: datetime) -> str:
    """The week's postings as the HTML an e-mail or a reader shows: title, organization,
    pay, hours and the deadline as a date (never a countdown)."""
    rows = "".join(
        f'<li><a href="{html.escape(url_of(e))}">{html.escape(e.title)}</a> at {html.escape(e.organization.name)}: '
        f"{html.escape(present.pay_label(e))}, {html.escape(present.hours_label(e))}. "
        f"{html.escape(present.apply_by_label(e))}.</li>" for e in week.entries)
    return f"<p>{html.escape(week.title)}.</p><ul>{rows}</ul>"


FEED = Feed("digest", None, TITLE, "digest/", DESCRIPTION)


def write_digest(gen, finder) -> None:
    """Week pages, the index page, the three feeds, and the digest's row in the finder."""
    c, u = gen.catalog, gen.urls
    weeks = finished_weeks(c.all, c.now)
    links = FEED.links(u)
    for w in weeks:
        page = f"digest/{w.key}/"
        gen.render("digest_week.html", f"{page}index.html", entries=w.entries, title=w.title, feeds=links,
                   lede="Every posting that arrived on the board that week, open or since closed.",
                   page_title=w.title, canonical=u.abs(page), description=w.title)
    gen.render("digest.html", "digest/index.html", weeks=weeks, feeds=links, page_title=TITLE,
               canonical=u.abs("digest/"), description=DESCRIPTION)
    write_feeds(gen, FEED, weeks, lambda w: week_item(w, u, c.now))
    finder.add("views", TITLE, FEED)


def week_item(week: Week, u: Urls, now: datetime) -> Item:
    """A week's item in every format: dated the Monday after it, updated when a posting in it was."""
    published = min(week.published, now)
    updated = max(published, max(min(e.modified, now) for e in week.entries))
    url_of = lambda e: u.abs(Urls.posting(e.slug))  # noqa: E731
    return Item(
        uid=tag_uri(u.public_url, f"digest/{week.key}"), url=u.abs(f"digest/{week.key}/"), title=week.title,
        summary_html=item_html(week, url_of, now), published=published, updated=updated,
        author=BOARD_AUTHOR, author_url=u.public_url + "/", tags=("weekly digest",),
        json=(("_microboard", {"week": week.key, "postings": [url_of(e) for e in week.entries]}),),
        clamped=week.published > now or any(e.modified > now for e in week.entries),
    )
