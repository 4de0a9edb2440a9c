"""The weekly digest (issue #16, item 6): one feed item per ISO week, listing the postings
that arrived on the board that week, in Atom, RSS and JSON Feed, plus a page per week
(``digest/2026-w47/``, what each item links to) and the digest's index page.

Only finished weeks (Monday to Sunday, UTC) get an item, dated the Monday after: an item
that kept growing through its week would reach an RSS-to-email service half full. The
"Get it by email" box is shown only when ``BOARD_EMAIL_DIGEST_URL`` in pelicanconf.py
names such a service (README, "Alerts by e-mail").
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import quote

from board.entry import Entry, format_datetime

from . import present, stats
from .feeds import FEED_XSL, AtomFeed, RssFeed, tag_uri
from .jsonfeed import VERSION

WEEKS = 12  # finished weeks a digest feed keeps
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


def write_digest(gen, opml: list, feed_rows: list[dict]) -> None:
    """Week pages, the index page, three feeds, and the digest's row in the finder and OPML."""
    c, u = gen.catalog, gen.urls
    weeks = finished_weeks(c.all, c.now)
    links = gen.feed_links("digest", None, TITLE)
    gen.env.globals["email_digest"] = email_link(gen.settings, u.abs(u.feed("digest", None, "rss")))
    for w in weeks:
        page = f"digest/{w.key}/"
        gen.render_board(w.entries, f"{page}index.html", page, template="view.html", title=w.title, feeds=links,
                         lede="Every posting that arrived on the board that week, open or since closed.",
                         view="digest", description=w.title)
    gen.render("digest.html", "digest/index.html", weeks=weeks, feeds=links, page_title=TITLE,
               canonical=u.abs("digest/"), description=DESCRIPTION)
    url_of = lambda e: u.abs(u.posting(e.slug))  # noqa: E731
    for fmt in ("atom", "rss"):
        gen.write(u.feed("digest", None, fmt), render_xml(fmt, gen, weeks, url_of))
    gen.write(u.feed("digest", None, "json"), render_json(gen, weeks, url_of))
    at = max((i + 1 for i, row in enumerate(feed_rows) if row.get("section") == "views"), default=1)
    feed_rows.insert(at, {"name": TITLE, "page": u.href("digest/"), "links": links, "section": "views"})
    opml.insert(min(at, len(opml)), (TITLE, u.abs(u.feed("digest", None, "atom")), u.abs("digest/")))


def _dates(week: Week, now: datetime) -> tuple[datetime, datetime]:
    published = min(week.published, now)
    newest = max(min(e.modified, now) for e in week.entries)
    return published, max(published, newest)


def render_xml(fmt: str, gen, weeks: list[Week], url_of) -> str:
    u, now = gen.urls, gen.catalog.now
    path = u.feed("digest", None, fmt)
    feed = (AtomFeed if fmt == "atom" else RssFeed)(
        title=f"Micro-internships: {TITLE}", link=u.abs("digest/"), description=DESCRIPTION,
        feed_url=u.abs(path), feed_guid=tag_uri(u.public_url, path), language="en",
        author_name="Micro-internship board", fallback_updated=now,
    )
    for w in weeks:
        published, updated = _dates(w, now)
        feed.add_item(title=w.title, link=u.abs(f"digest/{w.key}/"), description=item_html(w, url_of, now),
                      pubdate=published, updateddate=updated, unique_id=tag_uri(u.public_url, f"digest/{w.key}"),
                      unique_id_is_permalink=False, author_name="Micro-internship board")
    text = feed.writeString("utf-8")
    head, sep, rest = text.partition("?>")
    return f'{head}{sep}\n<?xml-stylesheet type="text/xsl" href="{html.escape(u.href(FEED_XSL))}"?>{rest}'


def render_json(gen, weeks: list[Week], url_of) -> str:
    """The JSON Feed twin: the same ids, titles, links and dates as the Atom and RSS items."""
    u, now = gen.urls, gen.catalog.now
    items = []
    for w in weeks:
        published, updated = _dates(w, now)
        items.append({
            "id": tag_uri(u.public_url, f"digest/{w.key}"), "url": u.abs(f"digest/{w.key}/"), "title": w.title,
            "content_html": item_html(w, url_of, now), "date_published": format_datetime(published),
            "date_modified": format_datetime(updated), "tags": ["weekly digest"],
            "authors": [{"name": "Micro-internship board", "url": u.public_url + "/"}],
            "_microboard": {"week": w.key, "postings": [url_of(e) for e in w.entries]},
        })
    feed = {"version": VERSION, "title": f"Micro-internships: {TITLE}", "home_page_url": u.abs("digest/"),
            "feed_url": u.abs(u.feed("digest", None, "json")), "description": DESCRIPTION, "language": "en",
            "authors": [{"name": "Micro-internship board", "url": u.public_url + "/"}], "items": items}
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
